import type {
  APIApplicationCommandInteractionDataOption,
  APIEmbed,
  APIApplicationCommandOptionChoice,
  APIOverwrite,
  ChannelType,
  GatewayIdentifyData,
  GuildFeature,
} from 'discord-api-types/v10';

/** A channel of a fake guild. Type defaults to a text channel. */
export interface FakeChannelSpec {
  id: string;
  name: string;
  type?: ChannelType;
  parentId?: string;
  topic?: string;
  /** Raw overwrites, as Discord stores them. */
  permissionOverwrites?: APIOverwrite[];
  /** Shorthand: a member overwrite for the bot on this channel. */
  botAllow?: bigint;
  botDeny?: bigint;
}

export interface FakeRoleSpec {
  id: string;
  name: string;
  permissions?: bigint;
  position?: number;
}

export interface FakeGuildSpec {
  id: string;
  name: string;
  ownerId?: string;
  systemChannelId?: string | null;
  preferredLocale?: string;
  features?: GuildFeature[];
  channels: FakeChannelSpec[];
  /** Extra roles; the @everyone role (id = guild id) and the bot's role are created for you. */
  roles?: FakeRoleSpec[];
  /** Permissions of @everyone. Defaults to view, send, read history. */
  everyonePermissions?: bigint;
  /** Permissions of the bot's managed role. Defaults to what a typical invite grants (see DEFAULT_BOT_PERMISSIONS). */
  botPermissions?: bigint;
}

export interface FakeUserSpec {
  id: string;
  username: string;
  globalName?: string | null;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  botUser?: FakeUserSpec;
  /** When set, REST and gateway refuse any other token (401 / close 4004). Any token is accepted otherwise. */
  token?: string;
  guilds?: FakeGuildSpec[];
  /** 50 requests/s global, 5 messages per 5 s per channel; 429 when exceeded. Off by default. */
  enforceRateLimits?: boolean;
  /** The deadline for an interaction's initial response. Discord's is 3 s. */
  interactionDeadlineMs?: number;
  /** How long an interaction token opens the webhook routes (edits, follow-ups). Discord's is 15 min. */
  interactionTokenTtlMs?: number;
  /** How long a nonce sent with enforce_nonce stays remembered. Discord says "a few minutes". */
  nonceWindowMs?: number;
  /** Heartbeat interval announced in HELLO. */
  heartbeatIntervalMs?: number;
  /** Privileged intents the application has been granted in the developer portal. */
  privilegedIntents?: ('GuildMembers' | 'GuildPresences' | 'MessageContent')[];
  /**
   * When true, `interact` refuses commands that were not registered. Registered commands are
   * always checked: options, types, required ones, choices, bounds, default_member_permissions.
   */
  requireRegisteredCommands?: boolean;
  /** Keep every request in `requests` (default). Benchmarks may turn it off and read `requestStats`. */
  recordRequests?: boolean;
  /** Delay added before every REST answer, to imitate network latency. */
  responseDelayMs?: number;
}

/** One REST request as it reached the fake, and what the fake answered. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  responseBody: unknown;
  /** When the request arrived, and when the answer was sent (after any `responseDelayMs`). */
  at: number;
  respondedAt: number;
  /** Set when the answer came from `failNext`. */
  injected: boolean;
  /** Set when `failNext` cut the connection instead of answering (`status` is what would have been sent). */
  dropped: 'reset' | 'hang' | null;
}

export interface RequestStats {
  total: number;
  byStatus: Record<number, number>;
  injected: number;
  /** 401, 403 and 429 answers: Discord bans a bot's address for a while after 10,000 in 10 minutes. */
  invalid: number;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The bytes as received, so a test can read back what the client sent. */
  data?: Uint8Array;
}

interface FailureMatch {
  method?: string;
  pathPattern?: RegExp;
  /** How many matching requests fail. Defaults to 1. */
  times?: number;
}

export interface StatusFailure extends FailureMatch {
  status: 429 | 500 | 502 | 503 | 504 | 401 | 403 | 404;
  /** Seconds, for a 429. Defaults to 0.1. */
  retryAfter?: number;
  /** For a 429: whether it claims to be the global limit. */
  global?: boolean;
  /** Overrides the Discord error code and message of a 4xx. */
  code?: number;
  message?: string;
}

/**
 * The connection fails instead of answering: `reset` closes it, `hang` never answers (the client
 * times out). With `afterHandling`, Discord did the work first (the message exists) and only the
 * answer is lost, the case a nonce protects against.
 */
interface NetworkFailure extends FailureMatch {
  network: 'reset' | 'hang';
  afterHandling?: boolean;
}

export type FailureRule = StatusFailure | NetworkFailure;

export interface GatewayConnectionRecord {
  id: number;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
  query: Record<string, string>;
  identify: GatewayIdentifyData | null;
  resumed: boolean;
  sessionId: string | null;
  heartbeats: number;
  /** Opcodes received from the bot, in order. */
  received: number[];
}

type InteractionKind = 'command' | 'autocomplete';

export interface InteractOptions {
  guildId: string;
  channelId: string;
  user: FakeUserSpec;
  /** Bigint as a decimal string, as Discord sends `member.permissions`. Defaults to the @everyone permissions. */
  memberPermissions?: string | bigint;
  memberRoles?: string[];
  type?: InteractionKind;
  commandName: string;
  /** Options exactly as Discord sends them (subcommands nest their own `options`; autocomplete marks one `focused`). */
  options?: APIApplicationCommandInteractionDataOption[];
  locale?: string;
  guildLocale?: string;
  /** This interaction's initial-response deadline; defaults to `interactionDeadlineMs` (3 s). */
  deadlineMs?: number;
  /** For a deferred reply, how long to wait for the edit or follow-up. Defaults to 5 s. */
  replyTimeoutMs?: number;
}

/** Everything the bot answered to one interaction, in order. */
export interface InteractionResponse {
  kind: 'callback' | 'edit-original' | 'delete-original' | 'followup' | 'edit-followup';
  /** The callback type (4 reply, 5 deferred, 8 autocomplete…) for callbacks. */
  type: number | null;
  content: string | null;
  embeds: APIEmbed[];
  flags: number;
  choices: APIApplicationCommandOptionChoice[] | null;
  components: unknown[];
  at: number;
}

export interface InteractionResult {
  id: string;
  token: string;
  kind: InteractionKind;
  commandName: string;
  /** Time from dispatch to the initial callback, or null when there was none. */
  initialResponseMs: number | null;
  /** True when the initial callback was missing or came after the deadline. */
  deadlineMissed: boolean;
  /** Live: follow-ups that arrive after `interact` returned are appended. */
  responses: InteractionResponse[];
  /** The first callback, if any. */
  initial: InteractionResponse | null;
  /** The reply as the user last saw it: the original message after edits, or the first follow-up. */
  reply: { content: string | null; embeds: APIEmbed[]; flags: number } | null;
  /** For autocomplete. */
  choices: APIApplicationCommandOptionChoice[] | null;
}

export interface ProblemRecord {
  kind: 'interaction-deadline-missed' | 'late-interaction-callback' | 'gateway-protocol' | 'fake-internal-error';
  detail: string;
  at: number;
}
