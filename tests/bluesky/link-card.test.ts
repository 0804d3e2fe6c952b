import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { didOfAddress } from '../../src/bluesky/handles.ts';
import { normaliseHandle } from '../../src/catalog/accounts.ts';
import { makeThumbnail, maxThumbBytes, readPageMeta } from '../../src/bluesky/link-card.ts';
import { PostBudget, rateLimitWaitMs } from '../../src/bluesky/rate-limit.ts';

describe('a page’s card details', () => {
  it('reads Open Graph tags in any attribute order, decodes entities and resolves a relative image', () => {
    const html = `<html><head>
      <meta content="Red Star quitte X" property="og:title">
      <meta property='og:description' content='Le club &amp; ses supporters'>
      <meta name="twitter:image" content="https://cdn.example/fallback.jpg">
      <meta property="og:image" content="/images/red-star.jpg?w=1200&amp;h=630">
    </head></html>`;
    expect(readPageMeta(html, 'https://news.example/article/1')).toEqual({
      title: 'Red Star quitte X',
      description: 'Le club & ses supporters',
      image: 'https://news.example/images/red-star.jpg?w=1200&h=630',
    });
  });

  it('refuses an image address that is not http(s)', () => {
    expect(readPageMeta('<meta property="og:image" content="file:///etc/passwd">', 'https://news.example/').image).toBeNull();
    expect(readPageMeta('<meta property="og:image" content="javascript:alert(1)">', 'https://news.example/').image).toBeNull();
  });
});

describe('thumbnails', () => {
  it('makes any large picture a JPEG under the limit, never larger than 1200 px', async () => {
    const noise = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 80 } } })
      .png()
      .toBuffer();
    const thumb = await makeThumbnail(noise);
    expect(thumb.length).toBeLessThan(maxThumbBytes);
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(1200);
  });

  it('refuses SVG and what is not an image', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="http://127.0.0.1/x.png"/></svg>');
    await expect(makeThumbnail(svg)).rejects.toThrow(/not a thumbnail format/);
    await expect(makeThumbnail(Buffer.from('<html></html>'))).rejects.toThrow();
  });
});

describe('handles and addresses', () => {
  it('reads handles however the catalog writes them', () => {
    expect(normaliseHandle('@FCStPauli.bsky.social')).toBe('fcstpauli.bsky.social');
    expect(normaliseHandle('https://bsky.app/profile/om.fr')).toBe('om.fr');
    expect(normaliseHandle('not a handle')).toBeNull();
    expect(didOfAddress('at://did:plc:abc234/app.bsky.feed.post/3k')).toBe('did:plc:abc234');
    expect(didOfAddress('https://example.com')).toBeNull();
  });
});

describe('pacing', () => {
  it('waits for the reset the server named, with a second of margin', () => {
    expect(rateLimitWaitMs({ 'ratelimit-reset': '1000' }, 990_000)).toBe(11_000);
    expect(rateLimitWaitMs({ 'retry-after': '30' }, 0)).toBe(30_000);
    expect(rateLimitWaitMs(undefined, 0)).toBe(60_000);
  });

  it('keeps to its hourly budget of posts and says when the next one fits', () => {
    const budget = new PostBudget(3);
    for (const at of [0, 1_000, 2_000]) budget.spend(at);
    expect(budget.waitFor(1, 10_000)).toBe(3_600_000 - 10_000);
    expect(budget.waitFor(2, 10_000)).toBe(3_600_000 + 1_000 - 10_000);
    expect(budget.waitFor(1, 3_600_001)).toBe(0);
  });
});
