import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord-api-types/v10';
import type { FakeDiscordState } from './core.ts';
import { checkInvocation, ImpossibleInteractionError } from './invocation-check.ts';
import { computePermissions, makeMember, makeUser, type GuildState } from './state.ts';
import type { InteractOptions, InteractionResponse, InteractionResult } from './types.ts';

export interface TrackedInteraction {
  result: InteractionResult;
  guildId: string;
  channelId: string;
  user: APIUser;
  dispatchedAt: number;
  deadlineAt: number;
  acknowledged: boolean;
  expired: boolean;
  ephemeral: boolean;
  /** The original response message once there is one (in the channel unless ephemeral). */
  original: APIMessage | null;
  followups: APIMessage[];
  listeners: Set<() => void>;
}

/**
 * Discord resolves the users, members, channels and roles that options name into `data.resolved`;
 * discord.js reads `options.getChannel()` and the like from there.
 */
function resolvedFor(
  state: FakeDiscordState,
  guild: GuildState,
  invokerId: string,
  options: readonly APIApplicationCommandInteractionDataOption[],
): { resolved?: Record<string, Record<string, unknown>> } {
  const resolved: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, id: string, value: unknown): void => {
    resolved[kind] ??= {};
    (resolved[kind] as Record<string, unknown>)[id] = value;
  };
  const walk = (list: readonly APIApplicationCommandInteractionDataOption[]): void => {
    for (const option of list) {
      if ('options' in option && option.options) walk(option.options as APIApplicationCommandInteractionDataOption[]);
      if (!('value' in option) || typeof option.value !== 'string' || ('focused' in option && option.focused)) continue;
      const id = option.value;
      const { type } = option;
      const member = guild.members.get(id);
      const role = guild.roles.find((r) => r.id === id);
      const channel = guild.channels.get(id);
      if ((type === ApplicationCommandOptionType.User || type === ApplicationCommandOptionType.Mentionable) && member) {
        const { user, ...rest } = member;
        put('users', id, user);
        put('members', id, { ...rest, permissions: computePermissions(guild, id).toString() });
      } else if (type === ApplicationCommandOptionType.User) {
        put('users', id, state.userFor(guild, id));
      }
      if ((type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable) && role) put('roles', id, role);
      if (type === ApplicationCommandOptionType.Channel && channel && !state.deletedChannels.has(id)) {
        put('channels', id, {
          id,
          name: channel.name,
          type: channel.type,
          parent_id: channel.parent_id ?? null,
          permissions: computePermissions(guild, invokerId, id).toString(),
        });
      }
    }
  };
  walk(options);
  return Object.keys(resolved).length > 0 ? { resolved } : {};
}

/** Builds interactions as Discord sends them and keeps what the bot answered to each. */
export class InteractionTracker {
  readonly byToken = new Map<string, TrackedInteraction>();
  readonly byId = new Map<string, TrackedInteraction>();
  readonly all: InteractionResult[] = [];

  constructor(
    private readonly state: FakeDiscordState,
    private readonly deadlineMs: number,
  ) {}

