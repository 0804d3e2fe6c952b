import { WebSocket } from 'undici';
import type { Item } from '../items/item.ts';
import type { Logger } from '../logger.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import type { SourceRecord, Store } from '../store/store.ts';
import { accountStateKey, postItem } from './account-reader.ts';

/** Where the live stream stopped: Jetstream's `time_us` of the last event handled. */
const jetstreamCursorKey = 'bluesky:jetstream-cursor';

export interface JetstreamOptions {
  /** "wss://jetstream2.us-east.bsky.network" (or ws:// in tests). */
  url: string;
  store: Store;
  logger: Logger;
  /** The rest of the pipeline, for one account's new post. */
  ingest: (source: SourceRecord, items: Item[]) => Promise<unknown>;
  /** On reconnecting, events from this long before the cursor are asked for again (handled twice is harmless). */
  rewindMs?: number;
  maxBackoffMs?: number;
}

interface JetstreamEvent {
  did?: string;
  time_us?: number;
  kind?: string;
  commit?: { operation?: string; collection?: string; rkey?: string; record?: Record<string, unknown> };
}

/**
 * Clubs' posts as they are made, from Jetstream, between polls. The cursor is kept in the store
 * and rewound a few seconds on each reconnect; items are keyed by their URI, so a post seen both
 * here and by the poller, or twice after a rewind, is announced once.
 */
export class JetstreamListener {
  private socket: WebSocket | null = null;
  private dids: string[] = [];
  private stopped = true;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private handling: Promise<void> = Promise.resolve();

  constructor(private readonly options: JetstreamOptions) {}

  async start(dids: string[]): Promise<void> {
    this.dids = [...new Set(dids)];
    if (this.dids.length === 0) return;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
    await this.handling;
  }

  private async connect(): Promise<void> {
    const saved = Number(await this.options.store.getState(jetstreamCursorKey));
    const url = new URL('/subscribe', this.options.url);
    url.searchParams.append('wantedCollections', 'app.bsky.feed.post');
    for (const did of this.dids) url.searchParams.append('wantedDids', did);
    if (Number.isFinite(saved) && saved > 0) url.searchParams.set('cursor', String(saved - (this.options.rewindMs ?? 5_000) * 1000));
    const socket = new WebSocket(url.href);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.failures = 0;
      this.options.logger.info({ accounts: this.dids.length, resumedFrom: url.searchParams.get('cursor') }, 'following clubs’ accounts live');
    });
    socket.addEventListener('message', (event) => {
      const data = typeof event.data === 'string' ? event.data : Buffer.from(event.data as ArrayBuffer).toString('utf8');
      // In order, one at a time: the cursor only moves past events that went through the pipeline.
      this.handling = this.handling.then(() => this.handle(data)).catch((err: unknown) => {
        this.options.logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'a live post could not be read');
      });
    });
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.socket = null;
      this.reconnectLater();
    });
    socket.addEventListener('error', () => {
      // "close" follows; the reconnection is decided there.
    });
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    this.failures += 1;
    const delay = Math.min(this.options.maxBackoffMs ?? 60_000, 500 * 2 ** Math.min(this.failures, 10));
    this.options.logger.debug({ inMs: delay }, 'live stream closed; reconnecting');
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) void this.connect();
    }, delay);
    this.timer.unref();
  }

  private async handle(data: string): Promise<void> {
    const event = JSON.parse(data) as JetstreamEvent;
    const { did, commit } = event;
    if (event.kind === 'commit' && did && commit?.operation === 'create' && commit.collection === 'app.bsky.feed.post' && commit.rkey && commit.record) {
      const source = await this.options.store.getSource(sourceIdFor('bluesky', did));
      if (source) {
        const clubId = (await this.options.store.getState(accountStateKey(did))) ?? null;
        const items = postItem({ uri: `at://${did}/app.bsky.feed.post/${commit.rkey}`, rkey: commit.rkey, record: commit.record }, did, clubId);
        if (items.length > 0) await this.options.ingest(source, items);
      }
    }
    if (typeof event.time_us === 'number') await this.options.store.setState(jetstreamCursorKey, String(event.time_us));
  }
}
