import type { Messages } from './i18n/types.ts';

/**
 * The fetcher's reasons (kept in the store in English, as the logs have them) in the server's
 * language. A reason this does not know is shown as it is.
 */
export function fetchReasonText(messages: Messages, reason: string): string {
  const words = messages.fetchReasons;
  let match: RegExpExecArray | null;
  if ((match = /^HTTP (\d{3})$/.exec(reason))) return words.http(match[1] ?? '');
  if ((match = /^timed out after (.+)$/.exec(reason))) return words.timeout(match[1] ?? '');
  if ((match = /^(?:body|file) larger than (.+)$/.exec(reason))) return words.tooLarge(match[1] ?? '');
  if ((match = /^redirected more than (\d+) times$/.exec(reason))) return words.redirects(match[1] ?? '');
  if ((match = /^refused: port (\d+) \(only 80 and 443\)$/.exec(reason))) return words.port(match[1] ?? '');
  if ((match = /^refused: (.+?) (?:is|resolves to [^,]+,) (?:a|an) .+$/.exec(reason))) return words.privateAddress(match[1] ?? '', reason);
  if (reason === 'network error: connection refused') return words.connectionRefused;
  if (reason === 'network error: the host name does not resolve') return words.noSuchHost;
  if (reason === 'network error: the connection was closed before the response ended') return words.closedEarly;
  return reason;
}
