import { createHash } from 'node:crypto';
import type { Item } from './item.ts';
import { normalizeLink } from './normalize-link.ts';

/** An item as a reader found it, before it has a key. `guid` is the RSS guid, Atom id or JSON Feed id. */
export type UnkeyedItem = Omit<Item, 'key'> & { guid: string | null };

/**
 * Gives each item a key that stays the same from one fetch of the feed to the next: its guid when
 * no other item in the feed shares it, else its normalised link when no other item shares that,
 * else a short sha256 of its normalised title. Feeds that repeat one guid on every item (it
 * happens) thus fall back to links instead of collapsing into a single item.
 */
export function assignItemKeys<T extends UnkeyedItem>(items: readonly T[]): (T & { key: string })[] {
  const guids = items.map((item) => cleanGuid(item.guid));
  const guidCounts = countBy(guids);
  const links = items.map((item) => (item.link === null ? null : normalizeLink(item.link)));
  const linkCounts = countBy(links);
  return items.map((item, index) => {
    const guid = guids[index] ?? null;
    const link = links[index] ?? null;
    let key: string;
    if (guid !== null && guidCounts.get(guid) === 1) key = guid;
    else if (link !== null && link !== '' && linkCounts.get(link) === 1) key = link;
    else key = titleHash(item.title);
    // Copied as written, so that a text made only when read (see map-feed) is not made here.
    return Object.defineProperties({ key }, Object.getOwnPropertyDescriptors(item)) as T & { key: string };
  });
}

/** Lower-cased, whitespace-collapsed title, hashed: 16 hex digits of sha256. */
export function titleHash(title: string): string {
  const normalized = title.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

function cleanGuid(guid: string | null): string | null {
  const trimmed = guid?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function countBy(values: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
