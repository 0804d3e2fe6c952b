import { FeedParseError, SourceFetchError } from '../errors.ts';

/** Errors whose message is written for the person at the command line, shown as they are. */
const plainErrors = new Set(['UserError', 'ConfigError', 'StoreOpenError', 'DiscordUnavailableError']);

/**
 * The one line the command line prints for an error (after "clubwatch: "). A stack trace only
 * with `debug`, for an error nobody expected.
 */
export function errorLine(err: unknown, debug = false): string {
  if (!(err instanceof Error)) return `unexpected error: ${String(err)}`;
  if (plainErrors.has(err.name)) return err.message;
  if (err instanceof FeedParseError) return `not a feed clubwatch can read: ${err.message}`;
  if (err instanceof SourceFetchError) {
    return err.reason === 'not-a-feed' || err.reason === 'malformed' ? `not a feed clubwatch can read: ${err.message}` : `could not read the feed: ${err.message}`;
  }
  if (debug) return `unexpected error: ${err.stack ?? err.message}`;
  return `unexpected error: ${err.name}: ${err.message.split('\n')[0]} (CLUBWATCH_LOG_LEVEL=debug shows where)`;
}
