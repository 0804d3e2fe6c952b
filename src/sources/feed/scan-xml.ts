import { decodeHTML } from 'entities';

/**
 * The lexical layer of the fast feed scanner: tags, raw element content and feedsmith's string
 * rules, each written to find exactly what fast-xml-parser (as feedsmith configures it) finds, and
 * to throw `declined` wherever that is not certain.
 */

/** Thrown to give the body back to feedsmith; one instance, as a decline is not an error. */
const declined = new Error('the fast scanner declines this feed');

export function decline(): never {
  throw declined;
}

export interface Tag {
  /** The name as written; a closing tag must repeat it exactly. */
  raw: string;
  /** The name lower-cased, as feedsmith names keys (before any renaming of its prefix). */
  name: string;
  /**
   * Where each attribute's name and raw value lie in the text, four indexes an attribute (name
   * start and end, value start and end); null when there are none. Only the few attributes read
   * are ever cut out of the text.
   */
  attrs: number[] | null;
  /** The text the tag is in. */
  source: string;
  selfClosing: boolean;
  /** The index just past the tag's `>`. */
  end: number;
}

/** Names fast-xml-parser refuses (prototype pollution guard): feedsmith fails on them. */
const REFUSED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 58) || code === 45 || code === 46;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Reads the opening tag at `at` (a `<` followed by a name). */
export function readTag(text: string, at: number): Tag {
  let i = at + 1;
  if (!isNameStart(text.charCodeAt(i))) decline();
  while (isNameChar(text.charCodeAt(i))) i++;
  const raw = text.slice(at + 1, i);
  const name = raw.toLowerCase();
  const colon = name.indexOf(':');
  if ((colon !== -1 && (colon === name.length - 1 || name.indexOf(':', colon + 1) !== -1)) || REFUSED_NAMES.has(name)) decline();
  let attrs: number[] | null = null;
  // The next `<` after the attributes read so far, found once and not searched for again per
  // attribute: a tag of many attributes before a long text would otherwise be read in quadratic time.
  let nextOpen = -2;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 62) return { raw, name, attrs, source: text, selfClosing: false, end: i + 1 };
    if (code === 47) {
      if (text.charCodeAt(i + 1) !== 62) decline();
      return { raw, name, attrs, source: text, selfClosing: true, end: i + 2 };
    }
    if (!isSpace(code)) decline();
    while (isSpace(text.charCodeAt(i))) i++;
    const next = text.charCodeAt(i);
    if (next === 62 || next === 47) continue;
    const nameStart = i;
    if (!isNameStart(next)) decline();
    while (isNameChar(text.charCodeAt(i))) i++;
    const nameEnd = i;
    // A namespace declaration not written in lower case escapes the text search for them.
    if (text.charCodeAt(nameStart + 5) === 58 && !text.startsWith('xmlns:', nameStart) && text.slice(nameStart, nameStart + 6).toLowerCase() === 'xmlns:') {
      decline();
    }
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61) decline();
    i++;
    while (isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) decline();
    const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close === -1) decline();
    if (nextOpen !== -1 && nextOpen <= i) nextOpen = text.indexOf('<', i + 1);
    if (nextOpen !== -1 && nextOpen < close) decline();
    (attrs ??= []).push(nameStart, nameEnd, i + 1, close);
    i = close + 1;
  }
}

/** The attribute names of a tag, lower-cased. */
export function attrNames(tag: Tag): string[] {
  const attrs = tag.attrs;
  const names: string[] = [];
  if (attrs !== null) for (let k = 0; k < attrs.length; k += 4) names.push(tag.source.slice(attrs[k], attrs[k + 1]).toLowerCase());
  return names;
}

/**
 * The raw value of an attribute (its name lower-cased), or undefined. A name written twice
 * declines: which one feedsmith keeps is not followed here.
 */
export function attr(tag: Tag, name: string): string | undefined {
  const attrs = tag.attrs;
  if (attrs === null) return undefined;
  let value: string | undefined;
  for (let k = 0; k < attrs.length; k += 4) {
    const start = attrs[k] as number;
    const end = attrs[k + 1] as number;
    if (end - start !== name.length || tag.source.slice(start, end).toLowerCase() !== name) continue;
    if (value !== undefined) decline();
    value = tag.source.slice(attrs[k + 2], attrs[k + 3]);
  }
  return value;
}

