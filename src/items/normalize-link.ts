const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'xtor',
  'wt_mc',
  'wt_mc_id',
  'wt_zmc',
  '_ga',
  'ocid',
  'cmpid',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'wt.', 'mtm_', 'pk_'];

/**
 * The form of a link used to recognise the same article across fetches and outlets: scheme and
 * host lower-cased, default port and fragment dropped, tracking parameters (utm_*, xtor, fbclid,
 * at_medium, ...) removed and the remaining parameters sorted. Anything that is not an http(s)
 * URL is returned trimmed but otherwise as it came.
 */
export function normalizeLink(link: string): string {
  const trimmed = link.trim();
  return plainLinkNormalized(trimmed) ?? normalizedThroughUrl(trimmed);
}

/** The same normalisation by URL parsing, for any link: what the quick path must agree with. */
export function normalizedThroughUrl(link: string): string {
  const trimmed = link.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParameter(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  return url.href;
}

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * An http(s) link written as URL parsing would leave it: scheme and host in lower case, no port,
 * no user, no percent sign, no dot segment, a query of plain words (utm_source=rss&id=2). Most
 * article links are written so, and normalising them needs no URL object (about half of the time
 * a new item cost to be recorded went into parsing links). Null for anything else; the caller then
 * parses, and a test holds that both ways give the same for every link this one takes.
 */
const PLAIN_LINK = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[A-Za-z0-9_.\-=&]*)?(?:#|$)/;

function plainLinkNormalized(link: string): string | null {
  const match = PLAIN_LINK.exec(link);
  if (match === null) return null;
  const kept = match[0].endsWith('#') ? match[0].slice(0, -1) : match[0];
  const question = kept.indexOf('?');
  const beforeQuery = question === -1 ? kept : kept.slice(0, question);
  const slash = beforeQuery.indexOf('/', beforeQuery.indexOf('//') + 2);
  // A host that IDNA decodes, and dot segments, which URL parsing resolves, take the long way.
  if (beforeQuery.includes('xn--') || (slash !== -1 && beforeQuery.includes('/.', slash))) return null;
  const base = slash === -1 ? `${beforeQuery}/` : beforeQuery;
  if (question === -1) return base;
  const pairs: Array<[string, string]> = [];
  for (const part of kept.slice(question + 1).split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = equals === -1 ? part : part.slice(0, equals);
    if (isTrackingParameter(name)) continue;
    const value = equals === -1 ? '' : part.slice(equals + 1);
    // URLSearchParams writes an "=" inside a value as %3D: left to it.
    if (value.includes('=')) return null;
    pairs.push([name, value]);
  }
  if (pairs.length === 0) return base;
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${base}?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`;
}
