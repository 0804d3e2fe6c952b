import type { AppBskyRichtextFacet } from '@atproto/api';

/** Bluesky's limits for a post's text. */
const postLimits = { graphemes: 300, bytes: 3000 } as const;

type Feature = { kind: 'link'; uri: string } | { kind: 'tag'; tag: string } | { kind: 'mention'; did: string };

/**
 * How a span makes room when the post is too long: the lowest `order` gives way first. A cut
 * span that is not enough even at its minimum leaves last, with its whole line (the quotes too).
 */
type Give = { order: number; kind: 'drop' } | { order: number; kind: 'cut'; minGraphemes: number };

/** A piece of a line: plain text, or a link, tag or mention that becomes a facet over exactly its text. */
export interface Span {
  text: string;
  feature?: Feature;
  /** Spans without it are kept whole. Only plain spans are ever cut. */
  give?: Give;
}

export interface PostText {
  text: string;
  facets: AppBskyRichtextFacet.Main[];
  /** True when something was cut or left out to fit. */
  shortened: boolean;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemesOf(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (part) => part.segment);
}

export function graphemeLength(text: string): number {
  return Array.from(graphemeSegmenter.segment(text)).length;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The first graphemes of `text`, at most `max` of them with the ellipsis, ending at a word when a
 * word ends in the second half; whole graphemes only, so no emoji or accent is ever split.
 */
export function cutAtWord(text: string, max: number): string {
  const graphemes = graphemesOf(text);
  if (graphemes.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let kept = graphemes.slice(0, max - 1);
  for (let i = kept.length - 1; i >= Math.floor(kept.length / 2); i--) {
    if (/^\s+$/u.test(kept[i] as string)) {
      kept = kept.slice(0, i);
      break;
    }
  }
  return `${kept.join('').trimEnd().replace(/[\s,;:–—-]+$/u, '')}…`;
}

function assemble(lines: Span[][]): { text: string; spans: Array<{ span: Span; start: number; end: number }> } {
  let text = '';
  const placed: Array<{ span: Span; start: number; end: number }> = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    if (text !== '') text += '\n';
    line.forEach((span, index) => {
      // A span's leading space separates it from the one before; the first span of a line has none.
      const piece = index === 0 ? span.text.trimStart() : span.text;
      const lead = piece.length - piece.trimStart().length;
      const start = byteLength(text) + byteLength(piece.slice(0, lead));
      text += piece;
      placed.push({ span, start, end: byteLength(text) });
    });
  }
  return { text, spans: placed };
}

function fits(text: string): boolean {
  return byteLength(text) <= postLimits.bytes && graphemeLength(text) <= postLimits.graphemes;
}

function facetOf(feature: Feature, byteStart: number, byteEnd: number): AppBskyRichtextFacet.Main {
  const index = { byteStart, byteEnd };
  switch (feature.kind) {
    case 'link':
      return { $type: 'app.bsky.richtext.facet', index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: feature.uri }] };
    case 'tag':
      return { $type: 'app.bsky.richtext.facet', index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: feature.tag }] };
    case 'mention':
      return { $type: 'app.bsky.richtext.facet', index, features: [{ $type: 'app.bsky.richtext.facet#mention', did: feature.did }] };
  }
}

/**
 * Lays out lines of spans as one post within Bluesky's limits. When the text is too long, spans
 * give way in their order (cut at a word, or left out); a link, tag or mention is never cut, only
 * left out whole. Facets are computed last, from the UTF-8 offsets of the text actually posted.
 */
export function layoutPost(input: Span[][]): PostText {
  const lines = input.map((line) => line.map((span) => ({ ...span })));
  let shortened = false;
  const giving = lines
    .flat()
    .filter((span): span is Span & { give: Give } => span.give !== undefined)
    .sort((a, b) => a.give.order - b.give.order);
  const remove = (span: Span, wholeLine: boolean) => {
    for (const line of lines) {
      const at = line.indexOf(span);
      if (at >= 0) line.splice(wholeLine ? 0 : at, wholeLine ? line.length : 1);
    }
  };

  // First every span gives what it can while staying (cut spans down to their minimum); then, if
  // that is not enough, the cut spans leave with their lines, in the same order.
  const cutToMinimum: Span[] = [];
  for (const span of giving) {
    let { text } = assemble(lines);
    if (fits(text)) break;
    shortened = true;
    if (span.give.kind === 'drop' || span.feature) {
      remove(span, false);
      continue;
    }
    const min = span.give.minGraphemes;
    const original = span.text;
    let target = Math.max(min, graphemeLength(original) - Math.max(1, graphemeLength(text) - postLimits.graphemes));
    for (; target >= min; target--) {
      span.text = cutAtWord(original, target);
      text = assemble(lines).text;
      if (fits(text)) break;
    }
    if (!fits(text)) cutToMinimum.push(span);
  }
  for (const span of cutToMinimum) {
    if (fits(assemble(lines).text)) break;
    remove(span, true);
  }

  let { text, spans } = assemble(lines);
  if (!fits(text)) {
    // Nothing left that may give way: keep whole graphemes up to the limits, and the facets inside them.
    shortened = true;
    const graphemes = graphemesOf(text);
    let end = Math.min(graphemes.length, postLimits.graphemes - 1);
    while (end > 0 && byteLength(`${graphemes.slice(0, end).join('')}…`) > postLimits.bytes) end--;
    text = `${graphemes.slice(0, end).join('')}…`;
    const limit = byteLength(text) - byteLength('…');
    spans = spans.filter((placed) => placed.end <= limit);
  }
  const facets = spans.flatMap(({ span, start, end }) => (span.feature && end > start ? [facetOf(span.feature, start, end)] : []));
  return { text, facets, shortened };
}
