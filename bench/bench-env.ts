import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildContext, type AppContext } from '../src/app/context.ts';
import { buildConfig, type Config } from '../src/config/config.ts';
import { readEnv } from '../src/config/env.ts';
import { secretsFromEnv } from '../src/config/secrets.ts';
import { redactedPaths } from '../src/logger.ts';

/**
 * A clubwatch installation in a temporary folder, set up as an operator would: its own data
 * directory, a config folder with the real catalog and only the sources the benchmark names, and
 * settings given as environment variables, read by the bot's own env → config → secrets steps.
 */
export interface BenchEnvironment {
  dir: string;
  /** The environment variables, for `buildContext` here or for a spawned `clubwatch start`. */
  vars: Record<string, string>;
  config(): Config;
  remove(): void;
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const catalogDir = join(repoRoot, 'config', 'catalog');

export function benchEnvironment(options: { sources?: string[]; vars?: Record<string, string> } = {}): BenchEnvironment {
  const dir = mkdtempSync(join(tmpdir(), 'clubwatch-bench-'));
  const configDir = join(dir, 'config');
  mkdirSync(configDir);
  symlinkSync(catalogDir, join(configDir, 'catalog'));
  writeFileSync(join(configDir, 'sources.json'), JSON.stringify({ sources: (options.sources ?? []).map((url) => ({ url })) }));
  const vars: Record<string, string> = {
    CLUBWATCH_DATA_DIR: join(dir, 'data'),
    CLUBWATCH_CONFIG_DIR: configDir,
    CLUBWATCH_SAMPLE: 'false',
    CLUBWATCH_LOG_LEVEL: 'warn',
    ...options.vars,
  };
  return {
    dir,
    vars,
    config: () => buildConfig(readEnv(vars), dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The bot's context for this installation; log lines at warn and above go to standard error. */
export async function benchContext(env: BenchEnvironment): Promise<AppContext> {
  const config = env.config();
  mkdirSync(config.dataDir, { recursive: true });
  const logger = pino({ level: 'warn', redact: { paths: redactedPaths, censor: '[redacted]' } }, pino.destination(2));
  return buildContext(config, secretsFromEnv(readEnv(env.vars)), { logger });
}
