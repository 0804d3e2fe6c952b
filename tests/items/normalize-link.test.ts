import { describe, expect, it } from 'vitest';
import { normalizedThroughUrl, normalizeLink } from '../../src/items/normalize-link.ts';
import { seededRandom } from '../faults/helpers/random.ts';

const schemes = ['https://', 'http://', 'HTTP://', 'ftp://', 'https:/', 'https:'];
const hosts = ['club.example', 'www.club-news.example', 'Club.Example', '127.0.0.1', '10.1', 'a.b.0x1f', 'xn--bcher-kva.example', 'xn--zz.example', 'a..b', 'host.', 'x', '1.example.com', 'user@club.example', 'club.example:443', 'club.example:8080', '-a-.example'];
const pathPieces = ['', '/', '/news', '/News/Story', '/a.html', '/./a', '/../a', '/a/..', '/a/.', '/.well-known', '/%2e%2e/a', '/caf%C3%A9', '/café', '/a b', '/a\\b', "/it's", '/a;b=c', '/@user', '/~x', '/a|b', '/{x}', '/a:b', '/a(1)', '/a*b+c,d!'];
const queryPieces = ['', '?', '?&&', '?id=1', '?b=2&a=1', '?utm_source=rss&utm_medium=feed', '?a=b=c', '?=x', '?a', '?a+b=1', '?a%20b=1', '?UTM_Campaign=x&z=1', '?wt.mc_id=1&b', '?q=caf\u00e9', "?a='", '?xtor=RSS-1&id=2&ID=1'];
const fragments = ['', '#', '#comments', '#a?b=1', '#/x/../y'];

describe('normalizeLink', () => {
  it('gives the same form as URL parsing for every way of writing a link tried', () => {
    const { next: random, pick } = seededRandom(7);
    const links = ['', '  https://club.example/a  ', '\thttps://club.example/a\n', 'https://club.example/a\tb', 'not a link', 'urn:uuid:1'];
    for (let n = 0; n < 20_000; n++) {
      const path = random() < 0.3 ? pick(pathPieces) + pick(pathPieces) : pick(pathPieces);
      links.push(`${pick(schemes)}${pick(hosts)}${path}${pick(queryPieces)}${pick(fragments)}`);
    }
    for (const link of links) expect(normalizeLink(link), link).toBe(normalizedThroughUrl(link));
  });
});
