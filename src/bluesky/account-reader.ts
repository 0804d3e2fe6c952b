import type { Catalog } from '../catalog/types.ts';
import { SourceFetchError } from '../errors.ts';
import type { Item } from '../items/item.ts';
import type { Logger } from '../logger.ts';
import type { SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import type { ReadResult, SourceReader } from '../sources/source-reader.ts';
import type { SourceRecord, Store } from '../store/store.ts';
import { BlueskyReadError } from './errors.ts';
import { didOfAddress } from './handles.ts';
import { IdentityResolver } from './identity.ts';
import { graphemesOf } from './post-text.ts';

/** Which club an account belongs to, kept when its source is written: `bluesky:account:<did>`. */
export function accountStateKey(did: string): string {
  return `bluesky:account:${did}`;
}

/** The last cursor the pipeline finished with, kept apart from the source so that it outlives it. */
export function cursorStateKey(did: string): string {
  return `bluesky:cursor:${did}`;
}

export interface AccountCursor {
  etag: string;
  at: string;
}

interface PostRecord {
  text?: unknown;
  createdAt?: unknown;
  langs?: unknown;
  reply?: { root?: { uri?: unknown } };
}

interface ListRecordsPage {
  cursor?: string;
  records?: Array<{ uri?: unknown; value?: PostRecord }>;
}

interface AuthorFeedPage {
  feed?: Array<{ post?: { uri?: unknown; author?: { did?: unknown }; record?: PostRecord }; reason?: unknown }>;
}

export interface Post {
  uri: string;
  rkey: string;
  record: PostRecord;
}

export interface ClubAccountReaderOptions {
  store: Store;
  catalog: Catalog;
  logger: Logger;
  fetcher: SafeFetcher;
  appView: string;
  plcUrl?: string;
  /** Posts read per page, and pages read at most per poll while catching up. */
  pageSize?: number;
  maxPages?: number;
}

/**
 * Reads a club's own posts, first from its PDS (`com.atproto.repo.listRecords`, found from its DID
 * document), else from the public AppView (`app.bsky.feed.getAuthorFeed`). Each post becomes an
 * item attributed to the club, so that "We're leaving X" from its account is the club leaving X.
 * The newest record key read is kept as the source's cursor (its etag); reposts and replies to
 * other accounts are left out.
 */
export class ClubAccountReader implements SourceReader {
  readonly kind = 'bluesky' as const;
  readonly resolver: IdentityResolver;

  constructor(private readonly options: ClubAccountReaderOptions) {
    this.resolver = new IdentityResolver({
      fetcher: options.fetcher,
      appView: options.appView,
      ...(options.plcUrl ? { plcUrl: options.plcUrl } : {}),
    });
  }

  async read(source: SourceRecord): Promise<ReadResult> {
    const did = didOfAddress(source.url);
    if (!did) throw new SourceFetchError(`not a Bluesky account address: ${source.url}`, 'bad-url');
    const { store } = this.options;
    const clubId = (await store.getState(accountStateKey(did))) ?? this.clubByDid(did);
    // The source's etag is recorded only once its items went through the pipeline: a safe point to resume from.
    if (source.etag && source.lastSuccessAt) {
      await store.setState(cursorStateKey(did), JSON.stringify({ etag: source.etag, at: source.lastSuccessAt } satisfies AccountCursor));
    }
    let posts: Post[];
    try {
      posts = await this.fromPds(did, source.etag);
    } catch (err) {
      this.options.logger.debug({ did, reason: err instanceof Error ? err.message : String(err) }, 'reading the account through the AppView');
      try {
        posts = await this.fromAppView(did);
      } catch (fallbackErr) {
        const reason = fallbackErr instanceof Error ? fallbackErr.message : String(fallbackErr);
        throw new SourceFetchError(`cannot read ${did}: ${reason}`, fallbackErr instanceof SourceFetchError ? fallbackErr.reason : 'network', { cause: fallbackErr });
      }
    }
    const newest = posts.reduce<string | null>((max, post) => (max === null || post.rkey > max ? post.rkey : max), null);
    if (newest === null || newest === source.etag) return { status: 'unchanged', etag: source.etag, lastModified: null, bodyHash: null };
    const items = posts.flatMap((post) => postItem(post, did, clubId));
    return { status: 'items', items, title: null, etag: newest, lastModified: null, bodyHash: null };
  }

  private clubByDid(did: string): string | null {
    return this.options.catalog.entries.find((entry) => entry.accounts.blueskyDid === did)?.id ?? null;
  }

  private async fromPds(did: string, since: string | null): Promise<Post[]> {
    const pds = await this.resolver.pdsOf(did);
    if (!pds) throw new BlueskyReadError(`no PDS in the DID document of ${did}`);
    const posts: Post[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < (this.options.maxPages ?? 3); page++) {
      const params: Record<string, string | number> = { repo: did, collection: 'app.bsky.feed.post', limit: this.options.pageSize ?? 30 };
      if (cursor) params.cursor = cursor;
      const answer = await this.resolver.getJson<ListRecordsPage>(this.resolver.xrpcUrl(pds, 'com.atproto.repo.listRecords', params));
      if (!answer) throw new BlueskyReadError(`the PDS of ${did} does not list its records`);
      for (const entry of answer.records ?? []) {
        const post = postOf(entry.uri, entry.value);
        if (post) posts.push(post);
      }
      const oldest = posts[posts.length - 1]?.rkey;
      // Newest first: once a page reaches what the last read saw, the rest is known.
      if (!answer.cursor || (answer.records ?? []).length === 0 || since === null || (oldest !== undefined && oldest <= since)) break;
      cursor = answer.cursor;
    }
    return posts;
  }

  private async fromAppView(did: string): Promise<Post[]> {
    const url = this.resolver.xrpcUrl(this.options.appView, 'app.bsky.feed.getAuthorFeed', {
      actor: did,
      filter: 'posts_and_author_threads',
      limit: this.options.pageSize ?? 30,
    });
    const answer = await this.resolver.getJson<AuthorFeedPage>(url);
    if (!answer) throw new BlueskyReadError(`the AppView does not know ${did}`);
    return (answer.feed ?? []).flatMap((entry) => {
      if (entry.reason || entry.post?.author?.did !== did) return [];
      const post = postOf(entry.post.uri, entry.post.record);
      return post ? [post] : [];
    });
  }
}

function postOf(uri: unknown, record: PostRecord | undefined): Post | null {
  if (typeof uri !== 'string' || !record || typeof record.text !== 'string') return null;
  const rkey = uri.split('/').pop();
  return rkey ? { uri, rkey, record } : null;
}

/** A top-level post or a reply in the club's own thread; a reply to someone else speaks to them. */
function isOwnPost(post: Post, did: string): boolean {
  const root = post.record.reply?.root?.uri;
  return root === undefined || (typeof root === 'string' && root.startsWith(`at://${did}/`));
}

/** A club's post as an item attributed to the club; none for a reply to someone else or an empty post. */
export function postItem(post: Post, did: string, clubId: string | null): Item[] {
  if (typeof post.record.text !== 'string' || !isOwnPost(post, did)) return [];
  const text = post.record.text.trim();
  if (text === '') return [];
  const createdAt = typeof post.record.createdAt === 'string' ? Date.parse(post.record.createdAt) : NaN;
  const langs = Array.isArray(post.record.langs) ? post.record.langs.filter((lang): lang is string => typeof lang === 'string') : [];
  return [
    {
      key: post.uri,
      // A prefix of the text, so that the pipeline reads the post once, not its title and then its text.
      title: graphemesOf(text.split('\n')[0] ?? text).slice(0, 120).join(''),
      text,
      link: `https://bsky.app/profile/${did}/post/${post.rkey}`,
      published: Number.isFinite(createdAt) ? new Date(createdAt).toISOString() : null,
      lang: langs[0] ?? null,
      ...(clubId ? { authorClubId: clubId } : {}),
    },
  ];
}
