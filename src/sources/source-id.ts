import { createHash } from 'node:crypto';
import { normalizeLink } from '../items/normalize-link.ts';

/** One id per normalised URL: a feed added by many servers is one source, fetched once. */
export function sourceIdFor(kind: 'feed' | 'bluesky', address: string): string {
  const canonical = kind === 'feed' ? normalizeLink(address) : address.toLowerCase();
  return `${kind === 'feed' ? 'f' : 'b'}-${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}
