import type { Selectable } from 'kysely';
import type { Action, Platform } from '../../announcements/announcement.ts';
import type { Delivery, DeliveryContent, DeliveryStatus } from '../../deliveries/delivery.ts';
import type { Story, StoryReport } from '../../stories/story.ts';
import type { Cadence, ServerSettings, SourceKind, SourceOrigin, SourceRecord } from '../store.ts';
import type { Database } from './schema.ts';

/** Row ↔ record conversions, kept apart so the store reads as what it does. */

export function toSource(row: Selectable<Database['sources']>): SourceRecord {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind as SourceKind,
    origin: row.origin as SourceOrigin,
    title: row.title,
    intervalSeconds: row.interval_seconds,
    announceFirstFetch: row.announce_first_fetch === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    bodyHash: row.body_hash,
    lastSuccessAt: row.last_success_at,
    lastFetchedAt: row.last_fetched_at,
    nextFetchAt: row.next_fetch_at,
    failingSince: row.failing_since,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
  };
}

export function toReport(row: Selectable<Database['story_reports']>): StoryReport {
  return {
    sourceId: row.source_id,
    outlet: row.outlet,
    itemKey: row.item_key,
    title: row.title,
    link: row.link,
    evidence: row.evidence,
    published: row.published,
    confidence: row.confidence,
    lang: row.lang,
    trusted: row.trusted === 1,
  };
}

export function toStory(row: Selectable<Database['stories']>, reports: StoryReport[]): Story {
  return {
    id: row.id,
    clubId: row.club_id,
    clubName: row.club_name,
    platform: row.platform as Platform,
    action: row.action as Action,
    occurredAt: row.occurred_at,
    firstSeenAt: row.first_seen_at,
    confidence: row.confidence,
    shared: row.shared === 1,
    reports,
  };
}

export const defaultServerSettings: Omit<ServerSettings, 'serverId'> = {
  channelId: null,
  language: 'en',
  cadence: 'immediate',
  dailyAt: '09:00',
  timeZone: 'UTC',
  mentionRoleId: null,
  pausedReason: null,
  pausedAt: null,
  adminNotice: null,
  digestBoard: false,
};

export function toServer(row: Selectable<Database['servers']>): ServerSettings {
  return {
    serverId: row.server_id,
    channelId: row.channel_id,
    language: row.language,
    cadence: row.cadence as Cadence,
    dailyAt: row.daily_at,
    timeZone: row.time_zone,
    mentionRoleId: row.mention_role_id,
    pausedReason: row.paused_reason,
    pausedAt: row.paused_at,
    adminNotice: row.admin_notice,
    digestBoard: row.digest_board === 1,
  };
}

export function fromServer(settings: ServerSettings): Database['servers'] {
  return {
    server_id: settings.serverId,
    channel_id: settings.channelId,
    language: settings.language,
    cadence: settings.cadence,
    daily_at: settings.dailyAt,
    time_zone: settings.timeZone,
    mention_role_id: settings.mentionRoleId,
    paused_reason: settings.pausedReason,
    paused_at: settings.pausedAt,
    admin_notice: settings.adminNotice,
    digest_board: settings.digestBoard ? 1 : 0,
  };
}

export function toDelivery(row: Selectable<Database['deliveries']>): Delivery {
  return {
    id: row.id,
    destination: row.destination,
    content: JSON.parse(row.content) as DeliveryContent,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    claimedAt: row.claimed_at,
    interruptedAt: row.interrupted_at,
    lastError: row.last_error,
    idempotencyKey: row.idempotency_key,
    externalId: row.external_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
