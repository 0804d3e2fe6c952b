import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * How long ready work waits for the main thread: the figure that says whether slash commands and
 * deliveries are answered promptly while feeds are read.
 */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  start(): void {
    this.histogram.enable();
  }

  stop(): void {
    this.histogram.disable();
  }

  /** The delays since the last reset (or start), in milliseconds. */
  read(): EventLoopDelay {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    if (this.histogram.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0 };
    return { p50Ms: ms(this.histogram.percentile(50)), p99Ms: ms(this.histogram.percentile(99)), maxMs: ms(this.histogram.max) };
  }

  reset(): void {
    this.histogram.reset();
  }
}
