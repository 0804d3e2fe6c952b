import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const binary = fileURLToPath(new URL('../../../bin/clubwatch.js', import.meta.url));
const inheritedPrefixes = ['CLUBWATCH_', 'DISCORD_', 'BLUESKY_'];

/** `node bin/clubwatch.js start` in its own process, as an operator runs it; all it says is kept. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything written to standard output and standard error, as text. */
  output(): string;
  /** The JSON log lines, parsed. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** SIGKILL, and waits for the process to be gone. */
  kill(): Promise<void>;
}

/** `args` come after `start` (`['--role', 'worker']`). */
export function spawnBot(vars: Record<string, string>, cwd: string, args: string[] = []): BotProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !inheritedPrefixes.some((prefix) => name.startsWith(prefix))));
  const child = spawn(process.execPath, [binary, 'start', ...args], { cwd, env: { ...inherited, ...vars }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const lines: Array<Record<string, unknown>> = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
      text += `${line}\n`;
      if (!line.startsWith('{')) return;
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // A line cut off by a kill.
      }
    });
  }
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => text,
    logs: () => lines,
    exited,
    running,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}
