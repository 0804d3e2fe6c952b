/**
 * Log lines for a person at a terminal: time, level word, subsystem, message, then the fields that
 * matter as `key=value`. pino writes each record as one JSON line; this turns it into one text line.
 */

const levelWords: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const levelColours: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
/** pino's own fields, said by the line's layout or of no use to a reader. */
const shownApart = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'subsystem', 'err']);
const longestValue = 120;

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? (/[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value) : JSON.stringify(value);
  return text.length > longestValue ? `${text.slice(0, longestValue - 1)}…` : text;
}

function time(epochMs: unknown): string {
  const date = typeof epochMs === 'number' ? new Date(epochMs) : new Date();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** One JSON log record → one readable line (no newline). A line that is not JSON is kept as it is. */
export function prettyLine(json: string, options: { colours?: boolean; stacks?: boolean } = {}): string {
  const { colours = false, stacks = false } = options;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const word = (levelWords[level] ?? String(level)).padEnd(5);
  const paint = (code: string | undefined, text: string) => (colours && code ? `\u001b[${code}m${text}\u001b[0m` : text);
  const parts = [paint('90', time(record.time)), paint(levelColours[level], word)];
  if (typeof record.subsystem === 'string') parts.push(paint('36', `[${record.subsystem}]`));
  parts.push(typeof record.msg === 'string' ? record.msg : '');
  const fields = Object.entries(record)
    .filter(([key, value]) => !shownApart.has(key) && value !== undefined)
    .map(([key, value]) => `${paint('90', `${key}=`)}${formatValue(value)}`);
  const err = record.err as { type?: string; message?: string; stack?: string } | undefined;
  if (err && typeof err === 'object') fields.push(`${paint('90', 'err=')}${formatValue(err.message ?? err.type ?? err)}`);
  let line = [...parts, ...fields].join(' ');
  // A stack trace is for debugging: shown only when the logger was asked for debug lines.
  if (stacks && err?.stack) line += `\n${err.stack}`;
  return line;
}

/** A pino destination that writes readable lines to a stream (standard error, a terminal). */
export function prettyDestination(stream: NodeJS.WritableStream & { hasColors?: () => boolean }, stacks = false): { write(chunk: string): void } {
  const colours = typeof stream.hasColors === 'function' && stream.hasColors();
  return {
    write(chunk: string) {
      for (const json of chunk.split('\n')) {
        if (json.trim() !== '') stream.write(`${prettyLine(json, { colours, stacks })}\n`);
      }
    },
  };
}
