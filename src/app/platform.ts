import type { Destination } from '../deliveries/delivery.ts';
import type { SourceReader } from '../sources/source-reader.ts';

/**
 * What a platform (Discord, Bluesky, later Mastodon) adds to clubwatch. Platforms live at the edges
 * (`src/discord/`, `src/bluesky/`); the core knows them only through this shape.
 */
export interface PlatformModule {
  readonly name: string;
  /** Where it posts, if it posts. */
  readonly destination?: Destination;
  /** What it reads, if it reads. */
  readonly readers?: SourceReader[];
  /** Connects (logs in, opens the gateway). Resolves when ready. */
  start(): Promise<void>;
  /** Disconnects; in-flight sends have been handed back by then. */
  stop(): Promise<void>;
  /** After `start()`: one line for the operator on what it does, or what stops it (printed at start-up). */
  startupLine?(): string | null;
}
