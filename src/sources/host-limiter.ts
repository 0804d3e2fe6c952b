/**
 * Fair fetching: at most `perHost` reads of one host at once and `global` in all, so that a slow
 * publisher holds back its own feeds only. A host that asked to be left alone (429 or 503 with
 * Retry-After) is paused until the time it gave.
 */
export class HostLimiter {
  private running = 0;
  private readonly perHostRunning = new Map<string, number>();
  private readonly waiting: Array<{ host: string; start: () => void }> = [];
  private readonly perHostWaiting = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    readonly global: number,
    readonly perHost: number,
  ) {}

  /** Runs `work` once a slot of this host (and one of all) is free. */
  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    if (this.hasRoom(host)) this.take(host);
    // The slot is taken for us by the read that frees it, so no one can slip in between.
    else {
      this.perHostWaiting.set(host, (this.perHostWaiting.get(host) ?? 0) + 1);
      await new Promise<void>((start) => this.waiting.push({ host, start }));
    }
    try {
      return await work();
    } finally {
      this.release(host);
    }
  }

  /** Reads of this host running or waiting for a slot. */
  load(host: string): number {
    return (this.perHostRunning.get(host) ?? 0) + (this.perHostWaiting.get(host) ?? 0);
  }

  pause(host: string, until: Date): void {
    this.pausedUntil.set(host, Math.max(until.getTime(), this.pausedUntil.get(host) ?? 0));
  }

  /** When the host may be read again, or null when it may be read now. */
  resumesAt(host: string, now: Date): Date | null {
    const until = this.pausedUntil.get(host);
    if (until === undefined) return null;
    if (until <= now.getTime()) {
      this.pausedUntil.delete(host);
      return null;
    }
    return new Date(until);
  }

  private hasRoom(host: string): boolean {
    return this.running < this.global && (this.perHostRunning.get(host) ?? 0) < this.perHost;
  }

  private take(host: string): void {
    this.running += 1;
    this.perHostRunning.set(host, (this.perHostRunning.get(host) ?? 0) + 1);
  }

  private release(host: string): void {
    this.running -= 1;
    const left = (this.perHostRunning.get(host) ?? 1) - 1;
    if (left === 0) this.perHostRunning.delete(host);
    else this.perHostRunning.set(host, left);
    // The first waiting read whose host has room goes next; reads of a busy host keep their turn.
    const next = this.waiting.findIndex((entry) => this.hasRoom(entry.host));
    if (next === -1) return;
    const [entry] = this.waiting.splice(next, 1);
    const waiting = (this.perHostWaiting.get(entry!.host) ?? 1) - 1;
    if (waiting === 0) this.perHostWaiting.delete(entry!.host);
    else this.perHostWaiting.set(entry!.host, waiting);
    this.take(entry!.host);
    entry!.start();
  }
}
