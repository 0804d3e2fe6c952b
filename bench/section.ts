import { runCapacityBench } from './capacity-bench.ts';
import type { LimitWindows } from './discord-peer.ts';
import { runBoardBench } from './board-bench.ts';
import { runFleetBench } from './fleet-bench.ts';
import { runIngestBench } from './ingest-bench.ts';
import { runLatencyBench } from './latency-bench.ts';
import { runMemoryBench } from './memory-bench.ts';
import { runPgBench } from './pg-bench.ts';
import { runPollBench } from './poll-bench.ts';
import { runSourcesBench } from './sources-bench.ts';

/** The benchmark sections; each runs in its own process, so one's heap and JIT state never colour another's. */
export const sections = ['ingest', 'polls', 'fleet', 'latency', 'board', 'capacity', 'sources', 'memory', 'pg'] as const;
export type SectionName = (typeof sections)[number];

export interface SectionSizes {
  feeds: number;
  itemsPerFeed: number;
  polls: number;
  servers: number;
  sources: number;
  latencyRounds: number;
  /** Clubs on the board the web page serves. */
  boardClubs: number;
  /** How long the page is asked for. */
  webSeconds: number;
  /** Seconds the big feed is read for, and reads of the rotating feed. */
  bigFeedSeconds: number;
  rotations: number;
  /** Numbers of sources tried for `capacity_sources`, and how long each is run. */
  sourceSizes: number[];
  sourceSeconds: number;
  /** Numbers of servers whose idle memory is measured. */
  memoryServers: number[];
  /** Added to every answer of the fake Discord, standing for the network. */
  discordDelayMs: number;
  /** How Discord's limits are counted: the fake's fixed windows, or sliding windows. */
  discordLimits: LimitWindows;
  /** The bot's entry point for the live sections; `bin/clubwatch.js` when absent. */
  entry?: string;
}

export const fullSizes: SectionSizes = { feeds: 1000, itemsPerFeed: 50, polls: 1000, servers: 1000, sources: 500, latencyRounds: 20, boardClubs: 500, webSeconds: 5, bigFeedSeconds: 20, rotations: 200, sourceSizes: [10_000, 25_000, 50_000, 100_000], sourceSeconds: 180, memoryServers: [1_000, 10_000], discordDelayMs: 0, discordLimits: 'fixed' };
/** For trying the benchmark itself: the same paths, smaller. */
export const quickSizes: SectionSizes = { feeds: 100, itemsPerFeed: 50, polls: 200, servers: 100, sources: 50, latencyRounds: 5, boardClubs: 100, webSeconds: 2, bigFeedSeconds: 5, rotations: 30, sourceSizes: [2_000, 5_000], sourceSeconds: 30, memoryServers: [100, 1_000], discordDelayMs: 0, discordLimits: 'fixed' };

export async function runSection(name: SectionName, sizes: SectionSizes): Promise<Record<string, unknown>> {
  switch (name) {
    case 'ingest':
      return { ...(await runIngestBench({ feeds: sizes.feeds, itemsPerFeed: sizes.itemsPerFeed })) };
    case 'polls':
      return { ...(await runPollBench({ polls: sizes.polls })) };
    case 'fleet':
      return { ...(await runFleetBench({ servers: sizes.servers, sources: sizes.sources, discordDelayMs: sizes.discordDelayMs, discordLimits: sizes.discordLimits, entry: sizes.entry })) };
    case 'board':
      return { ...(await runBoardBench({ clubs: sizes.boardClubs, seconds: sizes.webSeconds, connections: 8 })) };
    case 'capacity':
      return { ...(await runCapacityBench({ seconds: sizes.bigFeedSeconds, rotations: sizes.rotations })) };
    case 'pg':
      return { ...(await runPgBench({ feeds: Math.max(50, Math.round(sizes.feeds / 4)), itemsPerFeed: sizes.itemsPerFeed })) };
    case 'sources':
      return { ...(await runSourcesBench({ sizes: sizes.sourceSizes, seconds: sizes.sourceSeconds })) };
    case 'memory':
      return { ...(await runMemoryBench({ sizes: sizes.memoryServers, entry: sizes.entry })) };
    case 'latency':
      return { ...(await runLatencyBench({ rounds: sizes.latencyRounds, discordDelayMs: sizes.discordDelayMs, discordLimits: sizes.discordLimits, entry: sizes.entry })) };
  }
}
