/**
 * The feed farm's feeds (served by feed-farm-peer.ts, in its own process): `/f/<n>` is feed n,
 * whose behaviour follows n % 50, the mix a real feed population shows: 70 % answer 304 to their ETag, 20 % send the same
 * body without validators, 8 % gain one or two items at each read, 2 % are slow (5 to 15 s) or fail.
 */
export type FeedBehaviour = 'etag' | 'plain' | 'gains' | 'slow' | 'fails';

export function behaviourOf(n: number): FeedBehaviour {
  const slot = n % 50;
  if (slot < 35) return 'etag';
  if (slot < 45) return 'plain';
  if (slot < 49) return 'gains';
  return Math.floor(n / 50) % 2 === 0 ? 'slow' : 'fails';
}

function item(feed: number, k: number): string {
  return `<item><title>Club news ${feed}-${k}: the coach speaks before the weekend</title><link>https://farm.example/${feed}/${k}</link><guid>${feed}-${k}</guid><description>Training went well and the squad is ready for the match.</description></item>`;
}

export function farmBody(feed: number, newest = 20): string {
  const items: string[] = [];
  for (let k = newest; k > newest - 20; k--) items.push(item(feed, k));
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Farm outlet ${feed}</title>${items.join('')}</channel></rss>`;
}

