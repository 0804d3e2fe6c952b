import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command line as an operator runs it: `bin/clubwatch.js` (tsx) by default. */
export const bin = fileURLToPath(new URL('../../bin/clubwatch.js', import.meta.url));

/** Only the variables given (and PATH, HOME), so the machine's own settings never leak in. */
function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...vars };
}

export function runCli(args: string[], vars: Record<string, string> = {}, entry: string = bin, input = '') {
  return spawnSync(process.execPath, [entry, ...args], { input, env: childEnv(vars), encoding: 'utf8', timeout: 180_000 });
}

/**
 * Like runCli, without blocking this process: for a command that talks to a server running in the
 * test (a feed server, a fake Discord, a PDS), which a blocked event loop could never answer.
 */
export async function runCliAsync(args: string[], vars: Record<string, string> = {}, entry: string = bin) {
  const child = spawn(process.execPath, [entry, ...args], { env: childEnv(vars), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
  const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  clearTimeout(timer);
  return { status, stdout, stderr };
}

export interface RunningCli {
  pid: number | undefined;
  stdout(): string;
  stderr(): string;
  /** Standard error's JSON log lines, parsed (other lines skipped). */
  logs(): Array<Record<string, unknown>>;
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>>;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited(): Promise<number | null>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** A long-running command (`start`) as a child process, its output collected. */
export function startCli(args: string[], vars: Record<string, string> = {}, entry: string = bin): RunningCli {
  const child = spawn(process.execPath, [entry, ...args], { env: childEnv(vars) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    stderr.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  const poll = <T>(find: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(check);
        reject(new Error(`timed out waiting for ${what}; stderr:\n${stderr}`));
      }, timeoutMs);
      const check = setInterval(() => {
        const found = find();
        if (found !== undefined) {
          clearInterval(check);
          clearTimeout(timer);
          resolve(found);
        }
      }, 50);
      void exit.then((code) => {
        if (find() !== undefined) return;
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before ${what}; stderr:\n${stderr}`));
      });
    });
  return {
    pid: child.pid,
    stdout: () => stdout,
    stderr: () => stderr,
    logs,
    waitForLog: (match, timeoutMs) => poll(() => logs().find(match), timeoutMs, 'a log line'),
    waitForOutput: async (pattern, timeoutMs) => {
      await poll(() => (pattern.test(stdout) ? true : undefined), timeoutMs, String(pattern));
    },
    exited: () => exit,
    stop: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}
