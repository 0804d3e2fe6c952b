import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppContext } from './app/context.ts';
import { loadCatalog } from './catalog/load-catalog.ts';
import { buildConfig, type Config } from './config/config.ts';
import { readEnv } from './config/env.ts';
import { secretsFromEnv, type Secrets } from './config/secrets.ts';
import { errorLine } from './cli/error-line.ts';
import { UserError } from './errors.ts';
import { createLogger, logFormatFor, type Logger } from './logger.ts';

const usage = `clubwatch: follows what sports clubs do on social media.

Usage: clubwatch <command> [options]

  start [--role all|gateway|worker]
                              run the bot (what \`npm start\` runs); with PostgreSQL, one gateway
                              and any number of workers share the work (default: all in one)
  extract [--explain]         JSON Lines in on standard input, announcements out
  eval [--set S] [--errors]   precision, recall and F1 on the real set (fresh and tune), with the history
  train [--curve] [--errors]  fit the extractor's scorer on the tune part of the real set (--errors: what cross-validation got wrong, per text)
  clubs [--json]              the club catalog
  status [CLUB]               each club's standing per platform
  sources list                the sources and their state
  sources add URL_OR_FILE     add one of your own feeds
  sources remove ID           remove one of your own feeds
  read FILE_OR_URL [--json]   the items clubwatch reads from one feed
  ingest FILE_OR_URL          one feed through the whole pipeline, printing what would be posted
  deploy-commands [--guild ID]  register the Discord slash commands (globally, or to one server)
  accounts add HANDLE_OR_DID --club CLUB_ID
                              follow a club's Bluesky account (resolved, kept by its DID)
  accounts list               the Bluesky accounts followed: the catalog's and yours
  accounts remove HANDLE_OR_DID  stop following one of yours
  bluesky discover            look for Bluesky accounts of clubs that have none in the catalog
  migrate                     bring the store (SQLite, or PostgreSQL with CLUBWATCH_DATABASE_URL) up to date
  store copy --to POSTGRES_URL  copy this installation's SQLite file into an empty PostgreSQL database
  health                      exit 0 when the running bot's heartbeat is recent (for Docker)
`;

interface Setup {
  config: Config;
  secrets: Secrets;
  logger: Logger;
}

function setup(): Setup {
  const env = readEnv();
  const config = buildConfig(env);
  const format = logFormatFor(config.logFormat, process.stderr.isTTY === true);
  return { config, secrets: secretsFromEnv(env), logger: createLogger({ level: config.logLevel, format }) };
}

/** The catalog under the configured folder (`CLUBWATCH_CONFIG_DIR`), without opening the store. */
function catalogFromConfig() {
  return loadCatalog(join(buildConfig(readEnv()).configDir, 'catalog'));
}

/** Each command loads only what it needs, so the command line answers quickly. */
async function withStore<T>({ config, secrets, logger }: Setup, work: (context: AppContext) => Promise<T>): Promise<T> {
  const { buildContext, closeContext } = await import('./app/context.ts');
  const context = await buildContext(config, secrets, { logger });
  try {
    return await work(context);
  } finally {
    await closeContext(context);
  }
}

const options = {
  json: { type: 'boolean', default: false },
  explain: { type: 'boolean', default: false },
  guild: { type: 'string' },
  to: { type: 'string' },
  role: { type: 'string' },
  club: { type: 'string' },
  set: { type: 'string' },
  record: { type: 'string' },
  note: { type: 'string' },
  errors: { type: 'boolean', default: false },
  curve: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The command line's words and options; a mistake in them is a UserError that says which. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const option = /'(-[^' ]+)/.exec((err as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UserError(`unknown option ${option} (\`clubwatch --help\` lists the commands and their options)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--(\w+)/.exec((err as Error).message)?.[1];
      throw new UserError(name && options[name as keyof typeof options]?.type === 'string' ? `--${name} needs a value: --${name} ${name.toUpperCase()}` : `--${name ?? option} takes no value`);
    }
    throw new UserError((err as Error).message.split('\n')[0] ?? 'the command line could not be read');
  }
}

/** Where `eval` and `train` find the labelled sets: beside the sources, so not in the compiled build nor the Docker image. */
const fixturesDir = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

