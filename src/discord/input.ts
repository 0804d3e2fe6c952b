import { UserError } from '../errors.ts';
import type { Messages } from './i18n/types.ts';
import { embedUrlLength } from './limits.ts';
import { stripControl } from './text.ts';

/** The longest address an admin may type: the longest link Discord shows in an embed. */
export const maxUrlLength = embedUrlLength;
const snowflake = /^\d{15,22}$/;

/** A web address typed by an admin: http(s), no credentials, not absurdly long. */
export function parseUserUrl(raw: string | null | undefined, messages: Messages): URL {
  const value = stripControl(raw ?? '').trim();
  if (value.length > maxUrlLength) throw new UserError(messages.tooLong('URL', maxUrlLength));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(messages.badUrl);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(messages.urlNotHttp);
  if (url.username || url.password) throw new UserError(messages.urlCredentials);
  return url;
}

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && snowflake.test(value);
}
