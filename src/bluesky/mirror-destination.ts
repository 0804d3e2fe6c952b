import { XRPCError, type AppBskyFeedPost, type AtpAgent } from '@atproto/api';
import { digestBoardImage } from '../board/digest-board.ts';
import type { BoardImage, BoardImageCache } from '../board/image.ts';
import type { Catalog } from '../catalog/types.ts';
import type { Delivery, DeliveryOutcome, Destination } from '../deliveries/delivery.ts';
import { renderDelivery } from '../deliveries/render.ts';
import type { Logger } from '../logger.ts';
import type { SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import type { Store } from '../store/store.ts';
import { digestPosts, storyPost, type PostDraft } from './compose-post.ts';
import { BlueskyLoginDeferredError, BlueskyLoginError } from './errors.ts';
import { buildLinkCard } from './link-card.ts';
import { MentionResolver } from './mentions.ts';
import { PostBudget, isRateLimited, isTransient, rateLimitWaitMs } from './rate-limit.ts';
import { recordKeyFor } from './record-key.ts';
import type { BlueskySession } from './session.ts';

const postCollection = 'app.bsky.feed.post';

function postingTimeKey(deliveryId: string): string {
  return `bluesky:posted-at:${deliveryId}`;
}

interface RecordRef {
  uri: string;
  cid: string;
}

export interface MirrorOptions {
  store: Store;
  catalog: Catalog;
  logger: Logger;
  session: BlueskySession;
  /** Fetches source pages and their images for link cards. */
  fetcher: SafeFetcher;
  /** Pictures of the board; a digest's first post carries the board of the clubs it names. */
  boardImages?: BoardImageCache;
  /** At most this many posts in any rolling hour (a post costs 3 of the 5,000 write points an hour). */
  postsPerHour?: number;
  now?: () => number;
}

/**
 * Posts summaries to the mirror account. Each post has a record key derived from its delivery, so a
 * retry after a crash between "posted" and "recorded" finds the post it made instead of making
 * another. Expected outcomes (a rate limit, an outage, a refused post) come back as data.
 */
export class BlueskyDestination implements Destination {
  readonly kind = 'bluesky';
  private readonly budget: PostBudget;
  private readonly mentions: MentionResolver;
  private readonly now: () => number;
  private pausedUntil = 0;

  constructor(private readonly options: MirrorOptions) {
    this.now = options.now ?? Date.now;
    this.budget = new PostBudget(options.postsPerHour ?? 100);
    this.mentions = new MentionResolver(options.catalog, this.now);
  }

  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    if (delivery.destination !== 'bluesky') return { status: 'rejected', reason: `not a Bluesky destination: ${delivery.destination}` };
    const paused = this.pausedUntil - this.now();
    if (paused > 0) return { status: 'retry', reason: 'waiting for the Bluesky rate limit to reset', retryAfterMs: paused };
    const rendered = await renderDelivery(this.options.store, this.options.catalog, delivery);
    if (!rendered) return { status: 'rejected', reason: 'its stories are no longer in the store' };
    try {
      const agent = await this.options.session.ready();
      const clubIds = rendered.kind === 'story' ? [rendered.summary.clubId] : rendered.digest.stories.map((story) => story.clubId);
      const mentions = await this.mentions.forClubs(agent, clubIds);
      const languages = await this.evidenceLanguages(delivery);
      const drafts =
        rendered.kind === 'story'
          ? [storyPost(rendered.summary, rendered.summary.clubId ? (mentions.get(rendered.summary.clubId) ?? null) : null, languages.get(rendered.summary.storyId) ?? null)]
          : digestPosts(rendered.digest, mentions, languages);
      const wait = this.budget.waitFor(drafts.length, this.now());
      if (wait > 0) return { status: 'retry', reason: 'the hourly posting budget is spent', retryAfterMs: wait };
      const board = rendered.kind === 'digest' ? await this.digestBoard(delivery) : null;
      const root = await this.publish(agent, delivery, drafts, board);
      return { status: 'sent', externalId: root.uri };
    } catch (err) {
      return this.outcomeOf(err);
    }
  }

  /** The language of each story's evidence: the language of the report it is quoted from. */
  private async evidenceLanguages(delivery: Delivery): Promise<Map<number, string>> {
    const languages = new Map<number, string>();
    for (const story of await this.options.store.getStories(delivery.content.storyIds)) {
      const best = [...story.reports].sort((a, b) => b.confidence - a.confidence || (a.published ?? '').localeCompare(b.published ?? ''))[0];
      const lang = best?.lang?.toLowerCase().split(/[-_]/)[0];
      if (lang && /^[a-z]{2,3}$/.test(lang)) languages.set(story.id, lang);
    }
    return languages;
  }

  /** The board of a digest's clubs; a picture that cannot be drawn leaves the digest as text, never unsent. */
  private async digestBoard(delivery: Delivery): Promise<BoardImage | null> {
    const { boardImages, store, catalog, logger } = this.options;
    if (!boardImages) return null;
    try {
      return await digestBoardImage(store, catalog, boardImages, delivery.content.storyIds, delivery.content.language);
    } catch (err) {
      logger.warn({ err, deliveryId: delivery.id }, 'could not draw the board for a digest; posting it without');
      return null;
    }
  }

  private async publish(agent: AtpAgent, delivery: Delivery, drafts: PostDraft[], board: BoardImage | null = null): Promise<RecordRef> {
    const repo = agent.session?.did;
    if (!repo) throw new BlueskyLoginDeferredError('no Bluesky session yet', 60_000);
    // A first attempt cannot meet a post of its own; a later one (or an interrupted one) may.
    const mayExist = delivery.attempts > 1 || delivery.interruptedAt !== null;
    const postedAt = await this.postingTime(delivery.id);
    let root: RecordRef | null = null;
    let parent: RecordRef | null = null;
    for (const [index, draft] of drafts.entries()) {
      try {
        const ref = await this.publishOne(agent, repo, delivery.id, postedAt, index, draft, mayExist, root && parent ? { root, parent } : null, index === 0 ? board : null);
        root ??= ref;
        parent = ref;
      } catch (err) {
        // Refused before anything was written: the next attempt may take a fresh time.
        if (index === 0 && isRateLimited(err)) await this.options.store.setState(postingTimeKey(delivery.id), null);
        throw err;
      }
    }
    if (!root) throw new Error('nothing to post');
    return root;
  }

  /**
   * When a delivery's posts are dated, fixed at its first attempt to post and kept: their record
   * keys derive from it, so every retry looks where the first attempt wrote.
   */
  private async postingTime(deliveryId: string): Promise<string> {
    const { store } = this.options;
    const saved = await store.getState(postingTimeKey(deliveryId));
    if (saved) return saved;
    const now = new Date(this.now()).toISOString();
    await store.setState(postingTimeKey(deliveryId), now);
    return now;
  }

  private async publishOne(
    agent: AtpAgent,
    repo: string,
    deliveryId: string,
    postedAt: string,
    index: number,
    draft: PostDraft,
    mayExist: boolean,
    reply: AppBskyFeedPost.ReplyRef | null,
    board: BoardImage | null = null,
  ): Promise<RecordRef> {
    const createdAt = new Date(Date.parse(postedAt) + index).toISOString();
    let rkey = recordKeyFor(deliveryId, postedAt, index);
    if (mayExist) {
      // A record of another post at this key (vanishingly rare) moves this post to the next key.
      for (let salt = 0; salt < 4; salt++) {
        rkey = recordKeyFor(deliveryId, postedAt, index, salt);
        const existing = await this.existing(agent, repo, rkey);
        if (!existing) break;
        if (existing.createdAt === createdAt) return existing.ref;
      }
    }
    const record: AppBskyFeedPost.Record = {
      $type: postCollection,
      text: draft.text,
      createdAt,
      langs: draft.langs,
      ...(draft.facets.length > 0 ? { facets: draft.facets } : {}),
      ...(reply ? { reply } : {}),
    };
    if (board) {
      // One embed a post: the board's picture takes the place of the link card.
      const { data } = await agent.uploadBlob(board.png, { encoding: 'image/png' });
      record.embed = {
        $type: 'app.bsky.embed.images',
        images: [{ image: data.blob, alt: board.alt, aspectRatio: { width: board.width, height: board.height } }],
      };
    } else if (draft.card) {
      record.embed = await buildLinkCard(agent, draft.card, { fetcher: this.options.fetcher, logger: this.options.logger });
    }
    try {
      const { data, headers } = await agent.com.atproto.repo.createRecord({ repo, collection: postCollection, rkey, record, validate: true });
      this.budget.spend(this.now());
      this.slowDownWhenLow(headers);
      this.options.logger.info({ deliveryId, uri: data.uri }, 'posted to Bluesky');
      return { uri: data.uri, cid: data.cid };
    } catch (err) {
      // The write may have landed before the answer was lost: the key says whether it did.
      if (isRateLimited(err)) throw err;
      const landed = await this.existing(agent, repo, rkey).catch(() => null);
      if (landed && landed.createdAt === createdAt) return landed.ref;
      throw err;
    }
  }

  /** Bluesky says how many write points are left this hour: near the end, wait for the reset rather than meet a 429. */
  private slowDownWhenLow(headers: Record<string, string | undefined>): void {
    const remaining = Number(headers['ratelimit-remaining']);
    const limit = Number(headers['ratelimit-limit']);
    if (!Number.isFinite(remaining) || !Number.isFinite(limit) || remaining > Math.max(30, limit * 0.1)) return;
    const wait = rateLimitWaitMs(headers, this.now());
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + wait);
    this.options.logger.warn({ remaining, resetAt: new Date(this.pausedUntil).toISOString() }, 'few Bluesky write points left; posting paused until they reset');
  }

  private async existing(agent: AtpAgent, repo: string, rkey: string): Promise<{ ref: RecordRef; createdAt: string } | null> {
    try {
      const { data } = await agent.com.atproto.repo.getRecord({ repo, collection: postCollection, rkey });
      if (!data.cid) return null;
      const createdAt = (data.value as { createdAt?: unknown }).createdAt;
      return { ref: { uri: data.uri, cid: data.cid }, createdAt: typeof createdAt === 'string' ? createdAt : '' };
    } catch (err) {
      if (err instanceof XRPCError && (err.error === 'RecordNotFound' || err.status === 404)) return null;
      throw err;
    }
  }

  private outcomeOf(err: unknown): DeliveryOutcome {
    const log = this.options.logger;
    if (err instanceof BlueskyLoginDeferredError) return { status: 'retry', reason: err.message, retryAfterMs: err.retryAfterMs };
    if (err instanceof BlueskyLoginError) {
      log.error({ reason: err.message }, 'the Bluesky mirror cannot log in: check BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD');
      return { status: 'retry', reason: err.message, retryAfterMs: 60 * 60_000 };
    }
    if (isRateLimited(err)) {
      const wait = rateLimitWaitMs(err.headers, this.now());
      this.pausedUntil = this.now() + wait;
      log.warn({ resetAt: new Date(this.pausedUntil).toISOString() }, 'Bluesky rate limit reached; posting paused until it resets');
      return { status: 'retry', reason: 'rate limited by Bluesky', retryAfterMs: wait };
    }
    const reason = err instanceof XRPCError ? `${err.status} ${err.error}: ${err.message}` : err instanceof Error ? err.message : String(err);
    if (isTransient(err)) return { status: 'retry', reason };
    if (err instanceof XRPCError && (err.status === 401 || ['ExpiredToken', 'InvalidToken'].includes(err.error))) return { status: 'retry', reason };
    return { status: 'rejected', reason };
  }
}
