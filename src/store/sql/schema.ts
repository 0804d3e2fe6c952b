import type { Generated } from 'kysely';

/** The tables as Kysely sees them. Dates are ISO 8601 strings; booleans are 0/1. */
export interface Database {
  sources: {
    id: string;
    url: string;
    kind: string;
    origin: string;
    title: string | null;
    interval_seconds: number;
    announce_first_fetch: number;
    etag: string | null;
    last_modified: string | null;
    body_hash: string | null;
    last_success_at: string | null;
    last_fetched_at: string | null;
    next_fetch_at: string;
    failing_since: string | null;
    last_error: string | null;
    consecutive_failures: number;
  };
  /** See compact-items.ts. */
  items: {
    source_id: string;
    key: string;
    title: string;
    text: string;
    /** 48 bits of the SHA-256 of the normalised link, to find an item however its link is written. */
    link_hash: number | null;
    /** Milliseconds since 1970. */
    published: number | null;
    seen_at: number;
  };
  /** Items pruned by retention, kept only so that they are never taken for new. */
  item_keys: { source_id: string; key_hash: number };
  announcements: {
    id: Generated<number>;
    source_id: string;
    item_key: string;
    club_id: string | null;
    club_name: string;
    platform: string;
    action: string;
    confidence: number;
    evidence: string;
    story_id: number | null;
  };
  stories: {
    id: Generated<number>;
    club_key: string;
    club_id: string | null;
    club_name: string;
    platform: string;
    action: string;
    occurred_at: string;
    first_seen_at: string;
    confidence: number;
    shared: number;
  };
  story_reports: {
    story_id: number;
    source_id: string;
    item_key: string;
    outlet: string;
    title: string;
    link: string | null;
    evidence: string;
    published: string | null;
    confidence: number;
    lang: string | null;
    trusted: number;
  };
  board: {
    club_id: string;
    platform: string;
    action: string;
    since: string;
    story_id: number;
  };
  servers: {
    server_id: string;
    channel_id: string | null;
    language: string;
    cadence: string;
    daily_at: string;
    time_zone: string;
    mention_role_id: string | null;
    paused_reason: string | null;
    paused_at: string | null;
    admin_notice: string | null;
    digest_board: number;
  };
  watches: { server_id: string; kind: string; value: string };
  server_sources: { server_id: string; source_id: string };
  digest_queue: { server_id: string; story_id: number };
  deliveries: {
    id: string;
    destination: string;
    content: string;
    status: string;
    attempts: number;
    next_attempt_at: string;
    claimed_at: string | null;
    interrupted_at: string | null;
    last_error: string | null;
    idempotency_key: string;
    external_id: string | null;
    created_at: string;
    sent_at: string | null;
  };
  state: { key: string; value: string };
  /** Who does a piece of work for all the processes sharing the store, and until when. */
  leases: { name: string; holder: string; expires_at: string };
  /** Paces shared by every process: the next free turn, in milliseconds since the epoch. */
  paces: { name: string; next_at: number };
}
