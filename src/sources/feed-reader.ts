import { DetectError, MalformedError, parseFeed, type AnyFeed } from 'feedsmith';
import { FeedParseError } from '../errors.ts';
import { assignItemKeys } from '../items/item-key.ts';
import type { Item, ParsedFeed } from '../items/item.ts';
import { decodeFeedBody } from './feed/decode-body.ts';
import { mapFeed } from './feed/map-feed.ts';
import { scanFeed } from './feed/scan-feed.ts';

export interface ReadFeedOptions {
  /** The HTTP Content-Type, whose charset is used when the feed does not declare its own. */
  contentType?: string | null;
  /** Items kept from one feed; default 1,000. */
  maxItems?: number;
  /** Longest item text kept, in characters; default 4,000. */
  maxTextChars?: number;
}

/** An item with the raw guid (RSS guid, Atom id, JSON Feed id) its key was computed from. */
type FeedItem = Item & { guid: string | null };

export type ReadFeedResult = Omit<ParsedFeed, 'items'> & { items: FeedItem[] };

const DEFAULT_MAX_ITEMS = 1_000;
const DEFAULT_MAX_TEXT_CHARS = 4_000;

/**
 * Reads an RSS 0.9x/2.0, Atom, RDF (RSS 1.0) or JSON Feed body into items with keys.
 *
 * A feed with more than `maxItems` items is not refused: the newest `maxItems` by publication
 * date are kept (undated items count as older than dated ones), in the feed's own order. Archive
 * feeds that list years of articles are real, and a club's news page should not go silent because
 * of one; the fetcher's byte cap bounds the work done before this point.
 *
 * Throws FeedParseError with reason 'not-a-feed' (an HTML page, JSON that is no JSON Feed, ...)
 * or 'malformed' (broken XML, entity declarations).
 */
export function readFeed(body: Buffer | string, options: ReadFeedOptions = {}): ReadFeedResult {
  const text = (typeof body === 'string' ? body : decodeFeedBody(body, options.contentType ?? null)).replace(/^\uFEFF/, '');
  refuseEntityDeclarations(text);
  // The scanner reads the common feeds several times faster; what it is unsure of goes to feedsmith.
  let parsed: AnyFeed | null = scanFeed(text);
  if (parsed === null) {
    try {
      parsed = parseFeed(text);
    } catch (err) {
      throw describeFailure(err, text);
    }
  }
  const feed = mapFeed(parsed, { maxTextChars: options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS });
  const items = keepNewest(assignItemKeys(feed.items), options.maxItems ?? DEFAULT_MAX_ITEMS);
  return { ...feed, items };
}

/**
 * Entity declarations have no use in a news feed and are how XML parsers are attacked: billion
 * laughs (entities that expand exponentially) and external entities that read local files.
 */
function refuseEntityDeclarations(text: string): void {
  const prolog = prologOf(text);
  if (/<!DOCTYPE/i.test(prolog) && /<!ENTITY/i.test(prolog)) {
    throw new FeedParseError('declares XML entities (refused)', 'malformed');
  }
}

/** The text before the root element. A tag written inside a comment does not end it. */
function prologOf(text: string): string {
  for (let at = 0; ; ) {
    const open = text.indexOf('<', at);
    if (open === -1) return text;
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      if (close === -1) return text;
      at = close + 3;
      continue;
    }
    if (/[A-Za-z_]/.test(text[open + 1] ?? '')) return text.slice(0, open);
    at = open + 1;
  }
}

function describeFailure(err: unknown, text: string): FeedParseError {
  if (err instanceof MalformedError) return new FeedParseError('malformed XML', 'malformed', { cause: err });
  if (!(err instanceof DetectError)) return new FeedParseError('malformed feed', 'malformed', { cause: err });
  const start = text.slice(0, 2048);
  const what =
    start.trim() === ''
      ? 'an empty body'
      : /<(?:!doctype\s+html|html|head|body)[\s>]/i.test(start)
        ? 'an HTML page'
        : /^\s*[[{]/.test(start)
          ? 'JSON that is not a JSON Feed'
          : 'an unrecognised format';
  return new FeedParseError(`not a feed (${what})`, 'not-a-feed', { cause: err });
}

function keepNewest(items: FeedItem[], maxItems: number): FeedItem[] {
  if (items.length <= maxItems) return items;
  const time = (item: FeedItem): number => (item.published === null ? -Infinity : Date.parse(item.published));
  const kept = items
    .map((item, index) => ({ index, time: time(item) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, maxItems)
    .map(({ index }) => index)
    .sort((a, b) => a - b);
  return kept.map((index) => items[index] as FeedItem);
}
