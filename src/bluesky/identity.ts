import { SourceFetchError } from '../errors.ts';
import type { SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import { BlueskyReadError } from './errors.ts';
import { isDid } from '../catalog/accounts.ts';

interface DidDocument {
  id?: string;
  alsoKnownAs?: string[];
  service?: Array<{ id?: string; type?: string; serviceEndpoint?: unknown }>;
}

export interface IdentityOptions {
  /** Reads DID documents, PDSes and the AppView; every address it is given may come from the web. */
  fetcher: SafeFetcher;
  /** The public AppView: resolves handles and searches accounts without a login. */
  appView: string;
  plcUrl?: string;
  now?: () => number;
}

const cacheMs = 60 * 60_000;
const maxJsonBytes = 2_000_000;

/**
 * Who an account is and where its data lives, read without a login: handles through the AppView,
 * DID documents from the PLC directory (`did:plc`) or the account's domain (`did:web`), and the
 * account's PDS from its DID document.
 */
export class IdentityResolver {
  private readonly documents = new Map<string, { doc: DidDocument; until: number }>();
  private readonly plcUrl: string;
  private readonly now: () => number;

  constructor(private readonly options: IdentityOptions) {
    this.plcUrl = (options.plcUrl ?? 'https://plc.directory').replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
  }

  /** GETs JSON; a 4xx answer is `null` (not found, not valid), anything else that fails throws. */
  async getJson<T>(url: string): Promise<T | null> {
    try {
      const { body } = await this.options.fetcher.fetchResource(url, { accept: 'application/json', maxBytes: maxJsonBytes });
      return JSON.parse(body.toString('utf8')) as T;
    } catch (err) {
      if (err instanceof SourceFetchError && /^HTTP 4\d\d$/.test(err.message)) return null;
      if (err instanceof SyntaxError) throw new BlueskyReadError(`not JSON: ${url}`, { cause: err });
      throw err;
    }
  }

  xrpcUrl(base: string, nsid: string, params: Record<string, string | number>): string {
    const url = new URL(`/xrpc/${nsid}`, base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    return url.href;
  }

  /** The DID a handle points to now, or null when it points nowhere. */
  async resolveHandle(handle: string): Promise<string | null> {
    const answer = await this.getJson<{ did?: unknown }>(this.xrpcUrl(this.options.appView, 'com.atproto.identity.resolveHandle', { handle }));
    return typeof answer?.did === 'string' && isDid(answer.did) ? answer.did : null;
  }

  async didDocument(did: string): Promise<DidDocument | null> {
    const cached = this.documents.get(did);
    if (cached && cached.until > this.now()) return cached.doc;
    let url: string;
    if (did.startsWith('did:plc:')) url = `${this.plcUrl}/${did}`;
    else if (did.startsWith('did:web:')) url = `https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`;
    else return null;
    const doc = await this.getJson<DidDocument>(url);
    if (!doc || doc.id !== did) return null;
    this.documents.set(did, { doc, until: this.now() + cacheMs });
    return doc;
  }

  /** The account's PDS, from its DID document; null when the document names none. */
  async pdsOf(did: string): Promise<string | null> {
    const doc = await this.didDocument(did);
    const service = doc?.service?.find((entry) => entry.id?.endsWith('#atproto_pds') && entry.type === 'AtprotoPersonalDataServer');
    if (typeof service?.serviceEndpoint !== 'string') return null;
    try {
      const url = new URL(service.serviceEndpoint);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
    } catch {
      return null;
    }
  }

  /** The handle the DID document claims ("at://name.example"), unverified. */
  async claimedHandle(did: string): Promise<string | null> {
    const doc = await this.didDocument(did);
    const aka = doc?.alsoKnownAs?.find((entry) => entry.startsWith('at://'));
    return aka ? aka.slice('at://'.length) : null;
  }
}
