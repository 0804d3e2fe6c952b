import type { ReadFeedOptions, ReadFeedResult } from '../feed-reader.ts';

/**
 * `readFeed`, with feedsmith and its XML parser loaded at the first body to read rather than at
 * start: while every feed answers 304 or the same bytes, the bot never needs them (~4 MB of heap
 * and their compiled code).
 */
export async function readFeedLazily(body: Buffer | string, options: ReadFeedOptions = {}): Promise<ReadFeedResult> {
  const { readFeed } = await import('../feed-reader.ts');
  return readFeed(body, options);
}
