import { describe, expect, it } from 'vitest';
import { hashtagFor, storyPost } from '../../src/bluesky/compose-post.ts';
import { byteLength, cutAtWord, graphemeLength, layoutPost } from '../../src/bluesky/post-text.ts';
import { isValidTid, recordKeyFor } from '../../src/bluesky/record-key.ts';
import type { StorySummary } from '../../src/summaries/compose.ts';

function summary(overrides: Partial<StorySummary> = {}): StorySummary {
  return {
    storyId: 1,
    language: 'de',
    headline: 'St. Pauli verlässt X',
    clubId: 'fc-st-pauli',
    clubName: 'St. Pauli',
    platform: 'x',
    action: 'leave',
    occurredAt: '2024-11-14T10:00:00.000Z',
    date: '14. Nov. 2024',
    evidence: 'Der FC St. Pauli zieht sich von der Plattform X zurück.',
    reportedBy: 'Gemeldet von 2 Medien',
    outletCount: 2,
    sources: [
      { outlet: 'Kurve Nord', title: 'St. Pauli verlässt X', link: 'https://kurve-nord.example/st-pauli-x' },
      { outlet: 'Matchday Wire', title: 'St Pauli quits X', link: 'https://matchday.example/a' },
    ],
    confidence: 0.9,
    ...overrides,
  };
}

function sliceBytes(text: string, start: number, end: number): string {
  return Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
}

describe('post text', () => {
  it('slices exactly the link and the hashtags out of the UTF-8 text, after accents and emoji', () => {
    const post = storyPost(summary({ headline: 'Ça bouge 🏳️‍🌈 à Hambourg: St. Pauli verlässt X' }), { handle: 'fcstpauli.test', did: 'did:plc:abc' });
    const bySlice = post.facets.map((facet) => [facet.features[0]?.$type, sliceBytes(post.text, facet.index.byteStart, facet.index.byteEnd)]);
    expect(bySlice).toEqual([
      ['app.bsky.richtext.facet#link', 'https://kurve-nord.example/st-pauli-x'],
      ['app.bsky.richtext.facet#mention', '@fcstpauli.test'],
      ['app.bsky.richtext.facet#tag', '#StPauli'],
      ['app.bsky.richtext.facet#tag', '#X'],
    ]);
    expect(post.langs).toEqual(['de']);
    expect(post.card?.url).toBe('https://kurve-nord.example/st-pauli-x');
  });

  it('cuts a 400-grapheme evidence at a word and keeps the link whole', () => {
    const evidence = 'Wir verlassen die Plattform 👋🏽 '.repeat(15).slice(0, 400);
    const post = storyPost(summary({ evidence }), null);
    expect(graphemeLength(post.text)).toBeLessThanOrEqual(300);
    expect(byteLength(post.text)).toBeLessThanOrEqual(3000);
    expect(post.text).toContain('https://kurve-nord.example/st-pauli-x');
    expect(post.text).toMatch(/\S…”/u);
    expect(post.shortened).toBe(true);
  });

  it('stays within 3,000 bytes when every grapheme is a long emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦';
    const post = storyPost(summary({ evidence: family.repeat(400), headline: family.repeat(200) }), null);
    expect(byteLength(post.text)).toBeLessThanOrEqual(3000);
    expect(graphemeLength(post.text)).toBeLessThanOrEqual(300);
    for (const facet of post.facets) expect(facet.index.byteEnd).toBeLessThanOrEqual(byteLength(post.text));
  });

  it('never splits a grapheme when cutting', () => {
    expect(cutAtWord('ab🏳️‍🌈🏳️‍🌈🏳️‍🌈', 4)).toBe('ab🏳️‍🌈…');
    expect(cutAtWord('one two three four', 12)).toBe('one two…');
    expect(layoutPost([[{ text: 'x'.repeat(500) }]]).text).toHaveLength(300);
  });

  it('makes hashtags from club names', () => {
    expect(hashtagFor('St. Pauli')).toBe('StPauli');
    expect(hashtagFor('1. FC Köln')).toBe('1FCKöln');
    expect(hashtagFor('1860')).toBeNull();
  });
});

describe('record keys', () => {
  it('gives each post of a delivery a valid TID, the same on every try', () => {
    const key = recordKeyFor('0123456789abcdef01234567', '2024-11-14T10:00:00.000Z', 0);
    expect(isValidTid(key)).toBe(true);
    expect(recordKeyFor('0123456789abcdef01234567', '2024-11-14T10:00:00.000Z', 0)).toBe(key);
    expect(recordKeyFor('0123456789abcdef01234567', '2024-11-14T10:00:00.000Z', 1)).not.toBe(key);
    expect(recordKeyFor('0123456789abcdef01234568', '2024-11-14T10:00:00.000Z', 0)).not.toBe(key);
  });
});

describe('what gives way first', () => {
  it('shortens the quotation before the list of outlets, and keeps both when it can', () => {
    const sources = Array.from({ length: 25 }, (_, i) => ({ outlet: `Outlet number ${i + 1}`, title: 't', link: `https://outlet${i + 1}.example/a` }));
    const post = storyPost(summary({ sources, evidence: 'Der FC St. Pauli zieht sich von der Plattform X zurück, weil dort Hass und Hetze ungehindert verbreitet werden.' }), null);
    expect(graphemeLength(post.text)).toBeLessThanOrEqual(300);
    expect(post.text).toMatch(/^St\. Pauli verlässt X \(14\. Nov\. 2024\)\n“Der FC St\. Pauli .*…”\nGemeldet von 2 Medien: Outlet number 1, .*…\nhttps:\/\/outlet1\.example\/a\n#StPauli #X$/u);
  });
});
