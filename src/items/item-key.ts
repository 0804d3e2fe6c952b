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
  // Links are only the fall-back for an item whose guid is missing or shared: most feeds have
  // none, and normalising every link (a URL parse each) was a good part of reading a feed.
  let links: (string | null)[] | null = null;
  let linkCounts: Map<string, number> | null = null;
  return items.map((item, index) => {
    const guid = guids[index] ?? null;
    let key: string;
    if (guid !== null && guidCounts.get(guid) === 1) key = guid;
    else {
      links ??= items.map((each) => (each.link === null ? null : normalizeLink(each.link)));
      linkCounts ??= countBy(links);
      const link = links[index] ?? null;
      key = link !== null && link !== '' && linkCounts.get(link) === 1 ? link : titleHash(item.title);
    }
    return withKey(key, item);
  });
}

/** Marks an item made to receive its key in place (a feed's item, see map-feed) rather than be copied. */
export const keyedInPlace = Symbol('keyedInPlace');

/**
 * The item with its key: set in place on an item made for it, else on a copy with the key first,
 * its properties copied as written, so that a text made only when read is not made here. Plain
 * values are assigned, which keeps the copy a fast object; only accessors are defined.
 */
function withKey<T extends object>(key: string, item: T): T & { key: string } {
  if ((item as { [keyedInPlace]?: true })[keyedInPlace] === true) {
    const keyed = item as T & { key: string };
    keyed.key = key;
    return keyed;
  }
  const keyed: Record<PropertyKey, unknown> = { key };
  for (const name of Reflect.ownKeys(item)) {
    const descriptor = Object.getOwnPropertyDescriptor(item, name) as PropertyDescriptor;
    if (descriptor.writable === true && descriptor.enumerable === true && descriptor.configurable === true) keyed[name] = descriptor.value;
    else Object.defineProperty(keyed, name, descriptor);
  }
  return keyed as T & { key: string };
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