function requireFixtures(command: string): void {
  if (!existsSync(fixturesDir)) {
    throw new UserError(`${command} needs the labelled sets (tests/fixtures/), which only the sources hold: run \`npm run ${command}\` in a clone of the repository`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  const out = process.stdout;
  if (values.help || !command) {
    out.write(usage);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'start':
      {
      const { config, secrets, logger } = setup();
      const { parseRole } = await import('./app/role.ts');
      const role = parseRole(values.role);
      const { runStart } = await import('./cli/start.ts');
      await runStart(config, secrets, logger, out, role);
    }
      return -1;
    case 'extract': {
      const { runExtractCommand } = await import('./announcements/extract-command.ts');
      const { createExtractor } = await import('./announcements/extractor.ts');
      await runExtractCommand({ input: process.stdin, output: out, errors: process.stderr, extractor: createExtractor(catalogFromConfig()), explain: values.explain });
      return 0;
    }
    case 'eval': {
      requireFixtures('eval');
      const { runEvalCommand } = await import('./announcements/eval-command.ts');
      await runEvalCommand({ output: out, json: values.json, set: values.set, record: values.record, note: values.note, errors: values.errors });
      return 0;
    }
    case 'train': {
      requireFixtures('train');
      const { runTrainCommand } = await import('./announcements/train.ts');
      await runTrainCommand({ output: out, curve: values.curve, errors: values.errors });
      return 0;
    }
    case 'clubs': {
      const { printCatalog } = await import('./cli/board.ts');
      printCatalog(catalogFromConfig(), values.json, out);
      return 0;
    }
    case 'status': {
      const { printBoard } = await import('./cli/board.ts');
      await withStore(setup(), (context) => printBoard(context.store, context.catalog, rest.join(' ') || undefined, out));
      return 0;
    }
    case 'sources': {
      const parts = setup();
      const { runSources } = await import('./cli/operator-sources.ts');
      await withStore(parts, (context) => runSources(context.store, parts.config, rest, out));
      return 0;
    }
    case 'read': {
      if (!rest[0]) throw new UserError('Usage: clubwatch read FILE_OR_URL [--json]');
      const { runRead } = await import('./cli/read-feed.ts');
      await runRead(rest[0], setup().config, values.json, out);
      return 0;
    }
    case 'ingest': {
      if (!rest[0]) throw new UserError('Usage: clubwatch ingest FILE_OR_URL');
      const { config, secrets, logger } = setup();
      const { runIngest } = await import('./cli/read-feed.ts');
      await runIngest(rest[0], config, secrets, logger, out);
      return 0;
    }
    case 'deploy-commands': {
      const { config, secrets, logger } = setup();
      if (!config.discord) throw new UserError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the commands.');
      const { deployCommands } = await import('./discord/index.ts');
      await deployCommands({ config, secrets, logger, guildId: values.guild ?? null });
      out.write(`Registered the slash commands ${values.guild ?? config.discord.devGuildId ? 'to one server' : 'globally'}.\n`);
      return 0;
    }
    case 'accounts': {
      const { runAccounts } = await import('./bluesky/index.ts');
      await withStore(setup(), (context) => runAccounts(context, rest, values.club, out));
      return 0;
    }
    case 'bluesky': {
      if (rest[0] !== 'discover') throw new UserError('Usage: clubwatch bluesky discover');
      const { runBlueskyDiscover } = await import('./bluesky/index.ts');
      await withStore(setup(), (context) => runBlueskyDiscover(context, out));
      return 0;
    }
    case 'migrate': {
      const { config, secrets } = setup();
      const { runMigrate } = await import('./cli/store-commands.ts');
      await runMigrate(config, secrets, out);
      return 0;
    }
    case 'store': {
      if (rest[0] !== 'copy') throw new UserError('Usage: clubwatch store copy --to postgres://user@host:5432/database');
      const { runStoreCopy } = await import('./cli/store-commands.ts');
      await runStoreCopy(setup().config, values.to, out);
      return 0;
    }
    case 'health':
      return withStore(setup(), async (context) => {
        const beat = await context.store.getState('heartbeat');
        const age = beat ? Date.now() - Date.parse(beat) : Number.POSITIVE_INFINITY;
        const healthy = age < Math.max(120_000, context.config.sources.tickSeconds * 4_000);
        out.write(healthy ? `healthy: last heartbeat ${beat}\n` : `unhealthy: last heartbeat ${beat ?? 'never'}\n`);
        return healthy ? 0 : 1;
      });
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}`);
      return 1;
  }
}

// A reader that stops early (`clubwatch clubs --json | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    // `start` keeps running; every other command exits when done.
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    const level = readEnv().logLevel;
    process.stderr.write(`clubwatch: ${errorLine(err, level === 'debug' || level === 'trace')}\n`);
    process.exitCode = 1;
  },
);