/** Skips a comment or a CDATA section at `at` (a `<!`); anything else declines. */
function skipBang(text: string, at: number): number {
  if (text.startsWith('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    // `<!-->` and `<!--->` end at different places for the parser's two comment readers.
    if (end === -1 || text.indexOf('-->', at + 2) !== end) decline();
    return end + 3;
  }
  if (text.startsWith('<![CDATA[', at)) {
    const end = text.indexOf(']]>', at + 9);
    if (end === -1) decline();
    return end + 3;
  }
  return decline();
}

/**
 * Calls `onChild` for each child element of the element whose content starts at `pos`, until its
 * closing tag; returns the index past that tag. Text, comments and CDATA between children are
 * passed over. `onChild` returns the index past the child.
 */
export function scanChildren(text: string, pos: number, raw: string, onChild: (tag: Tag) => number): number {
  for (let at = pos; ; ) {
    const open = text.indexOf('<', at);
    if (open === -1) decline();
    const code = text.charCodeAt(open + 1);
    if (code === 47) {
      const close = text.indexOf('>', open);
      if (close === -1 || text.slice(open + 2, close).trim() !== raw) decline();
      return close + 1;
    }
    if (code === 33) {
      at = skipBang(text, open);
      continue;
    }
    at = onChild(readTag(text, open));
  }
}

/** Skips an element that is not read, checking that it is well formed. */
export function skipElement(text: string, tag: Tag, depth = 0): number {
  if (tag.selfClosing) return tag.end;
  if (depth > MAX_DEPTH) decline();
  return scanChildren(text, tag.end, tag.raw, (child) => skipElement(text, child, depth + 1));
}

/** The index of the `>` ending a tag that starts before `from`, outside quoted values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let k = from; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return k;
  }
  return -1;
}

/**
 * The raw content of an element feedsmith reads as a "stop node" (kept verbatim up to its closing
 * tag, nested markup included), and the index past its closing tag.
 */
export function readRaw(text: string, tag: Tag): [string, number] {
  if (tag.selfClosing) return ['', tag.end];
  const start = tag.end;
  const lowerRaw = tag.raw.toLowerCase();
  for (let at = start; ; ) {
    const open = text.indexOf('<', at);
    if (open === -1) decline();
    const code = text.charCodeAt(open + 1);
    if (code === 47) {
      const close = text.indexOf('>', open);
      if (close === -1) decline();
      const closing = text.slice(open + 2, close).trim();
      if (closing === tag.raw) return [text.slice(start, open), close + 1];
      if (closing.toLowerCase() === lowerRaw) decline();
      at = close + 1;
    } else if (code === 33) {
      at = skipBang(text, open);
    } else {
      // A nested tag of another name; one of the same name would nest, which is not followed here.
      if (!isNameStart(code)) decline();
      let k = open + 1;
      while (isNameChar(text.charCodeAt(k))) k++;
      if (text.slice(open + 1, k).toLowerCase() === lowerRaw) decline();
      const close = tagEnd(text, open + 1);
      if (close === -1) decline();
      at = close + 1;
    }
  }
}

/** The content of an element read as feedsmith's parseString makes it, and the index past it. */
export function readString(text: string, tag: Tag): [string | undefined, number] {
  const [raw, after] = readRaw(text, tag);
  return [parseString(raw), after];
}

/** Skips what may stand before or after the root element: white space, comments, `<?...?>`. */
export function skipMisc(text: string, pos: number): number {
  for (let at = pos; ; ) {
    while (isSpace(text.charCodeAt(at))) at++;
    if (at >= text.length || text.charCodeAt(at) !== 60) return at;
    const code = text.charCodeAt(at + 1);
    if (code === 33) {
      if (!text.startsWith('<!--', at)) return at;
      at = skipBang(text, at);
    } else if (code === 63) {
      const end = text.indexOf('?>', at + 2);
      if (end === -1 || /["']/.test(text.slice(at, end))) {
        // A quoted `?>` would end the instruction elsewhere for the parser; only the plain form is read.
        if (end === -1 || !/^<\?[A-Za-z_][\w:.-]*(?:\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*$/.test(text.slice(at, end))) decline();
      }
      at = end + 2;
    } else return at;
  }
}

// feedsmith's string rules (common/utils parseString), kept identical.

function hasEntities(text: string): boolean {
  const amp = text.indexOf('&');
  return amp !== -1 && text.indexOf(';', amp) !== -1;
}

function stripComments(text: string): string {
  let current = text.indexOf('<!--');
  if (current === -1) return text;
  let result = '';
  let last = 0;
  while (current !== -1) {
    result += text.slice(last, current);
    const end = text.indexOf('-->', current + 4);
    if (end === -1) return text;
    last = end + 3;
    current = text.indexOf('<!--', last);
  }
  return result + text.slice(last);
}

function decodeWithCdata(text: string): string {
  let current = text.indexOf('<![CDATA[');
  if (current === -1) return hasEntities(text) ? decodeHTML(text) : text;
  let result = '';
  let last = 0;
  while (current !== -1) {
    const before = text.slice(last, current);
    result += hasEntities(before) ? decodeHTML(before) : before;
    const end = text.indexOf(']]>', current + 9);
    if (end === -1) return hasEntities(text) ? decodeHTML(text) : text;
    result += text.slice(current + 9, end);
    last = end + 3;
    current = text.indexOf('<![CDATA[', last);
  }
  const after = text.slice(last);
  return result + (hasEntities(after) ? decodeHTML(after) : after);
}

/** A raw value as feedsmith's parseString makes it: comments out, CDATA opened, entities decoded, trimmed. */
export function parseString(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!value.includes('<') && !value.includes('&')) return value.trim() || undefined;
  return decodeWithCdata(stripComments(value)).trim() || undefined;
}
