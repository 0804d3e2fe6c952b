/**
 * A fake Discord on 127.0.0.1 for tests and benchmarks: the REST routes a bot uses and a gateway,
 * spoken to by the real discord.js client, recording everything and enforcing Discord's limits.
 *
 * ```ts
 * const discord = await startFakeDiscord({
 *   guilds: [{ id: '200000000000000001', name: 'Club', channels: [{ id: '300000000000000001', name: 'news' }] }],
 * });
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds],
 *   rest: { api: discord.restBase, timeout: 2_000, retries: 1 }, // discord.js appends /v10 itself
 * });
 * const ready = once(client, Events.ClientReady); // login() resolves before the client is ready
 * await client.login(discord.token);              // the gateway URL comes from GET /gateway/bot
 * await ready;
 * const result = await discord.interact({
 *   guildId: '200000000000000001', channelId: '300000000000000001',
 *   user: { id: '400000000000000001', username: 'fan' }, memberPermissions: '2048',
 *   commandName: 'clubs', options: [{ name: 'status', type: 1, options: [{ name: 'club', type: 3, value: 'ajax' }] }],
 * });
 * result.initial?.type; result.reply?.embeds; result.deadlineMissed;
 * await client.destroy(); // close() also ends any session left open, with 4004 so discord.js stops
 * await discord.close();
 * ```
 *
 * Options (`FakeDiscordOptions`): `applicationId`, `botUser`, `token` (else any `Bot …` token is
 * accepted), `guilds` (ids, channels with overwrites or `botAllow`/`botDeny`, roles,
 * `everyonePermissions`, `botPermissions`, `systemChannelId`, `preferredLocale`),
 * `enforceRateLimits`, `interactionDeadlineMs` (3000), `interactionTokenTtlMs` (15 min, then
 * 401 50027), `nonceWindowMs` (120000; 0 ignores nonces, like a Discord that forgot them),
 * `heartbeatIntervalMs`, `privilegedIntents`, `requireRegisteredCommands`, `recordRequests`,
 * `responseDelayMs`.
 *
 * Exposed:
 * - `restBase` (`http://127.0.0.1:PORT/api`), `gatewayUrl` (`ws://127.0.0.1:PORT/gateway`),
 *   `applicationId`, `botUser`, `token` (the configured one, or one shaped like Discord's).
 * - `requests`: every REST request (method, decoded path without `/api/v10`, query, headers,
 *   JSON body or multipart `payload_json`, files, status and body answered, `injected`, times);
 *   `requestStats`: totals by status, kept even with `recordRequests: false`.
 * - `messages(channelId)`: messages in a channel, oldest first (interaction replies included,
 *   ephemeral ones not). Fetched messages carry no `nonce`, as on Discord. With `enforce_nonce`,
 *   a nonce the bot used in the last `nonceWindowMs` (any channel, as Discord documents it)
 *   returns that message, or 404 10008 if it was deleted since.
 *   `waitForMessage(channelId, match?, timeoutMs?)` and `waitForRequest(match, timeoutMs?)`
 *   resolve with the first match, already there or still to come.
 * - `failNext({ method?, pathPattern?, status, times?, retryAfter?, global?, code?, message? })`:
 *   the next matching requests answer 429 (with `retry-after` and JSON `retry_after`), 5xx, 401,
 *   403 or 404 instead of being handled; or `failNext({ network: 'reset' | 'hang', afterHandling? })`
 *   cuts the connection (TCP reset, or no answer until the client times out), with
 *   `afterHandling` after the work was done: the message exists, only the answer is lost.
 *   `pendingFailures()` counts what is left.
 * - `setChannelPermissions(channelId, { allow?, deny? })`, `denyChannel(channelId, 'view' | 'send')`,
 *   `deleteChannel(channelId)`: change what the bot may do; CHANNEL_UPDATE / CHANNEL_DELETE is
 *   dispatched so discord.js's cache agrees. Missing View Channel → 403 50001, missing Send
 *   Messages → 403 50013, deleted or unknown channel → 404 10003.
 * - `interact({ guildId, channelId, user, memberPermissions?, memberRoles?, type?: 'command' |
 *   'autocomplete', commandName, options?, locale?, guildLocale?, deadlineMs?, replyTimeoutMs? })`:
 *   dispatches INTERACTION_CREATE, waits for the initial callback (3 s deadline) and, after a
 *   deferral, for the edit of `@original` or a follow-up (5 s). A missing or late answer sets
 *   `deadlineMissed` and lands in `problems`; a late callback is answered 404 10062 like Discord.
 *   A registered command's invocation is checked first (option names and types, required options,
 *   choices, bounds, `default_member_permissions`); one Discord would never send throws
 *   `ImpossibleInteractionError`. `requireRegisteredCommands` also refuses unregistered commands.
 * - `interactions`: every interaction result (live: later follow-ups are appended).
 * - `commands.global` / `commands.guild(guildId)`: registered commands, validated as Discord does
 *   (invalid → 400 50035 with Discord's nested `errors`).
 * - `gatewayConnections`: each connection's query, IDENTIFY payload (intents), resume, heartbeats,
 *   close code.
 * - `setRolePermissions(guildId, roleId, bigint)` (the guild id is @everyone),
 *   `setBotPermissions(guildId, bigint)` (the bot's role): GUILD_ROLE_UPDATE is dispatched.
 *   `addChannel(guildId, spec)`: CHANNEL_CREATE.
 * - `dispatch(event, data)`, `addGuild(spec)`, `removeGuild(id)`, `disconnectGateway(code)`,
 *   `requestReconnect()` (op 7, resume), `invalidateSessions()` (op 9, identify again).
 * - `problems`: missed deadlines, late callbacks, protocol errors, internal errors of the fake.
 * - `setResponseDelay(ms)`, `clearRecords()`, `close()`.
 *
 * With `enforceRateLimits`, Discord's limits apply: 50 requests/s overall (interaction and
 * webhook-token routes excepted) and 5 messages per 5 s per channel, with `x-ratelimit-*` headers
 * on message sends (discord.js then queues by itself) and 429 `{ message, retry_after, global }`
 * plus `retry-after` when exceeded. Without it, no bucket headers are sent and nothing is limited.
 *
 * discord.js's default REST strategy cannot upload files with the undici 7 this project pins
 * ("action is not a function"); pass `rest: { makeRequest: fetch }` where files are sent.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayDispatchEvents,
  OverwriteType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIMessage,
  type APIUser,
} from 'discord-api-types/v10';
import { FakeDiscordState } from './core.ts';
import { FakeGateway } from './gateway.ts';
import { InteractionTracker } from './interactions.ts';
import { RateLimiter } from './rate-limits.ts';
import { RestServer } from './rest-server.ts';
import { commandRoutes } from './routes-commands.ts';
import { coreRoutes } from './routes-core.ts';
import { interactionRoutes } from './routes-interactions.ts';
import { messageRoutes } from './routes-messages.ts';
import { makeChannel } from './state.ts';
import type {
  FailureRule,
  FakeChannelSpec,
  FakeDiscordOptions,
  FakeGuildSpec,
  GatewayConnectionRecord,
  InteractOptions,
  InteractionResult,
  ProblemRecord,
  RecordedRequest,
  RequestStats,
} from './types.ts';

export type * from './types.ts';
export { ImpossibleInteractionError } from './invocation-check.ts';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './state.ts';

export class FakeDiscord {
  readonly #server: Server;
  readonly #state: FakeDiscordState;
  readonly #rest: RestServer;
  readonly #gateway: FakeGateway;
  readonly #tracker: InteractionTracker;
  #base = '';
  readonly #defaultToken: string;

  constructor(options: FakeDiscordOptions) {
    this.#state = new FakeDiscordState(options);
    this.#defaultToken = [
      Buffer.from(this.#state.botUser.id).toString('base64url'),
      randomBytes(4).toString('base64url'),
      randomBytes(27).toString('base64url'),
    ].join('.');
    this.#gateway = new FakeGateway(this.#state, options.heartbeatIntervalMs ?? 41_250);
    this.#tracker = new InteractionTracker(this.#state, options.interactionDeadlineMs ?? 3000);
    const routes = [
      ...coreRoutes(this.#state, () => this.#gateway.url),
      ...messageRoutes(this.#state, () => undefined),
      ...commandRoutes(this.#state),
      ...interactionRoutes(this.#state, this.#tracker),
    ];
    this.#rest = new RestServer(
      this.#state,
      routes,
      new RateLimiter(options.enforceRateLimits === true),
      options.responseDelayMs ?? 0,
    );
    this.#server = createServer((req, res) => {
      this.#rest.handle(req, res).catch((error: unknown) => {
        this.#state.problem('fake-internal-error', String(error));
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  async listen(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port } = this.#server.address() as AddressInfo;
    this.#base = `http://127.0.0.1:${port}/api`;
    this.#gateway.attach(this.#server, `ws://127.0.0.1:${port}/gateway`);
    return this;
  }

  get restBase(): string {
    return this.#base;
  }
  get gatewayUrl(): string {
    return this.#gateway.url;
  }
  get applicationId(): string {
    return this.#state.applicationId;
  }
  /** The configured token, or one shaped like Discord's (base64 bot id, timestamp, HMAC) when any is accepted. */
  get token(): string {
    return this.#state.options.token ?? this.#defaultToken;
  }
  get botUser(): APIUser {
    return this.#state.botUser;
  }
  get requests(): RecordedRequest[] {
    return this.#rest.requests;
  }
  get requestStats(): RequestStats {
    return this.#rest.stats;
  }
  get gatewayConnections(): GatewayConnectionRecord[] {
    return this.#gateway.connections;
  }
  get interactions(): InteractionResult[] {
    return this.#tracker.all;
  }
  get problems(): ProblemRecord[] {
    return this.#state.problems;
  }
  get commands(): { global: APIApplicationCommand[]; guild: (guildId: string) => APIApplicationCommand[] } {
    return { global: this.#state.globalCommands, guild: (id) => this.#state.guildCommands.get(id) ?? [] };
  }

  messages(channelId: string): APIMessage[] {
    return [...this.#state.store.list(channelId)];
  }

  /** The first message in the channel that matches, now or when it arrives; rejects after `timeoutMs`. */
  waitForMessage(channelId: string, match: (message: APIMessage) => boolean = () => true, timeoutMs = 5000): Promise<APIMessage> {
    const existing = this.#state.store.list(channelId).find(match);
    if (existing) return Promise.resolve(existing);
    return waitFor(this.#state.store.listeners, (m) => m.channel_id === channelId && match(m), timeoutMs, `message in channel ${channelId}`);
  }

  /** The first recorded request that matches, now or when it is answered; rejects after `timeoutMs`. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const existing = this.#rest.requests.find(match);
    if (existing) return Promise.resolve(existing);
    return waitFor(this.#rest.listeners, match, timeoutMs, 'matching request');
  }

  failNext(rule: FailureRule): void {
    this.#rest.failNext(rule);
  }

  /** How many injected failures have not been used yet. */
  pendingFailures(): number {
    return this.#rest.pendingFailures();
  }

  /** Sets the bot's own member overwrite on a channel. */
  setChannelPermissions(channelId: string, change: { allow?: bigint; deny?: bigint }): void {
    const { channel } = this.#state.channel(channelId);
    const botId = this.#state.botUser.id;
    const others = (channel.permission_overwrites ?? []).filter((o) => !(o.type === OverwriteType.Member && o.id === botId));
    channel.permission_overwrites = [
      ...others,
      { id: botId, type: OverwriteType.Member, allow: (change.allow ?? 0n).toString(), deny: (change.deny ?? 0n).toString() },
    ];
    this.#gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, channel);
  }

  /** Takes View Channel (→ 403 50001) or Send Messages (→ 403 50013) away from the bot in a channel. */
  denyChannel(channelId: string, what: 'view' | 'send' = 'send'): void {
    const deny = what === 'view' ? PermissionFlagsBits.ViewChannel : PermissionFlagsBits.SendMessages;
    this.setChannelPermissions(channelId, { deny });
  }

  /** The channel answers 404 10003 from now on. */
  deleteChannel(channelId: string): void {
    const { channel } = this.#state.channel(channelId);
    this.#state.deletedChannels.add(channelId);
    this.#gateway.dispatch(GatewayDispatchEvents.ChannelDelete, channel);
  }

  /** Sets what a role grants (the guild id names @everyone); GUILD_ROLE_UPDATE is dispatched. */
  setRolePermissions(guildId: string, roleId: string, permissions: bigint): void {
    const role = this.#state.guild(guildId).roles.find((r) => r.id === roleId);
    if (!role) throw new Error(`guild ${guildId} has no role ${roleId}`);
    role.permissions = permissions.toString();
    this.#gateway.dispatch(GatewayDispatchEvents.GuildRoleUpdate, { guild_id: guildId, role });
  }

  /** Sets what the bot's own role grants in a guild (@everyone still applies). */
  setBotPermissions(guildId: string, permissions: bigint): void {
    this.setRolePermissions(guildId, this.#state.guild(guildId).botRoleId, permissions);
  }

  /** A channel appears in a guild; CHANNEL_CREATE is dispatched. */
  addChannel(guildId: string, spec: FakeChannelSpec): void {
    const guild = this.#state.guild(guildId);
    const channel = makeChannel(guildId, spec, guild.channels.size, this.#state.botUser.id);
    guild.channels.set(channel.id, channel);
    this.#gateway.dispatch(GatewayDispatchEvents.ChannelCreate, channel);
  }

  /** The bot joins a guild: GUILD_CREATE is dispatched. */
  addGuild(spec: FakeGuildSpec): void {
    const guild = this.#state.addGuild(spec);
    this.#gateway.dispatch(GatewayDispatchEvents.GuildCreate, this.#gateway.guildCreate(guild));
  }

  /** The bot is removed from a guild: GUILD_DELETE is dispatched; its guild and channels answer 403 50001. */
  removeGuild(guildId: string): void {
    this.#state.leftGuilds.set(guildId, this.#state.guild(guildId));
    this.#state.guilds.delete(guildId);
    this.#gateway.dispatch(GatewayDispatchEvents.GuildDelete, { id: guildId });
  }

  dispatch(event: string, data: unknown): void {
    this.#gateway.dispatch(event, data);
  }

  disconnectGateway(code = 4000): void {
    this.#gateway.disconnect(code);
  }

  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  invalidateSessions(): void {
    this.#gateway.invalidateSessions();
  }

  async interact(options: InteractOptions): Promise<InteractionResult> {
    if (this.#gateway.readySessions === 0) throw new Error('no bot is connected to the fake gateway');
    const { payload, tracked } = this.#tracker.build(options);
    this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return this.#tracker.settle(tracked, options.replyTimeoutMs ?? 5000);
  }

  setResponseDelay(ms: number): void {
    this.#rest.setResponseDelay(ms);
  }

  /** Forgets recorded requests, interactions and problems (messages and commands stay). */
  clearRecords(): void {
    this.#rest.requests.length = 0;
    Object.assign(this.#rest.stats, { total: 0, byStatus: {}, injected: 0, invalid: 0 });
    this.#tracker.all.length = 0;
    this.#state.problems.length = 0;
  }

  async close(): Promise<void> {
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

function waitFor<T>(listeners: Set<(value: T) => void>, match: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (value: T): void => {
      if (!match(value)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`fake Discord saw no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    listeners.add(listener);
  });
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
