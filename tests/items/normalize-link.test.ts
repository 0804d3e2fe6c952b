import { describe, expect, it } from 'vitest';
import { normalizeLink } from '../../src/items/normalize-link.ts';

/** The normalisation written with a URL object for every link, as it was before plain links were read without one. */
function throughUrl(link: string): string {
  const trimmed = link.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  url.hash = '';
  const tracking = /^(?:fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|xtor|wt_mc|wt_mc_id|wt_zmc|_ga|ocid|cmpid|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee)$|^(?:utm_|at_|wt\.|mtm_|pk_)/;
  const kept = [...url.searchParams].filter(([name]) => !tracking.test(name.toLowerCase()));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  return url.href;
}

/** mulberry32, so that the links tried are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const schemes = ['https://', 'http://', 'HTTP://', 'ftp://', 'https:/', 'https:'];
const hosts = ['club.example', 'www.club-news.example', 'Club.Example', '127.0.0.1', '10.1', 'a.b.0x1f', 'xn--bcher-kva.example', 'xn--zz.example', 'a..b', 'host.', 'x', '1.example.com', 'user@club.example', 'club.example:443', 'club.example:8080', '-a-.example'];
const pathPieces = ['', '/', '/news', '/News/Story', '/a.html', '/./a', '/../a', '/a/..', '/a/.', '/.well-known', '/%2e%2e/a', '/caf%C3%A9', '/café', '/a b', '/a\\b', "/it's", '/a;b=c', '/@user', '/~x', '/a|b', '/{x}', '/a:b', '/a(1)', '/a*b+c,d!'];
const queryPieces = ['', '?', '?&&', '?id=1', '?b=2&a=1', '?utm_source=rss&utm_medium=feed', '?a=b=c', '?=x', '?a', '?a+b=1', '?a%20b=1', '?UTM_Campaign=x&z=1', '?wt.mc_id=1&b', '?q=caf\u00e9', "?a='", '?xtor=RSS-1&id=2&ID=1'];
const fragments = ['', '#', '#comments', '#a?b=1', '#/x/../y'];

describe('normalizeLink', () => {
  it('gives the same form as URL parsing for every way of writing a link tried', () => {
    const random = seeded(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const links = ['', '  https://club.example/a  ', '\thttps://club.example/a\n', 'https://club.example/a\tb', 'not a link', 'urn:uuid:1'];
    for (let n = 0; n < 20_000; n++) {
      const path = random() < 0.3 ? pick(pathPieces) + pick(pathPieces) : pick(pathPieces);
      links.push(`${pick(schemes)}${pick(hosts)}${path}${pick(queryPieces)}${pick(fragments)}`);
    }
    for (const link of links) expect(normalizeLink(link), link).toBe(throughUrl(link));
  });
});
