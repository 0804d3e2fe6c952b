/** What a delivery carries: one story, or a digest of several, in one language. */
export interface DeliveryContent {
  kind: 'story' | 'digest';
  storyIds: number[];
  language: string;
}

/**
 * `held`: kept while its destination cannot take it (a paused server), never claimed until released;
 * `merged`: held, then sent inside another delivery (a catch-up digest), so never sent itself.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'merged';

/** One summary or digest to one destination, recorded in the outbox before it is sent. */
export interface Delivery {
  /** Deterministic: the same story (or digest period) and destination always give the same id. */
  id: string;
  /** "console", "bluesky", "discord:<serverId>". */
  destination: string;
  content: DeliveryContent;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  /** When the current attempt was claimed; a crash leaves it set, and the lease tells when to resume. */
  claimedAt: string | null;
  /** When an earlier attempt was cut off by a crash or restart before its outcome was recorded. */
  interruptedAt: string | null;
  lastError: string | null;
  /** Whatever the destination stored to make a repeated send harmless (a Discord nonce, a record key). */
  idempotencyKey: string;
  /** What the destination answered: a message id, a record URI. */
  externalId: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** What a destination says about one attempt. Expected outcomes are data, not exceptions. */
export type DeliveryOutcome =
  | { status: 'sent'; externalId: string | null }
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  | { status: 'rejected'; reason: string }
  /** The destination cannot take it for now (posting paused): keep it until posting resumes. */
  | { status: 'hold'; reason: string };

/** Where summaries go. Platform publishers (Discord, Bluesky) implement it; the console is the first. */
export interface Destination {
  /** The prefix of the delivery destinations it handles: "console", "bluesky", "discord". */
  readonly kind: string;
  send(delivery: Delivery): Promise<DeliveryOutcome>;
}
