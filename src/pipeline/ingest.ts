import type { Catalog } from '../catalog/types.ts';
import { type Announcement, isHistory } from '../announcements/announcement.ts';
import type { Extractor } from '../announcements/extractor.ts';
import { routeItemStories, routeLaterReport, type Routing } from '../deliveries/route.ts';
import type { Item } from '../items/item.ts';
import type { SeenItem, SourceRecord, Store } from '../store/store.ts';
import { mergeAnnouncement } from '../stories/merge.ts';
import { isTrustedOrigin } from '../stories/trust.ts';
import { mayNameAPlatform } from './platform-hint.ts';
import type { Story, StoryReport } from '../stories/story.ts';

export interface IngestOptions {
  store: Store;
  catalog: Catalog;
  extractor: Extractor;
  routing: Routing;
  windowDays: number;
  minConfidence: number;
  maxItemAgeDays: number;
  maxAnnouncedPerRun: number;
  now: Date;
  /**
   * The items arrived live, after the subscription began (Jetstream): they are news, even when the
   * source's first read (the baseline of its history) has not succeeded yet.
   */
  live?: boolean;
  /** Records the read the items came from, in the transaction that records them (the poller's). */
  recordRead?: (store: Store) => Promise<void>;
}

export interface IngestResult {
  /** Items not seen before in this source. */
  newItems: number;
  /** New items that went through the extractor (the rest were only recorded). */
  examined: number;
  announcements: number;
  newStories: Story[];
  deliveries: number;
}

const dayMs = 86_400_000;
/** Of an item naming a platform, the store keeps this much text, for `why` to read it again. */
const storedTextChars = 2_000;

interface ExaminedText {
  /** What the extractor reads: the headline, then the text. */
  text: string;
  mayNamePlatform: boolean;
}

/** Each item's examined text and whether it may name a platform, worked out once per item. */
function examinedTexts(): { of(item: Item): ExaminedText } {
  const known = new Map<Item, ExaminedText>();
  return {
    of(item) {
      let found = known.get(item);
      if (!found) {
        const both = item.text !== '' && !item.text.startsWith(item.title);
        const text = both ? `${item.title}\n${item.text}` : item.text || item.title;
        // The headline and the text looked at apart: their joined copy is made only for the extractor.
        found = { text, mayNamePlatform: both ? mayNameAPlatform(item.title) || mayNameAPlatform(item.text) : mayNameAPlatform(text) };
        known.set(item, found);
      }
      return found;
    },
  };
}

/**
 * The text the store keeps: only where `why` can find something in it (an item that may name a
 * platform, or a club's own post), and capped; the title is always kept.
 */
function storedText(item: Item, examined: ExaminedText): string {
  if (!examined.mayNamePlatform && !item.authorClubId) return '';
  return item.text.length > storedTextChars ? `${item.text.slice(0, storedTextChars - 1)}…` : item.text;
}

/**
 * An item as the store records it, its stored text made only when asked for. A class, not an
 * object literal: a literal with a getter is a slow hash table, and the store reads every item.
 */
class ItemRecord implements SeenItem {
  readonly key: string;
  readonly title: string;
  readonly link: string | null;
  readonly published: string | null;
  readonly lang: string | null;
  readonly #item: Item;
  readonly #examined: ReturnType<typeof examinedTexts>;

  constructor(
    readonly sourceId: string,
    item: Item,
    examined: ReturnType<typeof examinedTexts>,
  ) {
    this.key = item.key;
    this.title = item.title;
    this.link = item.link;
    this.published = item.published;
    this.lang = item.lang;
    this.#item = item;
    this.#examined = examined;
  }

