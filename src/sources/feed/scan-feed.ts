import { detectAtomFeed, detectRssFeed, type AnyFeed, type AtomFeed, type RssFeed } from 'feedsmith';
import { bindPrefixes, canonicalPrefix, nameOf, unbindPrefixes } from './scan-names.ts';
import { attr, decline, parseString, readRaw, readString, readTag, scanChildren, skipElement, skipMisc, type Tag } from './scan-xml.ts';

/**
 * A single pass over an RSS 0.9x/2.0 or Atom feed that builds the part of feedsmith's result that
 * map-feed.ts reads, in a few microseconds per item instead of feedsmith's tens (it builds an
 * object tree of every element first). It returns null, and the caller uses feedsmith, whenever
 * the body holds anything it is not sure to read exactly as feedsmith does: a DOCTYPE, another
 * format, a namespace prefix bound in an unusual way, XHTML content, broken or unusual markup.
 */
export function scanFeed(text: string): AnyFeed | null {
  try {
    return scan(text);
  } catch {
    // A decline, or a body that trips the scanner some other way (a deep stack, say): feedsmith
    // reads it as it always did, so a fault here costs speed, never a feed.
    return null;
  }
}

type RssItem = RssFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;
type AtomLink = AtomFeed.Link<string>;

function scan(text: string): AnyFeed {
  const rootAt = skipMisc(text, 0);
  if (text.charCodeAt(rootAt) !== 60) decline();
  const root = readTag(text, rootAt);
  const atom = root.name === 'feed';
  if (atom ? detectRssFeed(text) || !detectAtomFeed(text) : root.name !== 'rss' || !detectRssFeed(text)) decline();
  const defaultNs = attr(root, 'xmlns');
  // feedsmith prefixes every unprefixed name when the root's default namespace is one it knows,
  // except Atom's own in an Atom feed.
  if (defaultNs !== undefined && !(atom && canonicalPrefix(defaultNs, true) === '')) decline();
  if (root.selfClosing) decline();
  bindPrefixes(text, rootAt, atom);
  try {
    const [result, end] = atom ? scanAtom(text, root) : scanRss(text, root);
    if (skipMisc(text, end) !== text.length) decline();
    return result;
  } finally {
    unbindPrefixes();
  }
}

/** An element's `xml:lang`, in feedsmith's shape; undefined when it has none. */
function xmlLangOf(tag: Tag): { lang: string } | undefined {
  const lang = parseString(attr(tag, 'xml:lang'));
  return lang === undefined ? undefined : { lang };
}

/** The first non-empty value of a repeated element (feedsmith's arrays drop empty ones). */
function firstOf(list: string[] | undefined, value: string | undefined): string[] | undefined {
  return list !== undefined || value === undefined ? list : [value];
}

function scanRss(text: string, root: Tag): [AnyFeed, number] {
  let channel: RssFeed.Feed<string> | null = null;
  const end = scanChildren(text, root.end, root.raw, (tag) => {
    if (nameOf(tag) !== 'channel' || channel !== null || tag.selfClosing) decline();
    const [found, end] = scanChannel(text, tag);
    channel = found;
    return end;
  });
  const feed = channel as RssFeed.Feed<string> | null;
  if (feed === null || feed.items === undefined) decline();
  const xml = xmlLangOf(root);
  if (xml !== undefined) feed.xml = xml;
  return [{ format: 'rss', feed }, end];
}

function scanChannel(text: string, channel: Tag): [RssFeed.Feed<string>, number] {
  const feed: RssFeed.Feed<string> = {};
  const seen = new Set<string>();
  let languages: string[] | undefined;
  const items: RssItem[] = [];
  const end = scanChildren(text, channel.end, channel.raw, (tag) => {
    const name = nameOf(tag);
    switch (name) {
      case 'item': {
        const [item, after] = scanItem(text, tag);
        items.push(item);
        return after;
      }
      case 'title':
      case 'link':
      case 'language': {
        const [value, after] = readString(text, tag);
        if (!seen.has(name)) {
          seen.add(name);
          feed[name] = value;
        }
        return after;
      }
      case 'dc:language': {
        const [value, after] = readString(text, tag);
        languages = firstOf(languages, value);
        return after;
      }
      default:
        return skipElement(text, tag);
    }
  });
  if (languages !== undefined) feed.dc = { languages };
  if (items.length > 0) feed.items = items;
  return [feed, end];
}

