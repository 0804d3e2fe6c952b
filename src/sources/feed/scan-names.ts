import { attrNames, decline, type Tag } from './scan-xml.ts';

/** Namespace prefixes for the fast feed scanner, followed as feedsmith follows them. */

// The namespaces read here, as feedsmith knows them (namespaces/*/common/config), lower-cased.
const DC_URIS = new Set(
  ['purl.org/dc/elements/1.1', 'dublincore.org/documents/dcmi-namespace', 'purl.org/dc/elements/1.0'].flatMap(variants),
);
const CONTENT_URIS = new Set(variants('purl.org/rss/1.0/modules/content'));
const ATOM_URIS = new Set([...variants('www.w3.org/2005/atom'), 'http://purl.org/atom/ns#', 'https://purl.org/atom/ns#']);

function variants(address: string): string[] {
  return ['http://', 'https://'].flatMap((scheme) => [`${scheme}${address}/`, `${scheme}${address}`]);
}

const DECLARATION = /([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const READ_PREFIXES = new Set(['dc', 'content', 'atom']);
/** How far feedsmith looks for namespace declarations before parsing. */
const SEED_LIMIT = 65_536;

/**
 * Prefixes that feedsmith renames to the namespaces read here (FeedBurner's `atom10:link` is
 * `atom:link`; in an Atom feed, `atom10:link` is `link`), for the scan under way; null for none.
 * Scans run one at a time and to the end, so one module-level slot is enough.
 */
let aliases: Map<string, string> | null = null;

/**
 * feedsmith renames prefixed elements by their namespace (`xmlns:x="...dc..."` makes `x:date`
 * `dc:date`). It takes the declarations found in the first 64 KB from the root on (even in text)
 * as holding from the start, and others as it meets them on elements. Followed here only in the
 * plain case: the prefixes read here mean what they say, and a prefix bound to one of their
 * namespaces is bound within those 64 KB and never otherwise.
 */
export function bindPrefixes(text: string, rootAt: number, atom: boolean): void {
  const bound = new Map<string, string | null>();
  let renamed: Map<string, string> | null = null;
  // Written in another case, a declaration is no seed for feedsmith, only an attribute: readTag
  // declines those, so the lower-case ones are all there is to follow.
  for (let at = text.indexOf('xmlns:'); at !== -1; at = text.indexOf('xmlns:', at + 6)) {
    DECLARATION.lastIndex = at + 6;
    const match = DECLARATION.exec(text);
    if (match === null) decline();
    const prefix = (match[1] as string).toLowerCase();
    const canonical = canonicalPrefix(match[2] ?? match[3] ?? '', atom);
    if (bound.has(prefix)) {
      if (bound.get(prefix) !== canonical) decline();
      continue;
    }
    bound.set(prefix, canonical);
    if (canonical === null || canonical === prefix) {
      if (canonical === null && READ_PREFIXES.has(prefix)) decline();
      continue;
    }
    if (READ_PREFIXES.has(prefix) || at < rootAt || DECLARATION.lastIndex > SEED_LIMIT) decline();
    (renamed ??= new Map()).set(prefix, canonical);
  }
  aliases = renamed;
}

export function unbindPrefixes(): void {
  aliases = null;
}

/** What feedsmith names a namespace read here ('' for Atom's own in an Atom feed); null for others. */
export function canonicalPrefix(value: string, atom: boolean): string | null {
  const uri = value.trim().toLowerCase();
  return DC_URIS.has(uri) ? 'dc' : CONTENT_URIS.has(uri) ? 'content' : ATOM_URIS.has(uri) ? (atom ? '' : 'atom') : null;
}

/** The element's name as feedsmith keys it, its prefix renamed where a declaration says so. */
export function nameOf(tag: Tag): string {
  if (aliases === null) return tag.name;
  for (const name of attrNames(tag)) {
    const colon = name.indexOf(':');
    if (colon !== -1 && aliases.has(name.slice(0, colon))) decline();
  }
  const colon = tag.name.indexOf(':');
  const canonical = colon === -1 ? undefined : aliases.get(tag.name.slice(0, colon));
  if (canonical === undefined) return tag.name;
  return canonical === '' ? tag.name.slice(colon + 1) : `${canonical}:${tag.name.slice(colon + 1)}`;
}
