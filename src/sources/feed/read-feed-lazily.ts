import type { ReadFeedOptions, ReadFeedResult, readFeed } from '../feed-reader.ts';

let reader: typeof readFeed | null = null;

/**
 * `readFeed`, with feedsmith and its XML parser loaded at the first body to read rather than at
 * start: while every feed answers 304 or the same bytes, the bot never needs them (~4 MB of heap
 * and their compiled code). The function is kept once loaded: an `import()` per body, even of a
 * module already loaded, cost a fifth of the ingest rate.
 */
export async function readFeedLazily(body: Buffer | string, options: ReadFeedOptions = {}): Promise<ReadFeedResult> {
  reader ??= (await import('../feed-reader.ts')).readFeed;
  return reader(body, options);
}