  get text(): string {
    return storedText(this.#item, this.#examined.of(this.#item));
  }
}

function outletOf(source: SourceRecord, item: Item): string {
  if (source.title) return source.title;
  try {
    return new URL(item.link ?? source.url).hostname.replace(/^www\./, '');
  } catch {
    return source.url;
  }
}

/**
 * Items → announcements → stories → deliveries, for one read of one source, in one transaction:
 * a crash leaves either all of it recorded or none, so nothing is announced twice or lost.
 * A source's first read is recorded without being announced (except the bundled sample); items
 * older than the maximum age are ignored; at most `maxAnnouncedPerRun` items are examined a run.
 */
export async function ingestItems(options: IngestOptions, source: SourceRecord, items: Item[]): Promise<IngestResult> {
  const nowIso = options.now.toISOString();
  const result: IngestResult = { newItems: 0, examined: 0, announcements: 0, newStories: [], deliveries: 0 };
  const examined = examinedTexts();
  // Each item's text is made (and looked at) only when the store finds the item new.
  const seen: SeenItem[] = items.map((item) => new ItemRecord(source.id, item, examined));
  const byKey = new Map(items.map((item) => [item.key, item]));
  const announceAll = source.announceFirstFetch;
  const firstRead = source.lastSuccessAt === null && !options.live;
  const trusted = isTrustedOrigin(source.origin);

  return options.store.transaction(async (store) => {
    const fresh = await store.recordNewItems(seen, nowIso);
    result.newItems = fresh.length;
    if (firstRead && !announceAll) {
      // The read is recorded with its items: were the process stopped before it is, the next read
      // would be a first read too and silently record what arrived in between. Without the read's
      // own record (items not read by the poller), the first read is marked as done.
      const markFirstRead = (within: Store) =>
        within.recordFetchSuccess(source.id, { etag: source.etag, lastModified: source.lastModified, bodyHash: source.bodyHash, fetchedAt: nowIso, nextFetchAt: source.nextFetchAt });
      await (options.recordRead ?? markFirstRead)(store);
      return result;
    }

    const oldest = options.now.getTime() - options.maxItemAgeDays * dayMs;
    const recent = fresh
      .filter((item) => announceAll || !item.published || Date.parse(item.published) >= oldest)
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
      .slice(0, options.maxAnnouncedPerRun)
      // Oldest first, so that stories are told in the order they happened.
      .reverse();

    // Each item read by the extractor first; then the events its announcements tell are taken at
    // once, before any story is looked for: one statement, and every process takes them in one order.
    const extracted = new Map<SeenItem, Announcement[]>();
    for (const seenItem of recent) {
      const item = byKey.get(seenItem.key);
      if (!item) continue;
      const { text, mayNamePlatform } = examined.of(item);
      // Set aside without tokenizing: no announcement can come from an item that names no platform.
      // A club's own post is read whatever it says ("we are here now": the platform it is posted on).
      if (!mayNamePlatform && !item.authorClubId) continue;
      extracted.set(seenItem, options.extractor.extract({ text, lang: item.lang, authorClubId: item.authorClubId ?? null }));
    }
    // Below the bar, or a join the item dates to an earlier year ("on Twitter since 2009"): kept for
    // `why`, told to no one: history is not news.
    const told = (announcement: Announcement, published: string | null): boolean => announcement.confidence >= options.minConfidence && !isHistory(announcement, published, options.now);
    await store.lockStoryEvents([...extracted].flatMap(([seenItem, list]) => list.filter((announcement) => told(announcement, seenItem.published))));

    // Written together at the end of the read, in the order found: one statement, not one each.
    const found: Array<{ item: SeenItem; announcement: Announcement; storyId: number | null }> = [];
    for (const seenItem of recent) {
      const item = byKey.get(seenItem.key);
      if (!item) continue;
      result.examined += 1;
      const announcements = extracted.get(seenItem);
      if (!announcements) continue;
      const itemStories: Story[] = [];
      for (const announcement of announcements) {
        result.announcements += 1;
        if (!told(announcement, item.published)) {
          found.push({ item: seenItem, announcement, storyId: null });
          continue;
        }
        const report: StoryReport = {
          sourceId: source.id,
          outlet: outletOf(source, item),
          itemKey: item.key,
          title: item.title,
          link: item.link,
          evidence: announcement.evidence,
          published: item.published,
          confidence: announcement.confidence,
          lang: item.lang,
          trusted,
        };
        const { story, isNew } = await mergeAnnouncement(store, announcement, report, { windowDays: options.windowDays, now: nowIso, trusted });
        found.push({ item: seenItem, announcement, storyId: story.id });
        if (!isNew) {
          result.deliveries += await routeLaterReport(store, options.catalog, options.routing, story, { sourceId: source.id, trusted }, nowIso);
          continue;
        }
        result.newStories.push(story);
        itemStories.push(story);
      }
      if (itemStories.length > 0) result.deliveries += await routeItemStories(store, options.catalog, options.routing, itemStories, source.id, nowIso);
    }
    await store.recordAnnouncements(found);
    if (options.recordRead) await options.recordRead(store);
    return result;
  });
}
