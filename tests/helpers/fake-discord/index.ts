/**
 * A fake Discord on 127.0.0.1 for tests and benchmarks: REST routes and a gateway that the real
 * discord.js client talks to, recording everything and enforcing Discord's documented limits.
 *
 * ```ts
 * const discord = await startFakeDiscord({
 *   guilds: [{ id: '200000000000000001', name: 'Club', channels: [{ id: '300000000000000001', name: 'news' }] }],
 * });
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds],
 *   rest: { api: discord.restBase, timeout: 2_000, retries: 1 }, // discord.js appends /v10
 * });
 * const ready = once(client, Events.ClientReady);           // login() resolves before ready
 * await client.login('any-token');                           // gateway URL comes from GET /gateway/bot
 * await ready;
 * const result = await discord.interact({ guildId, channelId, user: { id, username }, commandName: 'follow',
 *   options: [{ name: 'club', type: 3, value: 'ajax' }] });
 * result.initial?.type; result.reply?.content; result.deadlineMissed;
 * client.destroy(); await discord.close();
 * ```
 *
 * Exposed:
 * - `restBase` (`http://127.0.0.1:PORT/api`), `gatewayUrl` (`ws://127.0.0.1:PORT/gateway`),
 *   `applicationId`, `botUser`, `token` (the configured one, or a Discord-shaped one; any
 *   `Bot …` token is accepted unless `token` was given).
 * - `requests`: every REST request (method, decoded path without `/api/v10`, query, headers,
 *   JSON body or multipart `payload_json`, files, status and body answered, `injected`).
 * - `messages(channelId)`: messages in a channel, oldest first (interaction replies included,
 *   ephemeral ones not).
 * - `failNext({ method?, pathPattern?, status, times?, retryAfter?, global?, code?, message? })`:
 *   the next matching requests answer 429 (with `retry-after` and JSON `retry_after`), 5xx, 401,
 *   403 or 404 instead of being handled.
 * - `requestStats`: totals by status, kept even with `recordRequests: false` (for benchmarks).
 * - `setChannelPermissions(channelId, { allow?, deny? })`, `denyChannel(channelId, 'view' | 'send')`,
 *   `deleteChannel(channelId)`: change what the bot may do; a CHANNEL_UPDATE / CHANNEL_DELETE is
 *   dispatched so discord.js's cache agrees. Missing View Channel → 403 50001, missing Send
 *   Messages → 403 50013, deleted or unknown channel → 404 10003.
 * - `interact({ guildId, channelId, user, memberPermissions?, type?: 'command' | 'autocomplete',
 *   commandName, options?, locale?, guildLocale?, replyTimeoutMs? })`: dispatches
 *   INTERACTION_CREATE, waits for the initial callback (deadline 3 s, `interactionDeadlineMs`)
 *   and, after a deferral, for the edit of `@original` or a follow-up. Late or missing answers set
 *   `deadlineMissed` and land in `problems`; a late callback is answered 404 10062 like Discord.
 *   When the command is registered, the invocation is checked first (option names and types,
 *   required options, choices, bounds, `default_member_permissions`) and an impossible one throws
 *   `ImpossibleInteractionError`; `requireRegisteredCommands` also refuses unregistered commands.
 * - `interactions`: every interaction result (live: later follow-ups are appended).
 * - `commands.global` / `commands.guild(guildId)`: registered commands, validated as Discord does
 *   (invalid → 400 50035 with Discord's nested `errors`).
 * - `gatewayConnections`: each connection's query, IDENTIFY payload (intents), resume, heartbeats.
 * - `dispatch(event, data)`, `addGuild(spec)`, `removeGuild(id)`, `disconnectGateway(code)`,
 *   `requestReconnect()` (op 7, resume), `invalidateSessions()` (op 9, identify again): gateway
 *   events on demand.
 * - `problems`: missed deadlines, late callbacks, protocol errors, internal errors of the fake.
 * - `setResponseDelay(ms)`, `clearRecords()`, `close()`.
 *
 * With `enforceRateLimits`, Discord's limits apply: 50 requests/s overall (interaction and
 * webhook-token routes excepted) and 5 messages per 5 s per channel, with `x-ratelimit-*` headers
 * on message sends and 429 `{ message, retry_after, global }` + `retry-after` when exceeded.
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
import type {
  FailureRule,
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
export { ALL_PERMISSIONS, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './state.ts';

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

  /** The bot joins a guild: GUILD_CREATE is dispatched. */
  addGuild(spec: FakeGuildSpec): void {
    const guild = this.#state.addGuild(spec);
    this.#gateway.dispatch(GatewayDispatchEvents.GuildCreate, this.#gateway.guildCreate(guild));
  }

  /** The bot is removed from a guild: GUILD_DELETE is dispatched. */
  removeGuild(guildId: string): void {
    this.#state.guild(guildId);
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
    Object.assign(this.#rest.stats, { total: 0, byStatus: {}, injected: 0 });
    this.#tracker.all.length = 0;
    this.#state.problems.length = 0;
  }

  async close(): Promise<void> {
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
