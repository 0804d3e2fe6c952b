import { ChannelType, PermissionFlagsBits, type Client, type Guild, type GuildBasedChannel, type GuildMember } from 'discord.js';

/** What the bot needs in its news channel, and what it should have to check for a post after an outage. */
export const requiredInChannel = ['ViewChannel', 'SendMessages', 'EmbedLinks'] as const;
export const wantedInChannel = ['ReadMessageHistory'] as const;
export type ChannelPermissionName = (typeof requiredInChannel)[number] | (typeof wantedInChannel)[number];

const postableTypes = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

export function isPostable(channel: GuildBasedChannel): boolean {
  return postableTypes.has(channel.type);
}

/** The guild from the cache, or from Discord when it is not cached. */
export async function guildOf(client: Client, guildId: string): Promise<Guild | null> {
  return client.guilds.cache.get(guildId) ?? (await client.guilds.fetch(guildId).catch(() => null));
}

export async function botMember(guild: Guild): Promise<GuildMember | null> {
  return guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
}

/** The channel from the cache, or from Discord (which throws when Discord refuses or does not know it). */
export async function channelOf(guild: Guild, channelId: string): Promise<GuildBasedChannel | null> {
  return guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId));
}

/** The permissions the bot lacks in a channel, in Discord's names; null when they cannot be worked out. */
export async function missingInChannel<Name extends keyof typeof PermissionFlagsBits = ChannelPermissionName>(
  guild: Guild,
  channel: GuildBasedChannel,
  wanted: readonly Name[],
): Promise<Name[] | null> {
  // Without the @everyone role, every permission would look missing: that is not knowing, not a refusal.
  if (!guild.roles.cache.has(guild.id)) return null;
  const me = await botMember(guild);
  if (!me) return null;
  const permissions = channel.permissionsFor(me);
  if (!permissions) return null;
  return wanted.filter((name) => !permissions.has(PermissionFlagsBits[name], true));
}