/** The singular fields of an item or entry, each a bit: the first of each is the one read. */
const FIELD_BITS = new Map(
  [
    'title', 'link', 'description', 'pubdate', 'guid', 'content:encoded', 'atom:published', 'atom:issued', 'atom:created',
    'atom:updated', 'atom:modified', 'summary', 'content', 'id', 'published', 'issued', 'created', 'updated', 'modified',
  ].map((name, index) => [name, 2 ** index]),
);

function fieldBit(name: string): number {
  return FIELD_BITS.get(name) as number;
}

function scanItem(text: string, tag: Tag): [RssItem, number] {
  if (tag.selfClosing) decline();
  const item: RssItem = {};
  let seen = 0;
  let titles: string[] | undefined;
  let descriptions: string[] | undefined;
  let dates: string[] | undefined;
  let languages: string[] | undefined;
  let links: AtomLink[] | undefined;
  const atomDates: Record<string, string | undefined> = {};
  const end = scanChildren(text, tag.end, tag.raw, (child) => {
    const name = nameOf(child);
    switch (name) {
      case 'title':
      case 'link':
      case 'description':
      case 'pubdate':
      case 'guid':
      case 'content:encoded':
      case 'atom:published':
      case 'atom:issued':
      case 'atom:created':
      case 'atom:updated':
      case 'atom:modified': {
        const [value, after] = readString(text, child);
        const bit = fieldBit(name);
        if ((seen & bit) !== 0) return after;
        seen |= bit;
        if (name === 'title') item.title = value;
        else if (name === 'link') item.link = value;
        else if (name === 'description') item.description = value;
        else if (name === 'pubdate') item.pubDate = value;
        else if (name === 'content:encoded') item.content = value === undefined ? undefined : { encoded: value };
        else if (name === 'guid') item.guid = guidOf(value, attr(child, 'ispermalink'));
        else atomDates[name.slice(5)] = value;
        return after;
      }
      case 'dc:title':
      case 'dc:description':
      case 'dc:date':
      case 'dc:language': {
        const [value, after] = readString(text, child);
        if (name === 'dc:title') titles = firstOf(titles, value);
        else if (name === 'dc:description') descriptions = firstOf(descriptions, value);
        else if (name === 'dc:date') dates = firstOf(dates, value);
        else languages = firstOf(languages, value);
        return after;
      }
      case 'atom:link': {
        const [raw, after] = readRaw(text, child);
        links = addLink(links, child, raw);
        return after;
      }
      default:
        return skipElement(text, child);
    }
  });
  if (titles !== undefined || descriptions !== undefined || dates !== undefined || languages !== undefined) {
    item.dc = { titles, descriptions, dates, languages };
  }
  const published = atomDates.published || atomDates.issued || atomDates.created;
  const updated = atomDates.updated || atomDates.modified;
  if (links !== undefined || published !== undefined || updated !== undefined) item.atom = { links, published, updated };
  const xml = xmlLangOf(tag);
  if (xml !== undefined) item.xml = xml;
  const kept =
    item.title !== undefined ||
    item.link !== undefined ||
    item.description !== undefined ||
    item.pubDate !== undefined ||
    item.guid !== undefined ||
    item.content !== undefined ||
    item.dc !== undefined ||
    item.atom !== undefined ||
    item.xml !== undefined;
  // feedsmith drops an item with none of its fields; whether it has one this scan does not read is not known here.
  if (!kept) decline();
  return [item, end];
}

const TRUE = /^\p{White_Space}*true\p{White_Space}*$/iu;
const FALSE = /^\p{White_Space}*false\p{White_Space}*$/iu;

function guidOf(value: string | undefined, permalink: string | undefined): RssFeed.Guid | undefined {
  const isPermaLink = permalink === undefined ? undefined : TRUE.test(permalink) ? true : FALSE.test(permalink) ? false : undefined;
  return value === undefined && isPermaLink === undefined ? undefined : { value, isPermaLink };
}

