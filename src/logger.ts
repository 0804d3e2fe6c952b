import { pino, type Logger, type LevelWithSilent } from 'pino';
import { prettyDestination } from './log-format.ts';

export type { Logger };

/** Paths that hold secrets anywhere in a log object; pino replaces them before writing. */
export const redactedPaths = [
  'token',
  '*.token',
  'password',
  '*.password',
  'appPassword',
  '*.appPassword',
  'accessJwt',
  '*.accessJwt',
  'refreshJwt',
  '*.refreshJwt',
  'session',
  '*.session',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** JSON lines (for machines), or readable lines (for a terminal); JSON by default. */
  format?: LogFormat;
  /** Where log lines go; standard error by default so standard output stays for summaries and JSON. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const destination =
    options.format === 'pretty' ? prettyDestination(process.stderr, level === 'debug' || level === 'trace') : (options.destination ?? pino.destination(2));
  return pino(
    {
      name: 'clubwatch',
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination,
  );
}

/** `CLUBWATCH_LOG_FORMAT` when set; else readable on a terminal and JSON anywhere else (a file, a pipe, a log collector). */
export function logFormatFor(chosen: LogFormat | null, stderrIsTerminal: boolean): LogFormat {
  return chosen ?? (stderrIsTerminal ? 'pretty' : 'json');
}

/** One named child logger per subsystem: `subsystemLogger(root, 'sources')`. */
export function subsystemLogger(root: Logger, subsystem: string): Logger {
  return root.child({ subsystem });
}
