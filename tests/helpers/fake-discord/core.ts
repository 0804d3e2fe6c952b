import {
  ChannelType,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIAttachment,
  type APIGuildChannel,
  type APIMessage,
  type APIUser,
  type GuildChannelType,
} from 'discord-api-types/v10';
import { FormErrors, unknownMessage, missingAccess, missingPermissions, nonTextChannel, unknownChannel, unknownGuild } from './errors.ts';
import { resolveMentions, validateMessageBody, type MessageBody } from './message-validation.ts';
import type { RouteRequest } from './router.ts';
import { SnowflakeGenerator } from './snowflake.ts';
import { buildGuildState, computePermissions, makeUser, MessageStore, type GuildState } from './state.ts';
import type { FakeDiscordOptions, FakeGuildSpec, ProblemRecord } from './types.ts';

const TEXT_TYPES = new Set<ChannelType>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildVoice,
  ChannelType.GuildStageVoice,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

export interface ChannelContext {
  guild: GuildState;
  channel: APIGuildChannel<GuildChannelType>;
}

export interface NewMessage {
  body: MessageBody;
  files: RouteRequest['files'];
  type?: MessageType;
  extra?: Partial<APIMessage>;
}

/** Everything the fake Discord knows; routes, gateway and interactions read and change it. */
export class FakeDiscordState {
  readonly ids = new SnowflakeGenerator();
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds = new Map<string, GuildState>();
  /** Guilds the bot was removed from: they still exist, the bot just may not see them (403 50001). */
  readonly leftGuilds = new Map<string, GuildState>();
  readonly store = new MessageStore();
  readonly deletedChannels = new Set<string>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly problems: ProblemRecord[] = [];
  readonly #nonces = new Map<string, { channelId: string; messageId: string; at: number }>();
  readonly #nonceWindowMs: number;

  constructor(readonly options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? this.ids.next();
    this.botUser = makeUser(
      options.botUser ?? { id: this.applicationId, username: 'clubwatch-test' },
      true,
    );
    this.#nonceWindowMs = options.nonceWindowMs ?? 120_000;
    for (const spec of options.guilds ?? []) this.addGuild(spec);
  }

  addGuild(spec: FakeGuildSpec): GuildState {
    this.leftGuilds.delete(spec.id);
    const guild = buildGuildState(spec, this.botUser, this.ids, this.ids.next());
    this.guilds.set(guild.id, guild);
    return guild;
  }

  guild(guildId: string): GuildState {
    const guild = this.guilds.get(guildId);
    if (guild) return guild;
    if (this.leftGuilds.has(guildId)) throw missingAccess();
    throw unknownGuild();
  }

  /** Finds a live channel; 404 10003 when it never existed or was deleted. */
  channel(channelId: string): ChannelContext {
    if (!this.deletedChannels.has(channelId)) {
      for (const guild of this.guilds.values()) {
        const channel = guild.channels.get(channelId);
        if (channel) return { guild, channel };
      }
      for (const guild of this.leftGuilds.values()) {
        if (guild.channels.has(channelId)) throw missingAccess();
      }
    }
    throw unknownChannel();
  }

  botPermissions(ctx: ChannelContext): bigint {
    return computePermissions(ctx.guild, this.botUser.id, ctx.channel.id);
  }

  /** The bot must see the channel (50001) and hold every permission asked (50013). */
  requirePermissions(ctx: ChannelContext, needed: bigint): bigint {
    const perms = this.botPermissions(ctx);
    if ((perms & PermissionFlagsBits.ViewChannel) === 0n) throw missingAccess();
    if ((perms & needed) !== needed) throw missingPermissions();
    return perms;
  }

