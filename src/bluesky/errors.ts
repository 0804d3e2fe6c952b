/** The server refused the identifier or app password: nothing changes until the operator fixes them. */
export class BlueskyLoginError extends Error {
  override name = 'BlueskyLoginError';
}

/** A login is needed but one was made too recently (or the server said to wait): try again later. */
export class BlueskyLoginDeferredError extends Error {
  override name = 'BlueskyLoginDeferredError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A club's account could not be read (its DID document, its PDS or the AppView failed). */
export class BlueskyReadError extends Error {
  override name = 'BlueskyReadError';
}
