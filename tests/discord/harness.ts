import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits, type APIApplicationCommandInteractionDataBasicOption, type APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import { App } from '../../src/app/app.ts';
import { buildContext, type AppContext } from '../../src/app/context.ts';
import type { PlatformModule } from '../../src/app/platform.ts';
import { buildConfig, type Config } from '../../src/config/config.ts';
import type { Env } from '../../src/config/env.ts';
import { secretsFromEnv } from '../../src/config/secrets.ts';
import { routeStory } from '../../src/deliveries/route.ts';
import { createBlueskyPlatform } from '../../src/bluesky/index.ts';
import { createDiscordPlatform, deployCommands } from '../../src/discord/index.ts';
import type { SafeFetcher } from '../../src/sources/fetch/safe-fetch.ts';
import { localFetcher } from '../helpers/pds-bot.ts';
import type { DiscordDestinationOptions } from '../../src/discord/destination.ts';
import { createLogger } from '../../src/logger.ts';
import type { Story, StoryReport } from '../../src/stories/story.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type FakeGuildSpec, type InteractOptions } from '../helpers/fake-discord/index.ts';

export const GUILD = '210000000000000001';
export const NEWS = '310000000000000001';
export const GENERAL = '310000000000000002';
export const LOCKED = '310000000000000003';
export const OTHER_GUILD = '220000000000000001';
export const OTHER_NEWS = '320000000000000001';
export const UNREGISTERED_GUILD = '230000000000000001';
export const UNREGISTERED_NEWS = '330000000000000001';
export const FANS_ROLE = '510000000000000001';
export const ADMIN = { id: '410000000000000001', username: 'admin' };
export const MEMBER = { id: '410000000000000002', username: 'member' };
export const OTHER_ADMIN = { id: '420000000000000001', username: 'other-admin' };
export const MANAGE_SERVER = (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages).toString();
export const OM = 'olympique-de-marseille';

export function guilds(): FakeGuildSpec[] {
  return [
    {
      id: GUILD,
      name: 'Supporters',
      systemChannelId: GENERAL,
      channels: [
        { id: NEWS, name: 'news' },
        { id: GENERAL, name: 'general' },
        { id: LOCKED, name: 'locked', botDeny: PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks },
      ],
      roles: [{ id: FANS_ROLE, name: 'fans' }],
    },
    { id: OTHER_GUILD, name: 'Other club', channels: [{ id: OTHER_NEWS, name: 'news' }] },
    { id: UNREGISTERED_GUILD, name: 'No commands yet', channels: [{ id: UNREGISTERED_NEWS, name: 'news' }] },
  ];
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  destination?: DiscordDestinationOptions;
  /** Register the commands to GUILD and OTHER_GUILD (not UNREGISTERED_GUILD). */
  deploy?: boolean;
  /** More settings, as the variables would give them (the Bluesky mirror's, say). */
  env?: Partial<Env>;
}

/** The real bot (context, App, Discord platform) against a fake Discord and a feed server, both on 127.0.0.1. */
export class Harness {
  app!: App;
  context!: AppContext;
  platform!: PlatformModule;
  config!: Config;
  private env!: Env;
  private running = false;
  private blueskyFetcher: SafeFetcher | null = null;

  private constructor(
    readonly discord: FakeDiscord,
    readonly feeds: FeedServer,
    readonly dir: string,
    private readonly options: HarnessOptions,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const discord = await startFakeDiscord({ guilds: guilds(), ...options.fake });
    const feeds = new FeedServer({ '/feed.xml': { body: rss([{ id: 'seed', title: 'Pre-season friendly ends in a draw', text: 'Nothing about social media here.' }]) } });
    const feedBase = await feeds.start();
    const dir = mkdtempSync(join(tmpdir(), 'clubwatch-discord-'));
    mkdirSync(join(dir, 'config'));
    symlinkSync(fileURLToPath(new URL('../../config/catalog', import.meta.url)), join(dir, 'config', 'catalog'));
    symlinkSync(fileURLToPath(new URL('../../config/sample', import.meta.url)), join(dir, 'config', 'sample'));
    writeFileSync(join(dir, 'config', 'sources.json'), JSON.stringify({ sources: [{ url: `${feedBase}/feed.xml`, title: 'Le Fil Test' }] }));
    const harness = new Harness(discord, feeds, dir, options);
    harness.env = {
      dataDir: dir,
      databasePath: join(dir, 'clubwatch.db'),
      configDir: join(dir, 'config'),
      logLevel: 'silent',
      discordToken: discord.token,
      discordApplicationId: discord.applicationId,
      discordApiBase: discord.restBase,
      ...options.env,
    };
    harness.config = buildConfig(harness.env);
    if (options.deploy !== false) {
      for (const guildId of [GUILD, OTHER_GUILD]) await deployCommands({ ...harness.parts(), guildId });
    }
    await harness.boot();
    return harness;
  }