  build(options: InteractOptions): { payload: APIInteraction; tracked: TrackedInteraction } {
    const { state } = this;
    const ctx = state.channel(options.channelId);
    if (ctx.guild.id !== options.guildId) throw new Error(`channel ${options.channelId} is not in guild ${options.guildId}`);
    const guild = ctx.guild;
    const kind = options.type ?? 'command';
    const user = makeUser(options.user);
    const everyone = guild.roles.find((r) => r.id === guild.id)?.permissions ?? '0';
    const permissions = String(options.memberPermissions ?? everyone);
    const member = { ...makeMember(user, options.memberRoles ?? [], guild.joinedAt), permissions };
    if (!guild.members.has(user.id)) guild.members.set(user.id, makeMember(user, options.memberRoles ?? [], guild.joinedAt));
    const command =
      state.guildCommands.get(guild.id)?.find((c) => c.name === options.commandName) ??
      state.globalCommands.find((c) => c.name === options.commandName);
    if (!command && state.options.requireRegisteredCommands) {
      throw new ImpossibleInteractionError(`/${options.commandName} is not registered globally or in guild ${guild.id}`);
    }
    if (command) checkInvocation(command, options.options ?? [], kind === 'autocomplete', BigInt(permissions));
    const id = state.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString('base64url')}`;
    const payload = {
      id,
      application_id: state.applicationId,
      type: kind === 'autocomplete' ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
      token,
      version: 1,
      data: {
        id: command?.id ?? state.ids.next(),
        name: options.commandName,
        type: ApplicationCommandType.ChatInput,
        ...(options.options ? { options: options.options } : {}),
        ...resolvedFor(state, guild, user.id, options.options ?? []),
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      },
      guild_id: guild.id,
      guild: { id: guild.id, features: guild.features, locale: options.guildLocale ?? guild.preferredLocale },
      channel_id: ctx.channel.id,
      channel: ctx.channel,
      member,
      app_permissions: state.botPermissions(ctx).toString(),
      locale: options.locale ?? 'en-US',
      guild_locale: options.guildLocale ?? guild.preferredLocale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    } as unknown as APIInteraction;
    const now = Date.now();
    const result: InteractionResult = {
      id,
      token,
      kind,
      commandName: options.commandName,
      initialResponseMs: null,
      deadlineMissed: false,
      responses: [],
      initial: null,
      reply: null,
      choices: null,
    };
    const tracked: TrackedInteraction = {
      result,
      guildId: guild.id,
      channelId: ctx.channel.id,
      user,
      dispatchedAt: now,
      deadlineAt: now + (options.deadlineMs ?? this.deadlineMs),
      acknowledged: false,
      expired: false,
      ephemeral: false,
      original: null,
      followups: [],
      listeners: new Set(),
    };
    this.byToken.set(token, tracked);
    this.byId.set(id, tracked);
    this.all.push(result);
    return { payload, tracked };
  }

  record(tracked: TrackedInteraction, response: Omit<InteractionResponse, 'at'>): void {
    const entry: InteractionResponse = { ...response, at: Date.now() };
    const { result } = tracked;
    result.responses.push(entry);
    if (entry.kind === 'callback') {
      result.initial = entry;
      result.initialResponseMs = entry.at - tracked.dispatchedAt;
      if (entry.choices) result.choices = entry.choices;
    }
    // The reply is what the user sees: the original message once it stops "thinking".
    const original = tracked.original;
    if (original && ((original.flags ?? 0) & MessageFlags.Loading) === 0) {
      result.reply = { content: original.content, embeds: original.embeds, flags: original.flags ?? 0 };
    } else if (entry.kind === 'followup' && result.reply === null) {
      result.reply = { content: entry.content, embeds: entry.embeds, flags: entry.flags };
    }
    for (const listener of tracked.listeners) listener();
  }

  /** Resolves when `done` holds after a response, or when `ms` passes. */
  async waitFor(tracked: TrackedInteraction, done: () => boolean, ms: number): Promise<boolean> {
    if (done()) return true;
    return new Promise((resolve) => {
      const finish = (value: boolean): void => {
        clearTimeout(timer);
        tracked.listeners.delete(listener);
        resolve(value);
      };
      const listener = (): void => {
        if (done()) finish(true);
      };
      const timer = setTimeout(() => finish(done()), Math.max(0, ms));
      tracked.listeners.add(listener);
    });
  }

  /** Waits out the initial deadline and, after a deferral, the reply itself. */
  async settle(tracked: TrackedInteraction, replyTimeoutMs: number): Promise<InteractionResult> {
    const { result } = tracked;
    const answered = await this.waitFor(tracked, () => result.initial !== null, tracked.deadlineAt - Date.now());
    if (!answered) {
      tracked.expired = true;
      result.deadlineMissed = true;
      this.state.problem(
        'interaction-deadline-missed',
        `/${result.commandName} (${result.id}) got no initial response within ${tracked.deadlineAt - tracked.dispatchedAt} ms`,
      );
      return result;
    }
    if (result.initial?.type === 5) {
      await this.waitFor(
        tracked,
        () => result.responses.some((r) => r.kind === 'edit-original' || r.kind === 'followup'),
        replyTimeoutMs,
      );
    }
    return result;
  }
}