/** An Atom link as feedsmith reads one: only with attributes; href from the attribute, else the text. */
function addLink(links: AtomLink[] | undefined, tag: Tag, raw: string): AtomLink[] | undefined {
  if (tag.attrs === null) return links;
  const href = parseString(attr(tag, 'href')) ?? parseString(raw);
  if (href === undefined) return links;
  const link: AtomLink = { href, rel: parseString(attr(tag, 'rel')) };
  if (links === undefined) return [link];
  links.push(link);
  return links;
}

/** Text constructs read as plain strings; XHTML ones feedsmith unwraps, which is not followed here. */
function textOf(tag: Tag, raw: string): string | undefined {
  if (tag.attrs !== null) {
    const type = parseString(attr(tag, 'type'));
    if (type === 'xhtml' || type === 'application/xhtml+xml') decline();
  }
  return parseString(raw);
}

function scanAtom(text: string, root: Tag): [AnyFeed, number] {
  const feed: AtomFeed.Feed<string> = {};
  let titled = false;
  let languages: string[] | undefined;
  let links: AtomLink[] | undefined;
  const entries: AtomEntry[] = [];
  const end = scanChildren(text, root.end, root.raw, (tag) => {
    switch (nameOf(tag)) {
      case 'entry': {
        const [entry, after] = scanEntry(text, tag);
        entries.push(entry);
        return after;
      }
      case 'title': {
        const [raw, after] = readRaw(text, tag);
        const value = textOf(tag, raw);
        if (!titled) {
          titled = true;
          feed.title = value === undefined ? undefined : { value };
        }
        return after;
      }
      case 'link': {
        const [raw, after] = readRaw(text, tag);
        links = addLink(links, tag, raw);
        return after;
      }
      case 'dc:language': {
        const [value, after] = readString(text, tag);
        languages = firstOf(languages, value);
        return after;
      }
      default:
        return skipElement(text, tag);
    }
  });
  if (entries.length === 0) decline();
  feed.entries = entries;
  feed.links = links;
  if (languages !== undefined) feed.dc = { languages };
  const xml = xmlLangOf(root);
  if (xml !== undefined) feed.xml = xml;
  return [{ format: 'atom', feed }, end];
}

function scanEntry(text: string, tag: Tag): [AtomEntry, number] {
  if (tag.selfClosing) decline();
  const entry: AtomEntry = {};
  let seen = 0;
  const dates: Record<string, string | undefined> = {};
  let dcDates: string[] | undefined;
  let languages: string[] | undefined;
  let links: AtomLink[] | undefined;
  const end = scanChildren(text, tag.end, tag.raw, (child) => {
    const name = nameOf(child);
    switch (name) {
      case 'title':
      case 'summary':
      case 'content':
      case 'id':
      case 'published':
      case 'issued':
      case 'created':
      case 'updated':
      case 'modified': {
        const [raw, after] = readRaw(text, child);
        const value = name === 'title' || name === 'summary' || name === 'content' ? textOf(child, raw) : parseString(raw);
        const bit = fieldBit(name);
        if ((seen & bit) !== 0) return after;
        seen |= bit;
        if (name === 'title' || name === 'summary' || name === 'content') entry[name] = value === undefined ? undefined : { value };
        else if (name === 'id') entry.id = value;
        else dates[name] = value;
        return after;
      }
      case 'link': {
        const [raw, after] = readRaw(text, child);
        links = addLink(links, child, raw);
        return after;
      }
      case 'dc:date':
      case 'dc:language': {
        const [value, after] = readString(text, child);
        if (name === 'dc:date') dcDates = firstOf(dcDates, value);
        else languages = firstOf(languages, value);
        return after;
      }
      default:
        return skipElement(text, child);
    }
  });
  entry.links = links;
  entry.published = dates.published || dates.issued || dates.created;
  entry.updated = dates.updated || dates.modified;
  if (dcDates !== undefined || languages !== undefined) entry.dc = { dates: dcDates, languages };
  const xml = xmlLangOf(tag);
  if (xml !== undefined) entry.xml = xml;
  const kept =
    entry.title !== undefined ||
    entry.summary !== undefined ||
    entry.content !== undefined ||
    entry.id !== undefined ||
    links !== undefined ||
    entry.published !== undefined ||
    entry.updated !== undefined ||
    entry.dc !== undefined ||
    entry.xml !== undefined;
  if (!kept) decline();
  return [entry, end];
}