  parts() {
    return { config: this.config, secrets: secretsFromEnv(this.env), logger: createLogger({ level: 'silent' }) };
  }

  private async boot(): Promise<void> {
    const { config, secrets, logger } = this.parts();
    this.context = await buildContext(config, secrets, { logger });
    this.platform = createDiscordPlatform(this.context, this.options.destination);
    const platforms = [this.platform];
    if (config.bluesky) {
      this.blueskyFetcher ??= localFetcher();
      const bluesky = createBlueskyPlatform(this.context, { fetcher: this.blueskyFetcher });
      if (bluesky) platforms.push(bluesky);
    }
    this.app = new App(this.context, platforms, { stopGraceMs: 2_000 });
    await this.app.start();
    this.running = true;
    // The start-up read of the configured feed records what is there, silently.
    await this.app.poller.tick();
  }

  /** Stops the bot the way SIGTERM does and starts a new process on the same database. */
  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.app.stop();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.discord.close();
    await this.feeds.close();
    await this.blueskyFetcher?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  command(user: InteractOptions['user'], commandName: string, subcommand: string, options: APIApplicationCommandInteractionDataOption[] = [], extra: Partial<InteractOptions> = {}) {
    return this.discord.interact({
      guildId: GUILD,
      channelId: GENERAL,
      user,
      memberPermissions: user === ADMIN || user === OTHER_ADMIN ? MANAGE_SERVER : undefined,
      commandName,
      options: [{ type: 1, name: subcommand, options } as APIApplicationCommandInteractionDataOption],
      ...extra,
    } as InteractOptions);
  }

  admin(subcommand: string, options: APIApplicationCommandInteractionDataOption[] = [], extra: Partial<InteractOptions> = {}) {
    return this.command(ADMIN, 'clubwatch', subcommand, options, extra);
  }

  /** A story as the pipeline makes it, routed to the servers that watch its club. */
  async story(fields: Partial<Story> & { evidence?: string; title?: string; outlets?: string[] } = {}): Promise<Story> {
    const { store, catalog, routing } = this.context;
    const occurredAt = fields.occurredAt ?? new Date().toISOString();
    const outlets = fields.outlets ?? ['Le Fil Test'];
    const report = (outlet: string, index: number): StoryReport => ({
      sourceId: 'f-test',
      outlet,
      itemKey: `item-${outlet}-${index}-${Math.random()}`,
      title: fields.title ?? 'L’OM quitte X',
      link: `https://news.example/${encodeURIComponent(outlet)}/${index}`,
      evidence: fields.evidence ?? 'L’Olympique de Marseille a annoncé quitter X.',
      published: occurredAt,
      confidence: 0.9,
      lang: 'fr',
      trusted: true,
    });
    const story = await store.createStory(
      {
        clubId: fields.clubId === undefined ? OM : fields.clubId,
        clubName: fields.clubName ?? 'Olympique de Marseille',
        platform: fields.platform ?? 'x',
        action: fields.action ?? 'leave',
        occurredAt,
        firstSeenAt: occurredAt,
        confidence: 0.9,
        shared: true,
      },
      report(outlets[0] ?? 'Le Fil Test', 0),
    );
    for (const [index, outlet] of outlets.slice(1).entries()) await store.addReport(story.id, report(outlet, index + 1));
    if (story.clubId) await store.setBoardEntry({ clubId: story.clubId, platform: story.platform, action: story.action, since: occurredAt, storyId: story.id });
    await routeStory(store, catalog, routing, story, 'f-test', new Date().toISOString());
    return (await store.getStory(story.id)) ?? story;
  }

  /** Channel messages the bot posted (interaction replies excluded). */
  posts(channelId = NEWS) {
    return this.discord.messages(channelId).filter((message) => message.type === 0 && !message.interaction_metadata && !message.interaction);
  }

  sends(channelId = NEWS) {
    return this.discord.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);
  }
}

export function option(name: string, value: string | number | boolean, type = 3): APIApplicationCommandInteractionDataBasicOption {
  return { name, type, value } as APIApplicationCommandInteractionDataBasicOption;
}

export interface FeedEntry {
  id: string;
  title: string;
  text: string;
  published?: string;
  link?: string;
}

export function rss(entries: FeedEntry[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const items = entries
    .map(
      (entry) => `<item><title>${escape(entry.title)}</title><link>${escape(entry.link ?? `https://news.example/${entry.id}`)}</link><guid>${entry.id}</guid>` +
        `<pubDate>${new Date(entry.published ?? Date.now()).toUTCString()}</pubDate><description>${escape(entry.text)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Fil Test</title><link>https://news.example/</link><language>fr</language>${items}</channel></rss>`;
}
