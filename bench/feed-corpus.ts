import type { CatalogEntry } from '../src/catalog/types.ts';
import { corpusText, type BenchLanguage } from './corpus-text.ts';

/**
 * Generated feeds that look like the ones clubwatch reads: RSS 2.0 (four in five) and Atom, one
 * language each, 50 items of a headline and a lead of about 600 characters, partly as CDATA HTML
 * and partly as escaped HTML, with guids, links, dates, authors and categories. Most items are
 * ordinary football news; a small share mention X or Bluesky without any move; a few are real
 * announcements about catalog clubs. The same seed gives the same bytes.
 */
export interface GeneratedFeed {
  index: number;
  url: string;
  lang: BenchLanguage;
  format: 'rss' | 'atom';
  body: Buffer;
  items: number;
  /** Items written as real announcements. */
  announcements: number;
}

export interface CorpusOptions {
  feeds: number;
  itemsPerFeed: number;
  /** Share of items that are real announcements (default 0.04) and near misses (default 0.04). */
  announcementShare?: number;
  nearMissShare?: number;
  /** Items are dated within the week before this. */
  now: Date;
  seed?: number;
  /** Catalog clubs whose names the news uses. */
  clubs: readonly CatalogEntry[];
  /** Base of the feeds' URLs (a feed server, or a made-up host). */
  baseUrl?: string;
}

export const benchLanguages: readonly BenchLanguage[] = ['fr', 'en', 'de', 'es', 'it', 'pt'];
const homeCountry: Record<BenchLanguage, string | null> = { fr: 'FR', en: null, de: 'DE', es: 'ES', it: null, pt: 'BR' };
const notInCatalog = ['Stade Lavallois', 'Rotherham United', 'SV Sandhausen', 'CD Mirandés', 'US Cremonese', 'Ituano FC'];

/** A small, fast, seeded generator (mulberry32): the corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface GeneratedItem {
  title: string;
  lead: string;
  slug: string;
  published: Date;
  author: string;
}

export function generateFeeds(options: CorpusOptions): GeneratedFeed[] {
  const random = seededRandom(options.seed ?? 2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const clubs = options.clubs.filter((entry) => entry.kind === 'club');
  const nameOf = (entry: CatalogEntry): string => (random() < 0.6 ? (entry.shortNames[0] ?? entry.name) : entry.name);
  const announcementShare = options.announcementShare ?? 0.04;
  const nearMissShare = options.nearMissShare ?? 0.04;
  const base = options.baseUrl ?? 'https://news.bench.invalid';
  const feeds: GeneratedFeed[] = [];

  for (let index = 0; index < options.feeds; index++) {
    const lang = benchLanguages[index % benchLanguages.length] as BenchLanguage;
    const text = corpusText[lang];
    const home = clubs.filter((entry) => entry.country === homeCountry[lang]);
    const local = home.length > 0 && random() < 0.8 ? home : clubs;
    const fill = (template: string): string =>
      template
        .replaceAll('{club}', nameOf(pick(local)))
        .replaceAll('{other}', random() < 0.7 ? nameOf(pick(local)) : pick(notInCatalog))
        .replaceAll('{player}', pick(text.players))
        .replaceAll('{n}', String(10_000 + Math.floor(random() * 40_000)));
    const items: GeneratedItem[] = [];
    let announcements = 0;
    for (let n = 0; n < options.itemsPerFeed; n++) {
      const roll = random();
      let title: string;
      let lead = '';
      if (roll < announcementShare) {
        const [headline, first] = pick(text.announcements);
        const club = nameOf(pick(local));
        title = headline.replaceAll('{club}', club);
        lead = first.replaceAll('{club}', club);
        announcements += 1;
      } else if (roll < announcementShare + nearMissShare) {
        title = fill(pick(text.nearMisses));
      } else {
        title = fill(pick(text.headlines));
      }
      while (lead.length < 520) lead += (lead ? ' ' : '') + fill(pick(text.fillers));
      items.push({
        title,
        lead,
        slug: `${index}-${n}-${Math.floor(random() * 1e9).toString(36)}`,
        published: new Date(options.now.getTime() - Math.floor(random() * 7 * 86_400_000)),
        author: pick(text.players),
      });
    }
    items.sort((a, b) => b.published.getTime() - a.published.getTime());
    const format = index % 5 === 4 ? 'atom' : 'rss';
    const url = `${base}/outlet-${index}/${format === 'rss' ? 'rss.xml' : 'atom.xml'}`;
    const xml = format === 'rss' ? rssFeed(index, lang, items, random) : atomFeed(index, lang, items);
    feeds.push({ index, url, lang, format, body: Buffer.from(xml, 'utf8'), items: items.length, announcements });
  }
  return feeds;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function leadHtml(lead: string): string {
  const cut = lead.indexOf('. ', 200);
  if (cut === -1) return `<p>${lead}</p>`;
  return `<p><strong>${lead.slice(0, cut + 1)}</strong></p><p>${lead.slice(cut + 2)}</p>`;
}

function rssFeed(index: number, lang: BenchLanguage, items: GeneratedItem[], random: () => number): string {
  const site = `https://www.outlet-${index}.bench.invalid`;
  const cdata = random() < 0.5;
  const entries = items.map((item) => {
    const html = leadHtml(item.lead);
    const description = cdata ? `<![CDATA[${html}]]>` : escapeXml(html);
    return `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${site}/football/${item.slug}.html?utm_source=rss&amp;utm_medium=feed</link>
      <guid isPermaLink="false">outlet-${index}-${item.slug}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
      <dc:creator><![CDATA[${item.author}]]></dc:creator>
      <category><![CDATA[Football]]></category>
      <description>${description}</description>
      <enclosure url="${site}/images/${item.slug}.jpg" type="image/jpeg" length="0"/>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Outlet ${index} – Football</title>
    <link>${site}/football/</link>
    <atom:link href="${site}/football/rss.xml" rel="self" type="application/rss+xml"/>
    <description>Football news from outlet ${index}</description>
    <language>${lang}</language>
    <lastBuildDate>${(items[0]?.published ?? new Date(0)).toUTCString()}</lastBuildDate>
    <ttl>10</ttl>
${entries.join('\n')}
  </channel>
</rss>
`;
}

function atomFeed(index: number, lang: BenchLanguage, items: GeneratedItem[]): string {
  const site = `https://www.outlet-${index}.bench.invalid`;
  const entries = items.map(
    (item) => `  <entry>
    <title type="html">${escapeXml(item.title)}</title>
    <id>tag:outlet-${index}.bench.invalid,2024:${item.slug}</id>
    <link rel="alternate" type="text/html" href="${site}/football/${item.slug}"/>
    <published>${item.published.toISOString()}</published>
    <updated>${item.published.toISOString()}</updated>
    <author><name>${escapeXml(item.author)}</name></author>
    <category term="football"/>
    <summary type="html">${escapeXml(leadHtml(item.lead))}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <title>Outlet ${index} – Football</title>
  <id>tag:outlet-${index}.bench.invalid,2024:football</id>
  <link rel="self" href="${site}/football/atom.xml"/>
  <link rel="alternate" href="${site}/football/"/>
  <updated>${(items[0]?.published ?? new Date(0)).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}
