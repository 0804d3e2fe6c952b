import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { App } from '../../src/app/app.ts';
import { buildContext, type AppContext } from '../../src/app/context.ts';
import type { PlatformModule } from '../../src/app/platform.ts';
import { buildConfig, type Config } from '../../src/config/config.ts';
import { readEnv } from '../../src/config/env.ts';
import { secretsFromEnv } from '../../src/config/secrets.ts';
import { redactedPaths } from '../../src/logger.ts';

/**
 * A clubwatch set up the way the real bot runs, in a temporary folder: its own data directory and
 * a config folder with the real catalog and only the sources a test names (nothing on the internet).
 *
 *   const env = testEnvironment({ sources: [`${feeds.url}/a.xml`] });
 *   const bot = await startTestApp(env);          // context + App, not yet started
 *   await bot.app.poller.tick(); await bot.app.dispatcher.runOnce();
 *   bot.printed();                                // what preview mode printed
 *   await bot.close(); env.remove();
 */
export interface TestEnvironment {
  dir: string;
  vars: Record<string, string>;
  config(): Config;
  remove(): void;
}

const catalogDir = fileURLToPath(new URL('../../config/catalog', import.meta.url));
const sampleDir = fileURLToPath(new URL('../../config/sample', import.meta.url));

export function testEnvironment(options: { sources?: string[]; vars?: Record<string, string> } = {}): TestEnvironment {
  const dir = mkdtempSync(join(tmpdir(), 'clubwatch-test-'));
  const configDir = join(dir, 'config');
  mkdirSync(configDir);
  symlinkSync(catalogDir, join(configDir, 'catalog'));
  symlinkSync(sampleDir, join(configDir, 'sample'));
  writeFileSync(join(configDir, 'sources.json'), JSON.stringify({ sources: (options.sources ?? []).map((url) => ({ url })) }));
  const vars = {
    CLUBWATCH_DATA_DIR: join(dir, 'data'),
    CLUBWATCH_CONFIG_DIR: configDir,
    CLUBWATCH_SAMPLE: 'false',
    CLUBWATCH_LOG_LEVEL: 'debug',
    ...options.vars,
  };
  return {
    dir,
    vars,
    config: () => buildConfig(readEnv(vars), dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestApp {
  context: AppContext;
  app: App;
  /** Everything preview mode printed so far. */
  printed(): string;
  /** Every log line so far, parsed. */
  logs(): Array<Record<string, unknown>>;
  logText(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Changes the context before the app is built from it (a test's own fetcher, say). */
  beforeApp?: (context: AppContext) => Promise<void>;
}

export async function startTestApp(
  env: TestEnvironment,
  platforms: (context: AppContext) => PlatformModule[] = () => [],
  options: TestAppOptions = {},
): Promise<TestApp> {
  const consoleOutput = new PassThrough();
  let printed = '';
  consoleOutput.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  let logText = '';
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    logText += chunk.toString('utf8');
  });
  const config = env.config();
  const logger = pino({ level: 'debug', redact: { paths: redactedPaths, censor: '[redacted]' } }, logStream);
  const context = await buildContext(config, secretsFromEnv(readEnv(env.vars)), { logger });
  await options.beforeApp?.(context);
  const app = new App(context, platforms(context), { consoleOutput, stopGraceMs: 2_000 });
  return {
    context,
    app,
    printed: () => printed,
    logs: () =>
      logText
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => logText,
    close: () => app.stop(),
  };
}
