import { isDid } from '../catalog/accounts.ts';

/** The DID in a source's address: "did:plc:…" or "at://did:plc:…". */
export function didOfAddress(address: string): string | null {
  const did = address.replace(/^at:\/\//, '').split('/')[0] ?? '';
  return isDid(did) ? did : null;
}
