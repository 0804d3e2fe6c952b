import { PermissionFlagsBits, type APIApplication, type RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import type { FakeDiscordState } from './core.ts';
import { unknownMember } from './errors.ts';
import { json, type Route } from './router.ts';
import { computePermissions, guildObject } from './state.ts';

/** Gateway discovery, the bot's own user and application, guilds, channels, roles and members. */
export function coreRoutes(state: FakeDiscordState, gatewayUrl: () => string): Route[] {
  const application = (): APIApplication =>
    ({
      id: state.applicationId,
      name: state.botUser.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      bot: state.botUser,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      owner: { id: '100000000000000001', username: 'owner', discriminator: '0', global_name: null, avatar: null },
      summary: '',
      approximate_guild_count: state.guilds.size,
    }) as unknown as APIApplication;

  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => {
        const result: RESTGetAPIGatewayBotResult = {
          url: gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        };
        return json(result);
      },
    },
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => json({ url: gatewayUrl() }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => json(state.botUser) },
    { method: 'GET', pattern: '/applications/@me', auth: true, handle: () => json(application()) },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handle: () => json(application()) },
    {
      method: 'GET',
      pattern: '/users/@me/guilds',
      auth: true,
      handle: () =>
        json(
          [...state.guilds.values()].map((g) => ({
            id: g.id,
            name: g.name,
            icon: null,
            banner: null,
            owner: false,
            permissions: String(computePermissions(g, state.botUser.id)),
            features: g.features,
          })),
        ),
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: true,
      handle: ({ params }) => {
        const ctx = state.channel(params.channelId ?? '');
        state.requirePermissions(ctx, PermissionFlagsBits.ViewChannel);
        return json(ctx.channel);
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId',
      auth: true,
      handle: ({ params }) => json(guildObject(state.guild(params.guildId ?? ''))),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      auth: true,
      handle: ({ params }) => {
        const guild = state.guild(params.guildId ?? '');
        return json([...guild.channels.values()].filter((c) => !state.deletedChannels.has(c.id)));
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/roles',
      auth: true,
      handle: ({ params }) => json(state.guild(params.guildId ?? '').roles),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      auth: true,
      handle: ({ params }) => {
        const member = state.guild(params.guildId ?? '').members.get(params.userId ?? '');
        if (!member) throw unknownMember();
        return json(member);
      },
    },
  ];
}
