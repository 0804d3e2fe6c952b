import { createHash } from 'node:crypto';
import { AtpAgent, XRPCError, type AtpSessionData, type AtpSessionEvent } from '@atproto/api';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { BlueskyLoginDeferredError, BlueskyLoginError } from './errors.ts';
import { isRateLimited, rateLimitWaitMs } from './rate-limit.ts';

/** The stored session: a secret, like the app password. Never logged, never shown. */
export const sessionStateKey = 'bluesky:session';
/** When the last login was made (not secret): logins are rationed across restarts too. */
const lastLoginStateKey = 'bluesky:last-login-at';
/** A digest of the app password last tried: a changed password is tried at once, not after the wait. */
const lastPasswordStateKey = 'bluesky:last-login-password';

/** App passwords are random (about 80 bits): a digest of one tells a change and gives nothing away. */
function passwordDigest(identifier: string, appPassword: string): string {
  return createHash('sha256').update(`clubwatch-bluesky-login\n${identifier}\n${appPassword}`).digest('hex').slice(0, 32);
}

interface StoredSession {
  service: string;
  identifier: string;
  session: AtpSessionData;
}

export interface SessionOptions {
  store: Store;
  logger: Logger;
  service: string;
  identifier: string;
  appPassword: string;
  /** The hosted service allows about 100 logins a day per account; the mirror makes at most one this often. */
  minLoginIntervalMs?: number;
  now?: () => number;
}

/**
 * The mirror's one session with its account. It logs in once, keeps the session in the store and
 * resumes it at each start; each refresh rotates the refresh token, so every update is saved (in
 * order). It logs in again only when the stored session is refused, and never more than once per
 * `minLoginIntervalMs`, even across restarts.
 */
export class BlueskySession {
  readonly agent: AtpAgent;
  private saving: Promise<void> = Promise.resolve();
  private loginBlockedUntil = 0;
  private loggingIn: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.agent = new AtpAgent({
      service: options.service,
      persistSession: (event, session) => this.persist(event, session),
    });
  }

  get did(): string | undefined {
    return this.agent.session?.did;
  }

  /** Resumes the stored session, or logs in when there is none or the server no longer accepts it. */
  async start(): Promise<'resumed' | 'logged-in' | 'kept'> {
    const stored = await this.load();
    if (stored) {
      try {
        await this.agent.resumeSession(stored);
        return 'resumed';
      } catch (err) {
        // The session survives a network failure or an outage: it is kept for the next call.
        if (this.agent.session) {
          this.options.logger.warn({ reason: describe(err) }, 'could not confirm the Bluesky session; will use it as it is');
          return 'kept';
        }
        this.options.logger.info({ reason: describe(err) }, 'the stored Bluesky session was refused; logging in again');
      }
    }
    await this.login();
    return 'logged-in';
  }

  /** The agent with a session, logging in first if the session was lost since the start. */
  async ready(): Promise<AtpAgent> {
    if (!this.agent.session) await this.login();
    return this.agent;
  }

  /** Resolves once every session update so far is in the store. */
  async flush(): Promise<void> {
    await this.saving;
  }

  private login(): Promise<void> {
    this.loggingIn ??= this.loginOnce().finally(() => {
      this.loggingIn = null;
    });
    return this.loggingIn;
  }

  private async loginOnce(): Promise<void> {
    const { store, logger, identifier, appPassword } = this.options;
    const now = this.now();
    const last = Date.parse((await store.getState(lastLoginStateKey)) ?? '');
    const interval = this.options.minLoginIntervalMs ?? 10 * 60_000;
    const digest = passwordDigest(identifier, appPassword);
    // The operator fixed the password: no reason to wait out a refusal of the old one.
    const changed = (await store.getState(lastPasswordStateKey)) !== digest;
    const allowedAt = changed ? 0 : Math.max(this.loginBlockedUntil, Number.isFinite(last) ? last + interval : 0);
    if (allowedAt > now) {
      throw new BlueskyLoginDeferredError('a Bluesky login was made moments ago; waiting before the next', allowedAt - now);
    }
    try {
      await this.agent.login({ identifier, password: appPassword });
    } catch (err) {
      if (isRateLimited(err)) {
        const wait = rateLimitWaitMs(err.headers, this.now());
        this.loginBlockedUntil = this.now() + wait;
        throw new BlueskyLoginDeferredError('Bluesky is rationing logins for this account', wait, { cause: err });
      }
      if (err instanceof XRPCError && (err.status === 401 || err.error === 'AuthenticationRequired' || err.error === 'AccountTakedown')) {
        this.loginBlockedUntil = this.now() + 6 * 3_600_000;
        throw new BlueskyLoginError(
          `Bluesky refused the login of ${identifier}: ${err.message}. Check BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD (an app password from the account's settings); a changed password is tried at the next start`,
          { cause: err },
        );
      }
      throw err;
    } finally {
      // Recorded once the attempt is over: a process stopped in the middle of it lost the session with
      // it, and logs in at its next start instead of waiting out the interval with no session at all.
      await store.setState(lastLoginStateKey, new Date(now).toISOString());
      await store.setState(lastPasswordStateKey, digest);
    }
    await this.flush();
    logger.info({ did: this.agent.session?.did, handle: this.agent.session?.handle }, 'logged in to Bluesky');
    if (usesMainPassword(this.agent.session?.accessJwt)) {
      logger.warn('BLUESKY_APP_PASSWORD is the account password, not an app password: create an app password in the account settings and use it instead');
    }
  }

  private async load(): Promise<AtpSessionData | null> {
    const raw = await this.options.store.getState(sessionStateKey);
    if (!raw) return null;
    try {
      const stored = JSON.parse(raw) as StoredSession;
      // A session of another account or server is of no use; the login replaces it.
      if (stored.service !== this.options.service || stored.identifier !== this.options.identifier) return null;
      return stored.session;
    } catch {
      return null;
    }
  }

  private persist(event: AtpSessionEvent, session: AtpSessionData | undefined): void {
    const { store, service, identifier, logger } = this.options;
    this.saving = this.saving
      .then(async () => {
        if ((event === 'create' || event === 'update') && session) {
          await store.setState(sessionStateKey, JSON.stringify({ service, identifier, session } satisfies StoredSession));
        } else if (event === 'expired') {
          await store.setState(sessionStateKey, null);
        }
      })
      .catch((err: unknown) => logger.error({ reason: describe(err) }, 'could not save the Bluesky session'));
  }
}

function describe(err: unknown): string {
  if (err instanceof XRPCError) return `${err.status} ${err.error}`;
  return err instanceof Error ? err.message : String(err);
}

/** App passwords give tokens scoped `com.atproto.appPass`; the account password gives full access. */
function usesMainPassword(accessJwt: string | undefined): boolean {
  const payload = accessJwt?.split('.')[1];
  if (!payload) return false;
  try {
    const { scope } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scope?: string };
    return scope === 'com.atproto.access';
  } catch {
    return false;
  }
}
