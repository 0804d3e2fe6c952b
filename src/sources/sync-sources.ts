import type { Config } from '../config/config.ts';
import { loadConfiguredSources, sampleFeedUrls } from '../config/sources-file.ts';
import type { Store } from '../store/store.ts';
import { sourceIdFor } from './source-id.ts';

/**
 * Makes the store's `config` and `sample` sources match `config/`: new ones are added (due now),
 * removed ones are dropped, and the fetch state of the others is kept.
 */
export async function syncConfiguredSources(store: Store, config: Config, now: Date): Promise<{ added: number; removed: number }> {
  const wanted = new Map<string, { url: string; origin: 'config' | 'sample'; title: string | null; interval: number }>();
  for (const source of loadConfiguredSources(config.configDir)) {
    wanted.set(sourceIdFor('feed', source.url), {
      url: source.url,
      origin: 'config',
      title: source.title ?? null,
      interval: source.intervalSeconds ?? config.sources.pollIntervalSeconds,
    });
  }
  if (config.sources.sample) {
    for (const url of sampleFeedUrls(config.configDir)) {
      wanted.set(sourceIdFor('feed', url), { url, origin: 'sample', title: null, interval: config.sources.pollIntervalSeconds });
    }
  }
  let added = 0;
  let removed = 0;
  // Only feeds come from config/sources.json and config/sample; other kinds (clubs' Bluesky accounts) are kept.
  const existing = new Map(
    (await store.listSources()).filter((s) => s.kind === 'feed' && (s.origin === 'config' || s.origin === 'sample')).map((s) => [s.id, s]),
  );
  for (const [id, source] of wanted) {
    if (!existing.has(id)) added += 1;
    await store.addSource({
      id,
      url: source.url,
      kind: 'feed',
      origin: source.origin,
      title: source.title,
      intervalSeconds: source.interval,
      announceFirstFetch: source.origin === 'sample',
      nextFetchAt: now.toISOString(),
    });
  }
  for (const id of existing.keys()) {
    if (!wanted.has(id) && (await store.removeSource(id))) removed += 1;
  }
  return { added, removed };
}
