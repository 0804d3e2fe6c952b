import { RESTJSONErrorCodes } from 'discord-api-types/v10';

/** The JSON body Discord answers errors with. */
export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
}

/** Thrown by a route to answer with a Discord-shaped error. */
export class DiscordHttpError extends Error {
  override readonly name = 'DiscordHttpError';
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.message}`);
  }
}

export const unknownChannel = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel });
export const unknownGuild = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Guild', code: RESTJSONErrorCodes.UnknownGuild });
export const unknownMember = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Member', code: RESTJSONErrorCodes.UnknownMember });
export const unknownMessage = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Message', code: RESTJSONErrorCodes.UnknownMessage });
export const unknownWebhook = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Webhook', code: RESTJSONErrorCodes.UnknownWebhook });
export const unknownApplication = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Application', code: RESTJSONErrorCodes.UnknownApplication });
export const unknownCommand = (): DiscordHttpError =>
  new DiscordHttpError(404, {
    message: 'Unknown application command',
    code: RESTJSONErrorCodes.UnknownApplicationCommand,
  });
export const unknownInteraction = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown interaction', code: RESTJSONErrorCodes.UnknownInteraction });
export const alreadyAcknowledged = (): DiscordHttpError =>
  new DiscordHttpError(400, {
    message: 'Interaction has already been acknowledged.',
    code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  });
export const missingAccess = (): DiscordHttpError =>
  new DiscordHttpError(403, { message: 'Missing Access', code: RESTJSONErrorCodes.MissingAccess });
export const missingPermissions = (): DiscordHttpError =>
  new DiscordHttpError(403, { message: 'Missing Permissions', code: RESTJSONErrorCodes.MissingPermissions });
export const unauthorized = (): DiscordHttpError =>
  new DiscordHttpError(401, { message: '401: Unauthorized', code: 0 });
export const notFound = (): DiscordHttpError => new DiscordHttpError(404, { message: '404: Not Found', code: 0 });
export const methodNotAllowed = (): DiscordHttpError =>
  new DiscordHttpError(405, { message: '405: Method Not Allowed', code: 0 });
export const emptyMessage = (): DiscordHttpError =>
  new DiscordHttpError(400, { message: 'Cannot send an empty message', code: RESTJSONErrorCodes.CannotSendAnEmptyMessage });
export const nonTextChannel = (): DiscordHttpError =>
  new DiscordHttpError(400, {
    message: 'Cannot send messages in a non-text channel',
    code: RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  });

type ErrorPath = readonly (string | number)[];

/**
 * Collects field errors the way Discord nests them in a 50035 "Invalid Form Body" answer:
 * `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`.
 */
export class FormErrors {
  readonly #root: Record<string, unknown> = {};
  #count = 0;

  add(path: ErrorPath, code: string, message: string): void {
    let node = this.#root;
    for (const key of path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code, message });
    this.#count += 1;
  }

  get empty(): boolean {
    return this.#count === 0;
  }

  /** Throws the collected errors as a 400, if there are any. */
  throwIfAny(): void {
    if (this.empty) return;
    throw new DiscordHttpError(400, {
      message: 'Invalid Form Body',
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      errors: this.#root,
    });
  }
}

export function maxLength(errors: FormErrors, path: ErrorPath, value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

export function lengthBetween(errors: FormErrors, path: ErrorPath, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  const length = [...value].length;
  if (length < min || length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}
