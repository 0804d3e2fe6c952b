import type { App } from '../../../src/app/app.ts';
import type { AppContext } from '../../../src/app/context.ts';
import type { PlatformModule } from '../../../src/app/platform.ts';
import type { ResolvedAddress } from '../../../src/sources/fetch/address-policy.ts';
import { createSafeFetcher } from '../../../src/sources/fetch/safe-fetch.ts';
import { startTestApp, type TestEnvironment } from '../../helpers/test-app.ts';

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

function fakeDns(table: Record<string, readonly ResolvedAddress[]>) {
  const asked: string[] = [];
  const lookup = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
    asked.push(hostname);
    const found = table[hostname.toLowerCase()];
    if (found === undefined) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return { lookup, asked };
}

/** Gives the fetcher for users' URLs a fake DNS, so names can resolve to private addresses with no real resolver. */
export async function useFakeDns(context: AppContext, options: Pick<FaultAppOptions, 'dns' | 'publicStandIns'>): Promise<void> {
  if (options.dns === undefined && options.publicStandIns === undefined) return;
  const { config } = context;
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

export function startFaultApp(env: TestEnvironment, options: FaultAppOptions = {}): Promise<FaultApp> {
  return startTestApp(env, (context) => options.platforms?.(context) ?? [], { beforeApp: (context) => useFakeDns(context, options) });
}
