import { escapeMarkdown } from 'discord.js';
import { embedUrlLength } from './limits.ts';

const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const zeroWidthSpace = '\u200B';

/** Removes control and direction-override characters; keeps line breaks. */
export function stripControl(text: string): string {
  return text.replace(controlCharacters, '');
}

/**
 * Text from feeds and users, made inert: no mention can ping (allowed mentions already forbid it;
 * this also keeps the text from looking like one), no markdown or masked link can be injected.
 */
export function inert(text: string): string {
  return escapeMarkdown(stripControl(text))
    .replace(/[[\]]/g, (bracket) => `\\${bracket}`)
    .replace(/@(everyone|here)/gi, `@${zeroWidthSpace}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, `<$1${zeroWidthSpace}$2>`);
}

/** Cuts at a character boundary, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** A link safe to put in an embed: http(s) only, no credentials, at most 2,048 characters. */
export function safeLink(link: string | null | undefined): string | null {
  if (!link || link.length > embedUrlLength) return null;
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href.replace(/\)/g, '%29');
  } catch {
    return null;
  }
}

/** `[outlet](link)` when the link is safe, else the outlet alone; the outlet is made inert. */
export function maskedLink(label: string, link: string | null | undefined): string {
  const url = safeLink(link);
  const text = inert(truncate(label, 80));
  return url ? `[${text}](${url})` : text;
}
