import { pino, type Logger, type LevelWithSilent } from 'pino';

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

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where log lines go; standard error by default so standard output stays for summaries and JSON. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'clubwatch',
      level: options.level ?? 'info',
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}

/** One named child logger per subsystem: `subsystemLogger(root, 'sources')`. */
export function subsystemLogger(root: Logger, subsystem: string): Logger {
  return root.child({ subsystem });
}
