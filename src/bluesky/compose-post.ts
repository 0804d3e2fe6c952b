import type { DigestSummary, StorySummary } from '../summaries/compose.ts';
import { platformName } from '../summaries/phrases.ts';
import { cutAtWord, graphemeLength, graphemesOf, layoutPost, type PostText, type Span } from './post-text.ts';

/** A club's Bluesky account, resolved: mentioned only when its handle resolved to this DID. */
export interface ResolvedMention {
  handle: string;
  did: string;
}

/** What the link card points at; the title and description may be replaced by the page's own. */
export interface CardTarget {
  url: string;
  title: string;
  description: string;
}

export interface PostDraft extends PostText {
  langs: string[];
  card: CardTarget | null;
}

/** Full links are shown as they are up to this length; longer ones are shown shortened (the facet keeps the full URL). */
const maxShownLinkGraphemes = 100;

/** "#StPauli" from "St. Pauli"; null when nothing is left to make a tag of. */
export function hashtagFor(name: string): string | null {
  const words = name
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1));
  const tag = words.join('');
  if (tag === '' || /^\p{N}+$/u.test(tag) || graphemeLength(tag) > 64) return null;
  return tag;
}

function shownLink(url: string): string {
  if (graphemeLength(url) <= maxShownLinkGraphemes) return url;
  try {
    const parsed = new URL(url);
    return cutAtWord(`${parsed.host.replace(/^www\./, '')}${parsed.pathname}`, 40);
  } catch {
    return cutAtWord(url, 40);
  }
}

function bestSource(summary: StorySummary): StorySummary['sources'][number] | undefined {
  return summary.sources.find((source) => source.link !== null && /^https?:\/\//.test(source.link));
}

function tagSpans(summary: StorySummary, mention: ResolvedMention | null, order: number): Span[] {
  const spans: Span[] = [];
  if (mention) spans.push({ text: ` @${mention.handle}`, feature: { kind: 'mention', did: mention.did }, give: { order: order + 1, kind: 'drop' } });
  const clubTag = hashtagFor(summary.clubName);
  if (clubTag) spans.push({ text: ` #${clubTag}`, feature: { kind: 'tag', tag: clubTag }, give: { order, kind: 'drop' } });
  const platformTag = summary.platform === 'other' ? null : hashtagFor(platformName(summary.platform));
  if (platformTag && platformTag !== clubTag) {
    spans.push({ text: ` #${platformTag}`, feature: { kind: 'tag', tag: platformTag }, give: { order, kind: 'drop' } });
  }
  return spans;
}

/** What the card says under its title when the page says nothing: the evidence, unless it only repeats the title. */
function cardDescription(summary: StorySummary, title: string): string {
  if (summary.evidence && summary.evidence.trim() !== title.trim()) return summary.evidence;
  return `${summary.headline} (${summary.date}). ${summary.reportedBy}: ${summary.sources.map((entry) => entry.outlet).join(', ')}`;
}

/**
 * One story as one post: the headline and date, the evidence, who reported it, the best source's
 * link, the club's account and hashtags. Too long, it gives way in that order: the evidence (cut
 * at a word), the outlets, the hashtags, the mention, the link; the headline stays.
 */
export function storyPost(summary: StorySummary, mention: ResolvedMention | null, evidenceLang: string | null = null): PostDraft {
  const source = bestSource(summary);
  const lines: Span[][] = [[{ text: `${summary.headline} (${summary.date})` }]];
  const evidence = summary.evidence.replace(/\s+/g, ' ').trim();
  if (evidence) lines.push([{ text: '“' }, { text: evidence, give: { order: 1, kind: 'cut', minGraphemes: 30 } }, { text: '”' }]);
  const outlets = summary.sources.map((entry) => entry.outlet.replace(/\s+/g, ' ').trim()).join(', ');
  lines.push([{ text: `${summary.reportedBy}: ${outlets}`, give: { order: 2, kind: 'cut', minGraphemes: 20 } }]);
  if (source?.link) lines.push([{ text: shownLink(source.link), feature: { kind: 'link', uri: source.link }, give: { order: 5, kind: 'drop' } }]);
  lines.push(tagSpans(summary, mention, 3));
  const text = layoutPost(lines);
  const quoted = evidence !== '' && text.text.includes(`“${graphemesOf(evidence).slice(0, 12).join('')}`);
  return {
    ...text,
    // The evidence is quoted as reported, so its language is the post's too.
    langs: evidenceLang && evidenceLang !== summary.language && quoted ? [summary.language, evidenceLang] : [summary.language],
    card: source?.link ? { url: source.link, title: source.title || summary.headline, description: cardDescription(summary, source.title) } : null,
  };
}

/**
 * A digest as one post when it fits whole (its headline, then one line per story), else as a
 * thread: the headline first, then one post per story.
 */
export function digestPosts(digest: DigestSummary, mentions: Map<string, ResolvedMention>, evidenceLangs = new Map<number, string>()): PostDraft[] {
  const lines: Span[][] = [[{ text: digest.headline }]];
  for (const story of digest.stories) lines.push([{ text: `• ${story.headline} (${story.date})`, give: { order: 1, kind: 'drop' } }]);
  const whole = layoutPost(lines);
  const first = digest.stories.map(bestSource).find((source) => source?.link);
  if (!whole.shortened) {
    return [{ ...whole, langs: [digest.language], card: first?.link ? { url: first.link, title: first.title, description: digest.headline } : null }];
  }
  const root = layoutPost([[{ text: `${digest.headline} 🧵`, give: { order: 1, kind: 'cut', minGraphemes: 1 } }]]);
  return [
    { ...root, langs: [digest.language], card: null },
    ...digest.stories.map((story) => storyPost(story, story.clubId ? (mentions.get(story.clubId) ?? null) : null, evidenceLangs.get(story.storyId) ?? null)),
  ];
}
