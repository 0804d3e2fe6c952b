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
  constructor(
    message: string,
    readonly reason: SourceFailureReason,
    options?: ErrorOptions,
  ) {
    super(message, options);
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

export class DeliveryRejectedError extends Error {
  override name = 'DeliveryRejectedError';
}
