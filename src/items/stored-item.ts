import { normalizeLink } from './normalize-link.ts';

/** How much of an item's text is kept: enough for `why` to quote what the extractor read. */
export const storedTextChars = 4000;

/**
 * The text kept of an item: capped, and without NUL characters (a JSON feed may carry them; no
 * store needs them, and PostgreSQL refuses them in text).
 */
export function storedText(text: string): string {
  return text.replaceAll('\u0000', '').slice(0, storedTextChars);
}

/** The key an item is found by from any way of writing its link. */
export function linkKey(link: string | null): string | null {
  return link === null ? null : normalizeLink(link);
}
