import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { platforms } from '../announcements/announcement.ts';
import { isDid, normaliseHandle } from '../bluesky/handles.ts';
import { ConfigError } from '../errors.ts';
import { createCatalog } from './create-catalog.ts';
import type { Catalog, CatalogEntry } from './types.ts';

const defaultDir = fileURLToPath(new URL('../../config/catalog/', import.meta.url));

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const name = z.string().trim().min(1);

const accountsSchema = z
  .object(Object.fromEntries(platforms.map((p) => [p, name.optional()])) as Record<
    (typeof platforms)[number],
    z.ZodOptional<typeof name>
  >)
  .extend({
    blueskyDid: z.string().regex(/^did:(plc|web):[a-zA-Z0-9._:%-]+$/).optional(),
    blueskySource: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of a published page' }).optional(),
  })
  .strict()
  .superRefine((accounts, ctx) => {
    const handle = accounts.bluesky;
    if (handle !== undefined && !isDid(handle) && normaliseHandle(handle) !== handle) {
      ctx.addIssue({ code: 'custom', path: ['bluesky'], message: `"${handle}" is not a Bluesky handle as the network writes it (lower case, no "@", like "club.bsky.social" or "club.com")` });
    }
    // A club's account is followed and named in posts: it must come from the club or a report of it, never from a guess.
    if ((handle !== undefined || accounts.blueskyDid !== undefined) && accounts.blueskySource === undefined) {
      ctx.addIssue({ code: 'custom', path: ['blueskySource'], message: 'is required with a Bluesky account: the address of the page (the club\'s announcement or a news report) that names it' });
    }
  });

const entrySchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case ASCII, like "olympique-de-marseille"'),
    kind: z.enum(['club', 'federation', 'league']).default('club'),
    name,
    shortNames: z.array(name).default([]),
    aliases: z.array(name).default([]),
    city: name.nullable().default(null),
    country: z.string().regex(/^(?:[A-Z]{2}|GB-ENG|GB-SCT|GB-WLS|GB-NIR)$/, 'must be ISO 3166-1 alpha-2 or GB-ENG/GB-SCT'),
    league: z.string().regex(idPattern).nullable().default(null),
    accounts: accountsSchema.default({}),
    ambiguous: z.array(name).default([]),
  })
  .strict();

const fileSchema = z.object({ entries: z.array(entrySchema) }).strict();

function describeIssue(issue: z.core.$ZodIssue, entries: unknown): string {
  const path = issue.path;
  let where = path.length > 0 ? path.join('.') : '(top level)';
  if (path[0] === 'entries' && typeof path[1] === 'number' && Array.isArray(entries)) {
    const raw: unknown = entries[path[1]];
    const id = raw !== null && typeof raw === 'object' && 'id' in raw ? String(raw.id) : `#${path[1]}`;
    const field = path.slice(2).join('.') || '(entry)';
    where = `entry "${id}", field "${field}"`;
  }
  return `${where}: ${issue.message}`;
}

function readFile(path: string): CatalogEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`catalog file ${path} is not readable JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const entries = raw !== null && typeof raw === 'object' && 'entries' in raw ? raw.entries : undefined;
    const first = parsed.error.issues[0];
    const detail = first ? describeIssue(first, entries) : 'invalid';
    throw new ConfigError(`catalog file ${path}: ${detail}`, { cause: parsed.error });
  }
  return parsed.data.entries as CatalogEntry[];
}

/** Cross-checks that one file cannot see: unique ids, leagues that exist and are leagues. */
function crossCheck(entries: Array<{ entry: CatalogEntry; file: string }>): void {
  const seen = new Map<string, string>();
  for (const { entry, file } of entries) {
    const before = seen.get(entry.id);
    if (before !== undefined) {
      throw new ConfigError(`catalog file ${file}: field "id": "${entry.id}" is also defined in ${before}`);
    }
    seen.set(entry.id, file);
  }
  const kinds = new Map(entries.map(({ entry }) => [entry.id, entry.kind]));
  for (const { entry, file } of entries) {
    if (entry.league === null) continue;
    const kind = kinds.get(entry.league);
    if (kind !== 'league') {
      throw new ConfigError(
        `catalog file ${file}: entry "${entry.id}", field "league": "${entry.league}" is not a league in the catalog`,
      );
    }
  }
}

/** Reads every `*.json` file of the catalog directory, validates it and builds the catalog. */
export function loadCatalog(dir: string = defaultDir): Catalog {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new ConfigError(`catalog directory ${dir} is not readable: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (files.length === 0) throw new ConfigError(`catalog directory ${dir} has no .json files`);
  const all: Array<{ entry: CatalogEntry; file: string }> = [];
  for (const f of files) {
    const path = join(dir, f);
    for (const entry of readFile(path)) all.push({ entry, file: path });
  }
  crossCheck(all);
  return createCatalog(all.map((e) => e.entry));
}
