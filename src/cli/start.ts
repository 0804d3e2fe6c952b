import { App } from '../app/app.ts';
import { platformsFor } from '../app/compose.ts';
import { buildContext } from '../app/context.ts';
import type { Config } from '../config/config.ts';
import type { Secrets } from '../config/secrets.ts';
import { UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Role } from '../app/role.ts';

/** `npm start`: runs the bot until SIGINT or SIGTERM, then stops cleanly. */
export async function runStart(config: Config, secrets: Secrets, logger: Logger, output: NodeJS.WritableStream, role: Role = 'all'): Promise<void> {
  if (role !== 'all' && !secrets.databaseUrl) {
    throw new UserError(`--role ${role} shares the work with other processes through PostgreSQL: set CLUBWATCH_DATABASE_URL`);
  }
  if (role === 'gateway' && !config.discord) throw new UserError('--role gateway holds the Discord gateway: set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  const context = await buildContext(config, secrets, { logger, role });
  const platforms = await platformsFor(context);
  const app = new App(context, platforms);

  output.write(
    config.discord
      ? 'clubwatch: posting to Discord.\n'
      : 'clubwatch: preview mode (no DISCORD_TOKEN set): the summaries it would post are printed here.\n',
  );
  if (!config.bluesky) output.write('clubwatch: Bluesky mirror off (set BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD to turn it on).\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    app
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'could not stop cleanly');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  await app.start();
  // Said once the platforms have started: "mirroring" only when the mirror is logged in.
  for (const platform of platforms) {
    const line = platform.startupLine?.();
    if (line) output.write(`${line}\n`);
  }
  const database = secrets.databaseUrl ? 'PostgreSQL' : config.databasePath;
  logger.info({ database, role, pollIntervalSeconds: config.sources.pollIntervalSeconds }, 'clubwatch started');
}
