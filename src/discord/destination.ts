import {
  DiscordAPIError,
  HTTPError,
  makeURLSearchParams,
  RateLimitError,
  Routes,
  type APIEmbed,
  type APIMessage,
  type RawFile,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import { digestBoardImage } from '../board/digest-board.ts';
import type { BoardImage } from '../board/image.ts';
import type { Delivery, DeliveryOutcome, Destination } from '../deliveries/delivery.ts';
import { renderDelivery } from '../deliveries/render.ts';
import type { ServerSettings } from '../store/store.ts';
import { deliveryMarker, digestEmbed, storyEmbed } from './embeds.ts';
import { messagesFor } from './i18n/messages.ts';
import { nonceLength, requestsPerSecond, uploadBytes } from './limits.ts';
import { mayPostAgain, pauseServer, resumeServer, type PauseReason } from './pause.ts';
import { channelOf, guildOf, missingInChannel } from './permissions.ts';
import type { BotServices } from './services.ts';

export interface DiscordDestinationOptions {
  /**
   * An attempt cut off less than this long ago is left to Discord's nonce check alone; older ones are
   * checked against the channel first. 0 by default: every cut-off attempt is checked (one read, after
   * a crash only), so no post is doubled even where a nonce is not deduplicated.
   */
  nonceTrustMs?: number;
  now?: () => Date;
  /** Whether posts can go out now: the gateway is ready by default; a worker posting over REST alone is ready once logged in. */
  isReady?: () => boolean;
  /** Waits for this post's turn; by default posts of this process are spaced, just under Discord's global limit. */
  pace?: () => Promise<void>;
}

const rateLimitedPrefix = 'rate limited';
/**
 * Discord allows a bot `requestsPerSecond` requests a second. discord.js sends a whole window's worth
 * at once, which a Discord counting in sliding windows answers with 429s (and 429s count towards its
 * ban on bots that make too many invalid requests), so message posts are spaced evenly, just under the limit.
 */
export const postSpacingMs = Math.floor(1_000 / requestsPerSecond) + 1;
const boardFileName = 'clubwatch-board.png';
const pauseCodes: Record<number, PauseReason> = { 50001: 'missing-access', 50013: 'missing-permissions', 10003: 'unknown-channel' };

/** Posts stories and digests to each server's channel: `discord:<serverId>` deliveries. */
export class DiscordDestination implements Destination {
  readonly kind = 'discord';
  private readonly nonceTrustMs: number;
  private readonly now: () => Date;
  private readonly isReady: () => boolean;
  private readonly pace: () => Promise<void>;
  /** One send at a time per server: posts arrive in order, and a refused channel is refused once. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private nextPostAt = 0;

  constructor(
    private readonly bot: BotServices,
    options: DiscordDestinationOptions = {},
  ) {
    this.nonceTrustMs = options.nonceTrustMs ?? 0;
    this.now = options.now ?? (() => new Date());
    this.isReady = options.isReady ?? (() => bot.client.isReady());
    this.pace = options.pace ?? (() => this.paced());
  }

  send(delivery: Delivery): Promise<DeliveryOutcome> {
    const serverId = delivery.destination.slice(`${this.kind}:`.length);
    const previous = this.queues.get(serverId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.sendNow(serverId, delivery));
    this.queues.set(serverId, next);
    void next.finally(() => {
      if (this.queues.get(serverId) === next) this.queues.delete(serverId);
    });
    return next;
  }

  private async sendNow(serverId: string, delivery: Delivery): Promise<DeliveryOutcome> {
    const { store, catalog } = this.bot.context;
    if (!/^\d{15,22}$/.test(serverId)) return { status: 'rejected', reason: `not a Discord server id: ${serverId}` };
    if (!this.isReady()) return { status: 'retry', reason: 'not connected to Discord yet', retryAfterMs: 5_000 };
    const settings = await store.getServerSettings(serverId);
    if (settings.pausedReason) {
      if (!(await mayPostAgain(this.bot, settings))) return { status: 'hold', reason: `posting to this server is paused (${settings.pausedReason})` };
      // The channel takes posts again: what was held goes first, this one after it.
      await resumeServer(this.bot, serverId, {}, this.now());
      return { status: 'retry', reason: 'posting resumed; held updates go first', retryAfterMs: 0 };
    }
    if (!settings.channelId) return { status: 'rejected', reason: 'the server has no channel set' };
    const rendered = await renderDelivery(store, catalog, delivery);
    if (!rendered) return { status: 'rejected', reason: 'its stories are no longer in the store' };

    const marker = deliveryMarker(delivery.idempotencyKey);
    const andMore = messagesFor(delivery.content.language).andMore;
    const embed = rendered.kind === 'story' ? storyEmbed(rendered.summary, marker) : digestEmbed(rendered.digest, marker, andMore);
    try {
      if (this.mayAlreadyBePosted(delivery)) {
        const earlier = await this.findEarlierPost(settings.channelId, delivery.idempotencyKey, marker);
        if (earlier) return { status: 'sent', externalId: earlier.id };
      }
      const board = rendered.kind === 'digest' && settings.digestBoard ? await this.digestBoard(delivery, settings) : null;
      const body = messageBody(embed, settings, delivery.idempotencyKey);
      const files: RawFile[] = [];
      if (board && board.png.byteLength <= uploadBytes) {
        // The picture inside the digest's embed, with its alt text as the attachment's description.
        body.embeds = [{ ...embed, image: { url: `attachment://${boardFileName}` } }];
        body.attachments = [{ id: '0', filename: boardFileName, description: board.alt }];
        files.push({ data: board.png, name: boardFileName, contentType: 'image/png' });
      }
      await this.pace();
      const message = (await this.bot.client.rest.post(Routes.channelMessages(settings.channelId), { body, files })) as APIMessage;
      return { status: 'sent', externalId: message.id };
    } catch (err) {
      return this.outcomeOf(err, settings);
    }
  }

  /**
   * The board of the digest's clubs, when the bot may attach files in the channel (a missing Attach
   * Files permission must not pause the server's posts: the digest then goes as text).
   */
  private async digestBoard(delivery: Delivery, settings: ServerSettings): Promise<BoardImage | null> {
    const { store, catalog, boardImages } = this.bot.context;
    try {
      const guild = await guildOf(this.bot.client, settings.serverId);
      const channel = guild && settings.channelId ? await channelOf(guild, settings.channelId).catch(() => null) : null;
      const missing = guild && channel ? await missingInChannel(guild, channel, ['AttachFiles']) : null;
      if (missing === null || missing.length > 0) return null;
      return await digestBoardImage(store, catalog, boardImages, delivery.content.storyIds, delivery.content.language);
    } catch (err) {
      this.bot.logger.warn({ err, deliveryId: delivery.id }, 'could not draw the board for a digest; posting it without');
      return null;
    }
  }

  /** Waits for this post's turn: posts leave at most one every `postSpacingMs`, across all servers. */
  private async paced(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextPostAt);
    this.nextPostAt = at + postSpacingMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /** An earlier attempt may have posted when it was cut off, or failed in a way that leaves it unknown. */
  private mayAlreadyBePosted(delivery: Delivery): boolean {
    if (delivery.interruptedAt) {
      const age = this.now().getTime() - Date.parse(delivery.interruptedAt);
      if (!(age < this.nonceTrustMs)) return true;
    }
    return delivery.attempts > 1 && delivery.lastError !== null && !delivery.lastError.startsWith(rateLimitedPrefix);
  }

  /** The post an earlier attempt made, if the channel's recent messages hold it. A refused channel throws. */
  private async findEarlierPost(channelId: string, key: string, marker: string): Promise<APIMessage | undefined> {
    let recent: APIMessage[];
    try {
      // A request like a post for Discord's global limit: it takes a turn too.
      await this.pace();
      recent = (await this.bot.client.rest.get(Routes.channelMessages(channelId), { query: makeURLSearchParams({ limit: 50 }) })) as APIMessage[];
    } catch (err) {
      if (err instanceof DiscordAPIError && pauseCodes[Number(err.code)]) throw err;
      // Not knowing is no reason to stop: the send below carries the nonce.
      this.bot.logger.info({ err, channelId }, 'could not read the channel for an earlier post');
      return undefined;
    }
    if (!Array.isArray(recent)) return undefined;
    const botId = this.bot.client.user?.id;
    return recent.find(
      (message) =>
        message.author.id === botId &&
        (message.nonce === nonceOf(key) || message.embeds.some((embed) => embed.footer?.text.includes(marker))),
    );
  }

  private async outcomeOf(err: unknown, settings: ServerSettings): Promise<DeliveryOutcome> {
    const log = this.bot.logger.child({ serverId: settings.serverId, channelId: settings.channelId });
    if (err instanceof RateLimitError) {
      return { status: 'retry', reason: `${rateLimitedPrefix} for ${err.retryAfter} ms`, retryAfterMs: err.retryAfter };
    }
    if (err instanceof DiscordAPIError) {
      if (err.status === 403 || err.status === 404) {
        const reason = pauseCodes[Number(err.code)] ?? (err.status === 404 ? 'unknown-channel' : 'missing-access');
        await pauseServer(this.bot, settings, reason, this.now());
        return { status: 'hold', reason: `Discord answered ${err.status} (${err.code}): ${err.message}; posting paused` };
      }
      if (err.status === 401) {
        log.error({ code: err.code }, 'Discord refused the bot token');
        return { status: 'retry', reason: 'Discord refused the bot token', retryAfterMs: 10 * 60_000 };
      }
      if (err.status >= 500) return { status: 'retry', reason: `Discord answered ${err.status}` };
      log.error({ status: err.status, code: err.code, err }, 'Discord refused a post');
      return { status: 'rejected', reason: `Discord answered ${err.status} (${err.code}): ${err.message}` };
    }
    if (err instanceof HTTPError) return { status: 'retry', reason: `Discord answered ${err.status}` };
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    log.info({ err }, 'post failed on the way; will retry');
    return { status: 'retry', reason: `network: ${message}` };
  }
}

/** A nonce is short enough for Discord and the same on every attempt, so Discord drops a repeated send. */
function nonceOf(key: string): string {
  return key.slice(0, nonceLength);
}

function messageBody(embed: APIEmbed, settings: Pick<ServerSettings, 'mentionRoleId'>, key: string): RESTPostAPIChannelMessageJSONBody {
  const role = settings.mentionRoleId;
  return {
    ...(role ? { content: `<@&${role}>` } : {}),
    embeds: [embed],
    allowed_mentions: { parse: [], roles: role ? [role] : [] },
    nonce: nonceOf(key),
    enforce_nonce: true,
  };
}