  /** Creates a message the bot sends into a channel, after Discord's checks. */
  postChannelMessage(channelId: string, message: NewMessage): { message: APIMessage; created: boolean } {
    const ctx = this.channel(channelId);
    if (!TEXT_TYPES.has(ctx.channel.type)) throw nonTextChannel();
    const needed =
      PermissionFlagsBits.SendMessages | (message.files.length > 0 ? PermissionFlagsBits.AttachFiles : 0n);
    const perms = this.requirePermissions(ctx, needed);
    validateMessageBody(message.body, message.files.length, true);
    const reference = message.body.message_reference;
    if (reference?.message_id && reference.fail_if_not_exists !== false) {
      if (!this.store.find(reference.channel_id ?? channelId, reference.message_id)) {
        const errors = new FormErrors();
        errors.add(['message_reference'], 'REPLIES_UNKNOWN_MESSAGE', 'Unknown message');
        errors.throwIfAny();
      }
    }
    // Discord's documentation keys the check on the author and the nonce, not the channel; a
    // remembered message that was deleted since is answered "Unknown Message", not created again.
    const { nonce, enforce_nonce: enforceNonce } = message.body;
    const nonceKey = nonce === undefined ? null : `${this.botUser.id}:${String(nonce)}`;
    const seen = nonceKey ? this.#nonces.get(nonceKey) : undefined;
    if (enforceNonce && seen && Date.now() - seen.at < this.#nonceWindowMs) {
      const existing = this.store.find(seen.channelId, seen.messageId);
      if (!existing) throw unknownMessage();
      return { message: existing, created: false };
    }
    const created = this.buildMessage(
      ctx,
      this.#withoutEmbedsUnlessAllowed(message, perms),
      (perms & PermissionFlagsBits.MentionEveryone) !== 0n,
    );
    this.store.add(created);
    if (nonceKey) this.#nonces.set(nonceKey, { channelId, messageId: created.id, at: Date.now() });
    return { message: created, created: true };
  }

  /**
   * Without Embed Links, Discord drops a bot's embeds and keeps the rest; an embed-only message
   * then has nothing left and is refused as empty (50006). Discord does not document this; it is
   * what bots lacking the permission report.
   */
  #withoutEmbedsUnlessAllowed(message: NewMessage, perms: bigint): NewMessage {
    if ((perms & PermissionFlagsBits.EmbedLinks) !== 0n || !message.body.embeds?.length) return message;
    const stripped = { ...message, body: { ...message.body, embeds: [] } };
    validateMessageBody(stripped.body, stripped.files.length, true);
    return stripped;
  }

  buildMessage(ctx: ChannelContext, message: NewMessage, mayMentionEveryone: boolean): APIMessage {
    const { body } = message;
    const content = body.content ?? '';
    const mentions = resolveMentions(content, body.allowed_mentions, mayMentionEveryone);
    const id = this.ids.next();
    return {
      id,
      channel_id: ctx.channel.id,
      author: this.botUser,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: mentions.everyone,
      mentions: mentions.users.map((userId) => this.userFor(ctx.guild, userId)),
      mention_roles: mentions.roles,
      attachments: this.attachmentsFor(body, message.files),
      embeds: (body.embeds ?? []).map((e) => ({ type: 'rich', ...e }) as APIMessage['embeds'][number]),
      pinned: false,
      type: message.type ?? MessageType.Default,
      flags: body.flags ?? 0,
      components: (body.components ?? []) as APIMessage['components'],
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      ...(body.message_reference?.message_id
        ? { message_reference: { channel_id: ctx.channel.id, ...body.message_reference } }
        : {}),
      ...message.extra,
    } as APIMessage;
  }

  attachmentsFor(body: MessageBody, files: RouteRequest['files']): APIAttachment[] {
    return files.map((file, i) => {
      const described = body.attachments?.find((a) => String(a.id) === String(i));
      const id = this.ids.next();
      const filename = described?.filename ?? file.filename;
      return {
        id,
        filename,
        size: file.size,
        url: `https://cdn.discordapp.test/attachments/${id}/${encodeURIComponent(filename)}`,
        proxy_url: `https://media.discordapp.test/attachments/${id}/${encodeURIComponent(filename)}`,
        content_type: file.contentType,
        ...(described?.description ? { description: described.description } : {}),
      };
    });
  }

  userFor(guild: GuildState, userId: string): APIUser {
    return guild.members.get(userId)?.user ?? makeUser({ id: userId, username: `user-${userId.slice(-4)}` });
  }

  problem(kind: ProblemRecord['kind'], detail: string): void {
    this.problems.push({ kind, detail, at: Date.now() });
  }
}
