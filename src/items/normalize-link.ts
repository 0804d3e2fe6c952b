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
