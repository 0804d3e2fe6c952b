import type { Item } from '../items/item.ts';
import type { SourceKind, SourceRecord } from '../store/store.ts';

/** What one read of a source gave. `unchanged` costs no parsing (a 304, or the same body as last time). */
export type ReadResult =
  | { status: 'unchanged'; etag: string | null; lastModified: string | null; bodyHash: string | null }
  | { status: 'items'; items: Item[]; title: string | null; etag: string | null; lastModified: string | null; bodyHash: string | null };

/** Reads one kind of source: feeds over HTTP, clubs' Bluesky accounts. Throws SourceFetchError on failure. */
export interface SourceReader {
  readonly kind: SourceKind;
  read(source: SourceRecord): Promise<ReadResult>;
}
