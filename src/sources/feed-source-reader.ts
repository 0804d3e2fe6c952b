import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describeSystemError, FeedParseError, SourceFetchError } from '../errors.ts';
import type { SourceRecord } from '../store/store.ts';
import type { FeedParser } from './feed/parse-pool.ts';
import { readFeedLazily } from './feed/read-feed-lazily.ts';
import type { SafeFetcher } from './fetch/safe-fetch.ts';
import type { ReadResult, SourceReader } from './source-reader.ts';

/** Origins whose URLs come from the operator, who may point at local files. A server's URL never may. */
const trustedOrigins = new Set(['config', 'sample', 'operator']);

/** Reads RSS, Atom, RDF and JSON Feed sources over HTTP (or from a local file the operator named). */
export class FeedSourceReader implements SourceReader {
  readonly kind = 'feed' as const;

  constructor(
    private readonly fetchers: { trusted: SafeFetcher; untrusted: SafeFetcher },
    private readonly maxBytes: number,
    /** Parses large bodies off the main thread; without one, every body is parsed inline. */
    private readonly parser: FeedParser | null = null,
  ) {}

  async read(source: SourceRecord): Promise<ReadResult> {
    if (source.url.startsWith('file:')) {
      if (!trustedOrigins.has(source.origin)) throw new SourceFetchError('local files can only be read by the operator', 'bad-url');
      return this.readLocal(source);
    }
    const fetcher = source.origin === 'server' ? this.fetchers.untrusted : this.fetchers.trusted;
    const fetched = await fetcher.fetchFeed(source.url, { etag: source.etag, lastModified: source.lastModified });
    if (fetched.status === 'not-modified') {
      return { status: 'unchanged', etag: source.etag, lastModified: source.lastModified, bodyHash: source.bodyHash };
    }
    return this.parse(source, fetched.body, fetched.contentType, fetched.etag, fetched.lastModified);
  }

  private async readLocal(source: SourceRecord): Promise<ReadResult> {
    const path = fileURLToPath(source.url);
    try {
      const info = await stat(path);
      if (info.size > this.maxBytes) throw new SourceFetchError(`file larger than ${this.maxBytes} bytes`, 'too-large');
      return this.parse(source, await readFile(path), null, null, null);
    } catch (err) {
      if (err instanceof SourceFetchError || err instanceof FeedParseError) throw err;
      throw new SourceFetchError(`cannot read ${path}: ${describeSystemError(err)}`, 'network', { cause: err });
    }
  }

  private async parse(source: SourceRecord, body: Buffer, contentType: string | null, etag: string | null, lastModified: string | null): Promise<ReadResult> {
    const bodyHash = createHash('sha256').update(body).digest('hex');
    if (bodyHash === source.bodyHash) return { status: 'unchanged', etag, lastModified, bodyHash };
    const feed = this.parser ? await this.parser.parse(body, contentType) : await readFeedLazily(body, { contentType });
    return { status: 'items', items: feed.items, title: feed.title, etag, lastModified, bodyHash };
  }
}
