import { decodeHTML } from 'entities';

/** Decodes HTML character references (all named and numeric ones) with the `entities` library. */
export function decodeHtmlEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}
