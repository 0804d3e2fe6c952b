import type { Extractor } from '../announcements/extractor.ts';
import type { Catalog } from '../catalog/types.ts';
import type { Config } from '../config/config.ts';
import type { Routing } from '../deliveries/route.ts';
import type { Item } from '../items/item.ts';
import type { SourceRecord, Store } from '../store/store.ts';
import { ingestItems, type IngestOptions, type IngestResult } from './ingest.ts';

export interface PipelineParts {
  config: Config;
  store: Store;
  catalog: Catalog;
  extractor: Extractor;
  routing: Routing;
}

/** The pipeline with the config's limits applied: what the poller, `ingest` and the tests call. */
export function pipelineFor(parts: PipelineParts) {
  return {
    /** `live`: items that arrived as they were made (Jetstream), news even before the source's first read. */
    ingest(source: SourceRecord, items: Item[], now = new Date(), options: { live?: boolean; recordRead?: IngestOptions['recordRead'] } = {}): Promise<IngestResult> {
      return ingestItems(
        {
          store: parts.store,
          catalog: parts.catalog,
          extractor: parts.extractor,
          routing: parts.routing,
          windowDays: parts.config.stories.windowDays,
          minConfidence: parts.config.stories.minConfidence,
          maxItemAgeDays: parts.config.sources.maxItemAgeDays,
          maxAnnouncedPerRun: parts.config.sources.maxAnnouncedPerRun,
          now,
          live: options.live ?? false,
          ...(options.recordRead ? { recordRead: options.recordRead } : {}),
        },
        source,
        items,
      );
    },
  };
}
