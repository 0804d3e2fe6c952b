import { readFileSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Starts a stopwatch of this process's CPU time (user + system, all its threads) and wall time. */
export function cpuSince(): () => { cpuS: number; wallS: number; mainThreadS: number | null } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const main = mainThreadCpuMs();
  return () => {
    const used = process.cpuUsage(cpu);
    const mainNow = mainThreadCpuMs();
    return {
      cpuS: (used.user + used.system) / 1e6,
      wallS: (performance.now() - wall) / 1000,
      mainThreadS: main === null || mainNow === null ? null : (mainNow - main) / 1000,
    };
  };
}

/** CPU time of this process's main thread alone (the JavaScript), from /proc on Linux; null elsewhere. */
function mainThreadCpuMs(): number | null {
  return cpuMsOf(process.pid, process.pid);
}

/** Progress goes to standard error, so that `--json` leaves standard output to the figures. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Resident memory of another process in MB, from /proc (Linux); null where it cannot be read. */
export function residentMbOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The one-minute load average and core count, to say how busy the machine was while measuring. */
export function machineLoad(): { load1: number; cores: number } {
  return { load1: Math.round((loadavg()[0] ?? NaN) * 100) / 100, cores: availableParallelism() };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a TypeScript file of bench/ in a child Node.js process with an IPC channel. */
export function forkBench(script: string, options: { env?: Record<string, string>; args?: string[] } = {}): ChildProcess {
  return fork(fileURLToPath(new URL(script, import.meta.url)), options.args ?? [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

/** The next IPC message of a child, or its exit as an error. */
export function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child process ended (code ${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/**
 * CPU time another process has used so far, in ms, from /proc (Linux; clock ticks of 10 ms);
 * null elsewhere. Unlike wall time it hardly moves when other work shares the machine.
 */
export function cpuMsOf(pid: number, thread?: number): number | null {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
