import { PassThrough } from 'node:stream';
import { PermissionFlagsBits, type APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import { pino } from 'pino';
import { App } from '../../../src/app/app.ts';
import { buildContext, type AppContext } from '../../../src/app/context.ts';
import { readEnv } from '../../../src/config/env.ts';
import { secretsFromEnv } from '../../../src/config/secrets.ts';
import { createDiscordPlatform } from '../../../src/discord/index.ts';
import { redactedPaths } from '../../../src/logger.ts';
import type { ResolvedAddress } from '../../../src/sources/fetch/address-policy.ts';
import { startFakeDiscord, type FakeDiscord, type InteractOptions, type InteractionResult } from '../../helpers/fake-discord/index.ts';
import { FeedServer } from '../../helpers/feed-server.ts';
import { testEnvironment, type TestEnvironment } from '../../helpers/test-app.ts';
import { useFakeDns } from './fault-app.ts';
import { routine, rss } from './hostile-feeds.ts';

export const HOME = '240000000000000001';
export const HOME_NEWS = '340000000000000001';
const HOME_GENERAL = '340000000000000002';
export const AWAY = '250000000000000001';
export const AWAY_NEWS = '350000000000000001';
export const FANS = '540000000000000001';
export const AWAY_ROLE = '550000000000000001';
const ADMIN = { id: '440000000000000001', username: 'home-admin' };
const MEMBER = { id: '440000000000000002', username: 'member' };
const AWAY_ADMIN = { id: '450000000000000001', username: 'away-admin' };
export const TOKEN = 'fault-suite.discord-token.must-never-be-shown';
const manageServer = (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages).toString();
const plainMember = (PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory).toString();

/**
 * The real bot in-process with its Discord platform, against the fake Discord with two servers
 * (HOME, AWAY). Commands are not registered with the fake, so it delivers any invocation as a
 * modified client (or a server that granted the command to everyone) could send it: the bot's own
 * checks are what is tested. Every log line is kept, at debug level.
 */
export class DiscordBot {
  private logText = '';

  private constructor(
    readonly discord: FakeDiscord,
    readonly feeds: FeedServer,
    readonly env: TestEnvironment,
    readonly context: AppContext,
    readonly app: App,
  ) {}

  static async start(options: { dns?: Record<string, readonly ResolvedAddress[]>; publicStandIns?: string[] } = {}): Promise<DiscordBot> {
    const discord = await startFakeDiscord({
      token: TOKEN,
      guilds: [
        {
          id: HOME,
          name: 'Home supporters',
          channels: [
            { id: HOME_NEWS, name: 'news' },
            { id: HOME_GENERAL, name: 'general' },
          ],
          roles: [{ id: FANS, name: 'fans' }],
        },
        { id: AWAY, name: 'Away supporters', channels: [{ id: AWAY_NEWS, name: 'news' }], roles: [{ id: AWAY_ROLE, name: 'ultras' }] },
      ],
    });
    const feeds = new FeedServer();
    await feeds.start();
    feeds.route('/feed.xml', { body: rss('Le Fil', [routine]) });
    const env = testEnvironment({
      sources: [`${feeds.url}/feed.xml`],
      vars: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: discord.restBase, CLUBWATCH_FETCH_TIMEOUT_MS: '3000' },
    });
    const config = env.config();
    const logStream = new PassThrough();
    const logger = pino({ level: 'debug', redact: { paths: redactedPaths, censor: '[redacted]' } }, logStream);
    const context = await buildContext(config, secretsFromEnv(readEnv(env.vars)), { logger });
    if (options.dns) await useFakeDns(context, options);
    const app = new App(context, [createDiscordPlatform(context)], { stopGraceMs: 2_000 });
    const bot = new DiscordBot(discord, feeds, env, context, app);
    logStream.on('data', (chunk: Buffer) => {
      bot.logText += chunk.toString('utf8');
    });
    await app.start();
    await app.poller.tick();
    return bot;
  }

  logs(): string {
    return this.logText;
  }

  /** `/clubwatch <subcommand>` (or `<group> <subcommand>`) as `who`, in their own server. */
  clubwatch(
    who: 'admin' | 'member' | 'away-admin',
    path: string,
    options: APIApplicationCommandInteractionDataOption[] = [],
    extra: Partial<InteractOptions> = {},
  ): Promise<InteractionResult> {
    return this.command(who, 'clubwatch', path, options, extra);
  }

  /** `/<commandName> <subcommand>` (or `<group> <subcommand>`) as `who`, in their own server. */
  command(
    who: 'admin' | 'member' | 'away-admin',
    commandName: string,
    path: string,
    options: APIApplicationCommandInteractionDataOption[] = [],
    extra: Partial<InteractOptions> = {},
  ): Promise<InteractionResult> {
    const [first, second] = path.split(' ');
    const leaf = { type: 1, name: second ?? first, options } as APIApplicationCommandInteractionDataOption;
    const top = second ? ({ type: 2, name: first, options: [leaf] } as APIApplicationCommandInteractionDataOption) : leaf;
    const user = who === 'admin' ? ADMIN : who === 'member' ? MEMBER : AWAY_ADMIN;
    return this.discord.interact({
      guildId: who === 'away-admin' ? AWAY : HOME,
      channelId: who === 'away-admin' ? AWAY_NEWS : HOME_GENERAL,
      user,
      memberPermissions: who === 'member' ? plainMember : manageServer,
      commandName,
      options: [top],
      replyTimeoutMs: 8_000,
      ...extra,
    } as InteractOptions);
  }

  /** Everything clubwatch keeps about a server: a change anywhere shows as a difference. */
  async snapshot(serverId: string) {
    const { store } = this.context;
    return {
      settings: await store.getServerSettings(serverId),
      watches: await store.listWatches(serverId),
      sources: (await store.listServerSources(serverId)).map((source) => source.url),
      allSources: (await store.listSources()).map((source) => source.url).sort(),
    };
  }

  async close(): Promise<void> {
    await this.app.stop();
    await this.discord.close();
    await this.feeds.close();
    this.env.remove();
  }
}

export function text(name: string, value: string): APIApplicationCommandInteractionDataOption {
  return { type: 3, name, value } as APIApplicationCommandInteractionDataOption;
}
