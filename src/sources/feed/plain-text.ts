import { decodeHtmlEntities } from './html-entities.ts';

const DROPPED_ELEMENTS = /<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const BLOCK_BOUNDARIES = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|figure|figcaption|hr)\b[^>]*>/gi;
const TAGS = /<\/?[A-Za-z][^>]*>/g;
/**
 * Titles are meant to be plain text but often carry HTML; only real HTML elements are removed
 * from them, so that "Ligue 1 : <Live> OM – PSG" keeps its words.
 */
const HTML_TAGS_IN_TITLES = new RegExp(
  '<\\/?(?:a|abbr|b|bdi|bdo|big|blockquote|br|cite|code|del|dfn|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|' +
    'nobr|ol|p|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|ul|var|wbr)(?:\\s[^>]*)?\\/?>',
  'gi',
);

/**
 * What any step of toPlainTitle would change: a tag or entity, a space that becomes a plain one,
 * whitespace to collapse or trim. Most titles have none and are returned as they are.
 */
const NOT_PLAIN_TITLE = /[<&\u00a0\u2000-\u200b\u3000]|\s\s|[^\S ]|^\s|\s$/;

/** A title as a single line of plain text: tags stripped, entities decoded, whitespace collapsed. */
export function toPlainTitle(html: string): string {
  if (!NOT_PLAIN_TITLE.test(html)) return html;
  return toPlainLines(html, HTML_TAGS_IN_TITLES).replace(/\s+/g, ' ').trim();
}

/**
 * A summary or article body as plain text of at most `maxChars` characters, cut at a word with an
 * ellipsis when longer. Paragraphs stay apart as blank-line-separated blocks.
 */
export function toPlainText(html: string, maxChars: number): string {
  const kept: string[] = [];
  for (const line of toPlainLines(html).split('\n')) {
    // Most lines are words apart by single spaces, which collapsing would leave as they are.
    const collapsed = (OTHER_WHITESPACE.test(line) ? line.replace(/\s+/g, ' ') : line).trim();
    if (collapsed !== '') kept.push(collapsed);
  }
  return truncate(kept.join('\n\n'), maxChars);
}

/** Whitespace that collapsing changes: a run of two or more, or any but the plain space. */
const OTHER_WHITESPACE = /\s\s|[^\S ]/;

function toPlainLines(html: string, tags: RegExp = TAGS): string {
  // Each step only where it can find something: most texts have no CDATA, comment or script, and many no tag.
  let text = html;
  if (text.includes('<')) {
    if (text.includes('<![CDATA[')) text = text.replace(CDATA, '$1');
    if (text.includes('<!--')) text = text.replace(COMMENTS, '');
    text = text.replace(DROPPED_ELEMENTS, '').replace(BLOCK_BOUNDARIES, '\n').replace(tags, '');
  }
  return decodeHtmlEntities(text).replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ');
}

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const lastSpace = cut.search(/\s\S*$/);
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
