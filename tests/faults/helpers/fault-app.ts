import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { App } from '../../../src/app/app.ts';
import { buildContext, type AppContext } from '../../../src/app/context.ts';
import type { PlatformModule } from '../../../src/app/platform.ts';
import { readEnv } from '../../../src/config/env.ts';
import { secretsFromEnv } from '../../../src/config/secrets.ts';
import { redactedPaths } from '../../../src/logger.ts';
import type { ResolvedAddress } from '../../../src/sources/fetch/address-policy.ts';
import { createSafeFetcher } from '../../../src/sources/fetch/safe-fetch.ts';
import type { TestEnvironment } from '../../helpers/test-app.ts';

/**
 * clubwatch in-process, as `tests/helpers/test-app.ts` builds it, with two things a fault test
 * needs: the fetcher for users' URLs can be given a fake DNS (names that resolve to private
 * addresses without any real resolver), and every log line is kept, as text, to search for secrets.
 */
export interface FaultApp {
  context: AppContext;
  app: App;
  printed(): string;
  logText(): string;
  logs(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface FaultAppOptions {
  /** Resolves host names for users' URLs (sources added by a server). */
  dns?: Record<string, readonly ResolvedAddress[]>;
  /** Host names users' URLs may reach though they resolve to 127.0.0.1: stand-ins for public sites. */
  publicStandIns?: readonly string[];
  platforms?: (context: AppContext) => PlatformModule[];
}

export function fakeDns(table: Record<string, readonly ResolvedAddress[]>) {
  const asked: string[] = [];
  const lookup = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
    asked.push(hostname);
    const found = table[hostname.toLowerCase()];
    if (found === undefined) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return { lookup, asked };
}

export async function startFaultApp(env: TestEnvironment, options: FaultAppOptions = {}): Promise<FaultApp> {
  let printed = '';
  const consoleOutput = new PassThrough();
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
  if (options.dns !== undefined || options.publicStandIns !== undefined) {
    await context.untrustedFetcher.close();
    context.untrustedFetcher = createSafeFetcher({
      userAgent: config.sources.userAgent,
      timeoutMs: config.sources.fetchTimeoutMs,
      maxBytes: config.sources.maxFeedBytes,
      maxRedirects: config.sources.maxRedirects,
      allowPrivateAddresses: false,
      trustedHosts: options.publicStandIns ?? [],
      lookup: fakeDns(options.dns ?? {}).lookup,
    });
  }
  const app = new App(context, options.platforms?.(context) ?? [], { consoleOutput, stopGraceMs: 2_000 });
  return {
    context,
    app,
    printed: () => printed,
    logText: () => logText,
    logs: () =>
      logText
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: () => app.stop(),
  };
}
