import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { keyedInPlace, type UnkeyedItem } from '../../items/item-key.ts';
import type { ParsedFeed } from '../../items/item.ts';
import { toPlainText, toPlainTitle } from './plain-text.ts';

/** What one feed says about itself and its items, before the items get keys. */
export type UnkeyedFeed = Omit<ParsedFeed, 'items'> & { items: UnkeyedItem[] };

export interface MapOptions {
  /** Longest item text kept, in characters. */
  maxTextChars: number;
}

/** Maps feedsmith's format-specific shapes onto the one shape the pipeline reads. */
export function mapFeed(parsed: AnyFeed, options: MapOptions): UnkeyedFeed {
  switch (parsed.format) {
    case 'rss':
      return mapRss(parsed.feed, options);
    case 'atom':
      return mapAtom(parsed.feed, options);
    case 'rdf':
      return mapRdf(parsed.feed, options);
    case 'json':
      return mapJson(parsed.feed, options);
  }
}

function mapRss(feed: RssFeed.Feed<string>, { maxTextChars }: MapOptions): UnkeyedFeed {
  const feedLang = language(feed.language ?? feed.dc?.languages?.[0] ?? feed.xml?.lang);
  return {
    format: 'rss',
    title: optionalTitle(feed.title),
    link: clean(feed.link),
    lang: feedLang,
    items: (feed.items ?? []).map((item) => {
      const guid = clean(item.guid?.value);
      const permalink = item.guid?.isPermaLink !== false && guid !== null && /^https?:\/\//i.test(guid) ? guid : null;
      const body = item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0] ?? '';
      return new LazyTextItem(body, maxTextChars, {
        title: itemTitle(item.title ?? item.dc?.titles?.[0], body),
        link: clean(item.link) ?? permalink ?? alternateLink(item.atom?.links),
        published: isoDate(item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated),
        lang: language(item.dc?.languages?.[0] ?? item.xml?.lang) ?? feedLang,
        guid,
      });
    }),
  };
}

function mapAtom(feed: AtomFeed.Feed<string>, { maxTextChars }: MapOptions): UnkeyedFeed {
  const feedLang = language(feed.xml?.lang ?? feed.dc?.languages?.[0]);
  return {
    format: 'atom',
    title: optionalTitle(feed.title?.value),
    link: alternateLink(feed.links),
    lang: feedLang,
    items: (feed.entries ?? []).map((entry) => {
      const body = entry.summary?.value ?? entry.content?.value ?? '';
      return new LazyTextItem(body, maxTextChars, {
        title: itemTitle(entry.title?.value, body),
        link: alternateLink(entry.links),
        published: isoDate(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
        lang: language(entry.xml?.lang ?? entry.dc?.languages?.[0]) ?? feedLang,
        guid: clean(entry.id),
      });
    }),
  };
}

function mapRdf(feed: RdfFeed.Feed<string>, { maxTextChars }: MapOptions): UnkeyedFeed {
  const feedLang = language(feed.dc?.languages?.[0] ?? feed.xml?.lang);
  return {
    format: 'rdf',
    title: optionalTitle(feed.title),
    link: clean(feed.link),
    lang: feedLang,
    items: (feed.items ?? []).map((item) => {
      const body = item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0] ?? '';
      return new LazyTextItem(body, maxTextChars, {
        title: itemTitle(item.title ?? item.dc?.titles?.[0], body),
        link: clean(item.link) ?? clean(item.rdf?.about),
        published: isoDate(item.dc?.dates?.[0]),
        lang: language(item.dc?.languages?.[0] ?? item.xml?.lang) ?? feedLang,
        guid: clean(item.rdf?.about),
      });
    }),
  };
}

function mapJson(feed: JsonFeed.Feed<string>, { maxTextChars }: MapOptions): UnkeyedFeed {
  const feedLang = language(feed.language);
  return {
    format: 'json',
    title: optionalTitle(feed.title),
    link: clean(feed.home_page_url),
    lang: feedLang,
    items: (feed.items ?? []).map((item) => {
      const body = item.summary ?? item.content_html ?? item.content_text ?? '';
      return new LazyTextItem(body, maxTextChars, {
        title: itemTitle(item.title, body),
        link: clean(item.url) ?? clean(item.external_url),
        published: isoDate(item.date_published ?? item.date_modified),
        lang: language(item.language) ?? feedLang,
        guid: clean(item.id === undefined ? undefined : String(item.id)),
      });
    }),
  };
}

/**
 * A feed's item, its plain text made from the HTML only when first read: most items of a read were
 * seen before, and the pipeline never reads their text. It is keyed in place once the whole feed is
 * read (see assignItemKeys). Its text is an accessor of its own, so that spreading or posting an
 * item copies the text like any other property, and every item shares that accessor: one made for
 * each item (a closure) gave each item an object of its own kind, a slow hash table, which made
 * every function reading items slower.
 */
class LazyTextItem implements UnkeyedItem {
  key = '';
  readonly title: string;
  readonly link: string | null;
  readonly published: string | null;
  readonly lang: string | null;
  readonly guid: string | null;
  declare readonly text: string;
  readonly #body: string;
  readonly #maxTextChars: number;
  #text: string | null = null;

  constructor(body: string, maxTextChars: number, item: Omit<UnkeyedItem, 'text'>) {
    this.title = item.title;
    this.#body = body;
    this.#maxTextChars = maxTextChars;
    Object.defineProperty(this, 'text', LazyTextItem.#textProperty);
    this.link = item.link;
    this.published = item.published;
    this.lang = item.lang;
    this.guid = item.guid;
  }

  static readonly #textProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: LazyTextItem): string {
      return (this.#text ??= toPlainText(this.#body, this.#maxTextChars));
    },
  };

  get [keyedInPlace](): true {
    return true;
  }
}

/** Atom's rel="alternate" link (rel defaults to alternate), else the first link. */
function alternateLink(links: readonly { href?: string; rel?: string }[] | undefined): string | null {
  if (links === undefined) return null;
  const alternate = links.find((link) => (link.rel ?? 'alternate').toLowerCase() === 'alternate' && clean(link.href) !== null);
  return clean(alternate?.href) ?? clean(links.find((link) => clean(link.href) !== null)?.href);
}

/** Posts without a title (micro-blogs, JSON Feed notes) are titled by the start of their text. */
function itemTitle(title: string | undefined, body: string): string {
  const plain = title === undefined ? '' : toPlainTitle(title);
  return plain !== '' ? plain : toPlainTitle(toPlainText(body, 120));
}

function optionalTitle(title: string | undefined): string | null {
  const plain = title === undefined ? '' : toPlainTitle(title);
  return plain === '' ? null : plain;
}

function clean(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function language(value: string | undefined): string | null {
  const tag = clean(value);
  return tag !== null && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(tag) ? tag.replace(/_/g, '-') : null;
}

/** Dates as ISO 8601 in UTC; RFC 822 and ISO forms are both read, anything else is dropped. */
function isoDate(value: string | undefined): string | null {
  const raw = clean(value);
  if (raw === null) return null;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
