import { describe, expect, it } from 'vitest';
import { assignItemKeys, titleHash, type UnkeyedItem } from '../../src/items/item-key.ts';
import { normalizeLink } from '../../src/items/normalize-link.ts';

function item(fields: Partial<UnkeyedItem>): UnkeyedItem {
  return { title: 'A title', text: '', link: null, published: null, lang: null, guid: null, ...fields };
}

describe('normalizeLink', () => {
  it('lower-cases scheme and host and drops the default port and the fragment', () => {
    expect(normalizeLink('HTTPS://Club.Example:443/News/Story?id=1#comments')).toBe('https://club.example/News/Story?id=1');
    expect(normalizeLink('http://club.example:80/a')).toBe('http://club.example/a');
    expect(normalizeLink('http://club.example:8080/a')).toBe('http://club.example:8080/a');
  });

  it('removes tracking parameters and sorts the rest', () => {
    const link =
      'https://club.example/n?utm_source=rss&b=2&xtor=RSS-1&fbclid=abc&a=1&gclid=x&mc_cid=1&mc_eid=2' +
      '&igshid=z&wt_mc=rss.beitrag&at_medium=RSS&at_campaign=feed&UTM_Campaign=caps';
    expect(normalizeLink(link)).toBe('https://club.example/n?a=1&b=2');
  });

  it('drops the question mark when every parameter was tracking', () => {
    expect(normalizeLink('https://club.example/n?utm_medium=social')).toBe('https://club.example/n');
  });

  it('returns anything that is not an http(s) URL trimmed but unchanged', () => {
    expect(normalizeLink('  not a link ')).toBe('not a link');
    expect(normalizeLink('urn:uuid:1234')).toBe('urn:uuid:1234');
  });
});

describe('assignItemKeys', () => {
  it('keys an item by its guid when the guid is unique in the feed', () => {
    const keys = assignItemKeys([item({ guid: 'a', link: 'https://x.example/1' }), item({ guid: 'b' })]).map((i) => i.key);
    expect(keys).toEqual(['a', 'b']);
  });

  it('falls back to the normalised link when several items share a guid', () => {
    const items = assignItemKeys([
      item({ guid: 'same', link: 'https://X.example/1?utm_source=rss' }),
      item({ guid: 'same', link: 'https://x.example/2' }),
    ]);
    expect(items.map((i) => i.key)).toEqual(['https://x.example/1', 'https://x.example/2']);
  });

  it('falls back to a short hash of the normalised title without guid or link', () => {
    const [keyed] = assignItemKeys([item({ title: '  Club  Leaves X ' })]);
    expect(keyed?.key).toBe(titleHash('club leaves x'));
    expect(keyed?.key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('uses the title hash when the link is shared too', () => {
    const items = assignItemKeys([
      item({ title: 'One', link: 'https://x.example/live' }),
      item({ title: 'Two', link: 'https://x.example/live#update' }),
    ]);
    expect(items.map((i) => i.key)).toEqual([titleHash('One'), titleHash('Two')]);
  });

  it('gives the same keys to the same items on the next fetch', () => {
    const feed = [item({ guid: 'g' }), item({ link: 'https://x.example/a' }), item({ title: 'Only a title' })];
    expect(assignItemKeys(feed).map((i) => i.key)).toEqual(assignItemKeys([...feed]).map((i) => i.key));
  });

  it('counts a link shared with an item keyed by its guid when it falls back to links', () => {
    const items = assignItemKeys([
      item({ guid: 'unique', link: 'https://x.example/shared' }),
      item({ link: 'https://x.example/shared?utm_medium=rss', title: 'Two' }),
    ]);
    expect(items.map((i) => i.key)).toEqual(['unique', titleHash('Two')]);
  });

  it('copies every property after the key and leaves a text not yet made unmade', () => {
    let made = 0;
    const lazy = Object.defineProperty(item({ guid: 'g', link: 'https://x.example/1' }), 'text', {
      enumerable: true,
      get: () => {
        made++;
        return 'the text';
      },
    });
    const [keyed] = assignItemKeys([lazy]);
    expect(made).toBe(0);
    expect(Object.keys(keyed ?? {})).toEqual(['key', 'title', 'text', 'link', 'published', 'lang', 'guid']);
    expect(keyed?.text).toBe('the text');
    expect(made).toBe(1);
  });
});
