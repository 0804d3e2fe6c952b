import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  OverwriteType,
  PermissionFlagsBits,
  type APIGuild,
  type APIGuildChannel,
  type APIGuildMember,
  type APIMessage,
  type APIOverwrite,
  type APIRole,
  type APIUser,
  type GuildChannelType,
  type GuildMemberFlags,
  type RoleFlags,
} from 'discord-api-types/v10';
import { SnowflakeGenerator } from './snowflake.ts';
import type { FakeChannelSpec, FakeGuildSpec, FakeRoleSpec, FakeUserSpec } from './types.ts';

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What a bot typically gets from its invite link. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  systemChannelId: string | null;
  preferredLocale: string;
  features: FakeGuildSpec['features'] & {};
  roles: APIRole[];
  botRoleId: string;
  channels: Map<string, APIGuildChannel<GuildChannelType>>;
  members: Map<string, APIGuildMember>;
  joinedAt: string;
}

export function makeUser(spec: FakeUserSpec, bot = false): APIUser {
  return {
    id: spec.id,
    username: spec.username,
    global_name: spec.globalName ?? null,
    discriminator: bot ? '0001' : '0',
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export function makeMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return { user, roles, joined_at: joinedAt, deaf: false, mute: false, flags: 0 as GuildMemberFlags, nick: null, pending: false };
}

function makeRole(spec: FakeRoleSpec, fallbackPosition: number): APIRole {
  return {
    id: spec.id,
    name: spec.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: spec.position ?? fallbackPosition,
    permissions: (spec.permissions ?? 0n).toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function makeChannel(
  guildId: string,
  spec: FakeChannelSpec,
  position: number,
  botUserId: string,
): APIGuildChannel<GuildChannelType> {
  const overwrites: APIOverwrite[] = [...(spec.permissionOverwrites ?? [])];
  if (spec.botAllow !== undefined || spec.botDeny !== undefined) {
    overwrites.push({
      id: botUserId,
      type: OverwriteType.Member,
      allow: (spec.botAllow ?? 0n).toString(),
      deny: (spec.botDeny ?? 0n).toString(),
    });
  }
  const type = spec.type ?? ChannelType.GuildText;
  const channel: Record<string, unknown> = {
    id: spec.id,
    type,
    guild_id: guildId,
    name: spec.name,
    position,
    permission_overwrites: overwrites,
    parent_id: spec.parentId ?? null,
    nsfw: false,
    flags: 0,
  };
  if (type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement) {
    channel.topic = spec.topic ?? null;
    channel.last_message_id = null;
    channel.rate_limit_per_user = 0;
  }
  if (type === ChannelType.GuildVoice || type === ChannelType.GuildStageVoice) {
    channel.bitrate = 64000;
    channel.user_limit = 0;
    channel.rtc_region = null;
    channel.last_message_id = null;
  }
  return channel as unknown as APIGuildChannel<GuildChannelType>;
}

export function buildGuildState(
  spec: FakeGuildSpec,
  bot: APIUser,
  ids: SnowflakeGenerator,
  defaultOwnerId: string,
): GuildState {
  const joinedAt = new Date().toISOString();
  const botRoleId = ids.next();
  const everyone = makeRole(
    { id: spec.id, name: '@everyone', permissions: spec.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS },
    0,
  );
  const extra = (spec.roles ?? []).map((role, i) => makeRole(role, i + 1));
  const botRole: APIRole = {
    ...makeRole(
      { id: botRoleId, name: bot.username, permissions: spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS },
      extra.length + 1,
    ),
    managed: true,
    tags: { bot_id: bot.id },
  };
  const ownerId = spec.ownerId ?? defaultOwnerId;
  const members = new Map<string, APIGuildMember>();
  members.set(bot.id, makeMember(bot, [botRoleId], joinedAt));
  members.set(ownerId, makeMember(makeUser({ id: ownerId, username: `owner-${ownerId.slice(-4)}` }), [], joinedAt));
  const channels = new Map<string, APIGuildChannel<GuildChannelType>>();
  spec.channels.forEach((c, i) => channels.set(c.id, makeChannel(spec.id, c, i, bot.id)));
  return {
    id: spec.id,
    name: spec.name,
    ownerId,
    systemChannelId: spec.systemChannelId ?? null,
    preferredLocale: spec.preferredLocale ?? 'en-US',
    features: spec.features ?? [],
    roles: [everyone, ...extra, botRole],
    botRoleId,
    channels,
    members,
    joinedAt,
  };
}

/** Discord's permission algorithm: base from roles, then @everyone, role and member overwrites. */
export function computePermissions(guild: GuildState, userId: string, channelId?: string): bigint {
  if (userId === guild.ownerId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  const memberRoles = member?.roles ?? [];
  let base = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || memberRoles.includes(role.id)) base |= BigInt(role.permissions);
  }
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  if (channelId === undefined) return base;
  const channel = guild.channels.get(channelId);
  const overwrites = channel?.permission_overwrites ?? [];
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) base = (base & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && o.id !== guild.id && memberRoles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  base = (base & ~deny) | allow;
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId);
  if (own) base = (base & ~BigInt(own.deny)) | BigInt(own.allow);
  return base;
}

export function guildObject(guild: GuildState): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'rotterdam',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    features: guild.features,
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.systemChannelId,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 250000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale as APIGuild['preferred_locale'],
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    approximate_member_count: guild.members.size,
    approximate_presence_count: 1,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  } as APIGuild;
}

/** Messages per channel, in the order they were created. */
export class MessageStore {
  readonly #byChannel = new Map<string, APIMessage[]>();
  /** Called for every message added, in order. */
  readonly listeners = new Set<(message: APIMessage) => void>();

  list(channelId: string): APIMessage[] {
    return this.#byChannel.get(channelId) ?? [];
  }

  add(message: APIMessage): void {
    const list = this.#byChannel.get(message.channel_id) ?? [];
    list.push(message);
    this.#byChannel.set(message.channel_id, list);
    for (const listener of this.listeners) listener(message);
  }

  find(channelId: string, messageId: string): APIMessage | undefined {
    return this.list(channelId).find((m) => m.id === messageId);
  }

  remove(channelId: string, messageId: string): boolean {
    const list = this.list(channelId);
    const index = list.findIndex((m) => m.id === messageId);
    if (index === -1) return false;
    list.splice(index, 1);
    return true;
  }
}
