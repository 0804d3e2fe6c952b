import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';

const sourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1).optional(),
  /** Overrides the poll interval for this source, in seconds. */
  intervalSeconds: z.number().int().min(60).max(86_400).optional(),
  note: z.string().optional(),
});

const fileSchema = z.object({ sources: z.array(sourceSchema) });

export type ConfiguredSource = z.infer<typeof sourceSchema>;

/** The default sources in `config/sources.json`: outlets, news searches and club sites. */
export function loadConfiguredSources(configDir: string): ConfiguredSource[] {
  const path = join(configDir, 'sources.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not valid'}`);
  }
  const seen = new Set<string>();
  for (const source of parsed.data.sources) {
    if (seen.has(source.url)) throw new ConfigError(`${path}: ${source.url} is listed twice`);
    seen.add(source.url);
  }
  return parsed.data.sources;
}

/** The bundled sample feeds (`config/sample/`), as file URLs: what a new install reads first. */
export function sampleFeedUrls(configDir: string): string[] {
  const dir = join(configDir, 'sample');
  try {
    return readdirSync(dir)
      .filter((name) => /\.(xml|rss|atom|json)$/.test(name))
      .sort()
      .map((name) => pathToFileURL(join(dir, name)).href);
  } catch {
    return [];
  }
}
