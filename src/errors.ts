/** Errors named after what failed. Each keeps its cause. */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A problem the user can fix; its message is shown to them as it is. */
export class UserError extends Error {
  override name = 'UserError';
}

export class SourceFetchError extends Error {
  override name = 'SourceFetchError';
  /** How long the publisher asked us to wait (a 429 or 503 with Retry-After). */
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    readonly reason: SourceFailureReason,
    options?: ErrorOptions & { retryAfterMs?: number | null },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
}

export type SourceFailureReason =
  | 'blocked-address'
  | 'bad-url'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'network'
  | 'not-a-feed'
  | 'malformed';

/** Why a body could not be read as a feed, in the words of SourceFailureReason. */
export type FeedParseFailureReason = Extract<SourceFailureReason, 'not-a-feed' | 'malformed'>;

export class FeedParseError extends Error {
  override name = 'FeedParseError';
  constructor(
    message: string,
    readonly reason: FeedParseFailureReason = 'malformed',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The store could not be opened: the data folder or the database file is not usable. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** Discord could not be reached or refused the bot (at start-up, or registering commands). */
export class DiscordUnavailableError extends Error {
  override name = 'DiscordUnavailableError';
  constructor(
    message: string,
    /** True when trying again later may work (the network, Discord's servers); false for a refused token. */
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const systemErrorWords: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'something else already has that name',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EMFILE: 'too many open files',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was closed',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

/** A system error's code in words ("ENOENT" → "no such file or folder"), searching the causes. */
export function describeSystemError(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && systemErrorWords[code]) return systemErrorWords[code];
    current = current.cause;
  }
  return err instanceof Error ? err.message : String(err);
}
