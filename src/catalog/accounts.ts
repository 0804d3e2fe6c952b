// A club's Bluesky account as the catalog lists it: a handle, a DID, or both, checked and normalised.
import type { CatalogEntry } from './types.ts';

/** "fcstpauli.bsky.social" from "@FCStPauli.bsky.social" or "https://bsky.app/profile/fcstpauli.bsky.social". */
export function normaliseHandle(raw: string): string | null {
  let handle = raw.trim();
  const profile = /^https?:\/\/(?:www\.)?bsky\.app\/profile\/([^/?#]+)/i.exec(handle);
  if (profile) handle = decodeURIComponent(profile[1] as string);
  handle = handle.replace(/^@/, '').toLowerCase();
  if (handle.startsWith('did:')) return null;
  return /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(handle) ? handle : null;
}

export function isDid(value: string): boolean {
  return /^did:(plc|web):[a-zA-Z0-9._:%-]+$/.test(value);
}

/** What the catalog knows of a club's Bluesky account: its handle and, when known, its DID. */
export function catalogAccount(entry: CatalogEntry): { handle: string | null; did: string | null } | null {
  const raw = entry.accounts.bluesky;
  const did = entry.accounts.blueskyDid ?? (raw && isDid(raw.trim()) ? raw.trim() : null);
  const handle = raw ? normaliseHandle(raw) : null;
  if (!did && !handle) return null;
  return { handle, did };
}
