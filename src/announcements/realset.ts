import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadLanguage } from './announcement.ts';
import { type DevItem, type Evaluation, loadItems, realsetDir, type Score } from './eval.ts';

/**
 * The real set: published texts, gathered in batches. A batch is scored once before any rule is
 * written for it (its first score goes to the history), then joins `tune` or stays `fresh`.
 */
export type Part = 'tune' | 'fresh';

export interface Batch {
  name: string;
  part: Part;
  gathered: string;
  files: string[];
  /** False for a tune batch the rules are read on but the scorer is not fitted on (the manifest says why). */
  fitted?: boolean;
}

export interface HistoryEntry {
  batch: string;
  part: Part;
  date: string;
  items: number;
  /** What was scored: the extractor as it stood, described in one line. */
  extractor: string;
  /** Whether this is the batch's first score, taken before any change made for it. */
  first: boolean;
  overall: Pick<Score, 'precision' | 'recall' | 'f1'>;
  byLanguage: Partial<Record<ReadLanguage, Pick<Score, 'precision' | 'recall' | 'f1'>>>;
}

interface Manifest {
  batches: Batch[];
}

export function loadManifest(dir: string = realsetDir): Batch[] {
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).batches;
}

export function loadPart(part: Part, dir: string = realsetDir): DevItem[] {
  return loadManifest(dir)
    .filter((b) => b.part === part)
    .flatMap((b) => loadItems(dir, b.files));
}

/** The tune batches the scorer is fitted on (`npm run train`). */
export function loadFitted(dir: string = realsetDir): DevItem[] {
  return loadManifest(dir)
    .filter((b) => b.part === 'tune' && b.fitted !== false)
    .flatMap((b) => loadItems(dir, b.files));
}

export function loadBatch(name: string, dir: string = realsetDir): DevItem[] {
  const batch = loadManifest(dir).find((b) => b.name === name);
  if (!batch) throw new Error(`no batch named ${name} in the real set's manifest`);
  return loadItems(dir, batch.files);
}

export function loadHistory(dir: string = realsetDir): HistoryEntry[] {
  return JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as HistoryEntry[];
}

const round = (s: Score): Pick<Score, 'precision' | 'recall' | 'f1'> => ({
  precision: Math.round(s.precision * 1000) / 1000,
  recall: Math.round(s.recall * 1000) / 1000,
  f1: Math.round(s.f1 * 1000) / 1000,
});

/** Appends one score of a batch to the history; the first score of a batch is marked as such. */
export function recordScore(batch: Batch, result: Evaluation, extractor: string, date: string, dir: string = realsetDir): HistoryEntry {
  const history = loadHistory(dir);
  const entry: HistoryEntry = {
    batch: batch.name,
    part: batch.part,
    date,
    items: result.items,
    extractor,
    first: !history.some((h) => h.batch === batch.name),
    overall: round(result.overall),
    byLanguage: Object.fromEntries(Object.entries(result.byLanguage).map(([l, s]) => [l, round(s)])),
  };
  history.push(entry);
  writeFileSync(join(dir, 'history.json'), `${JSON.stringify(history, null, 2)}\n`);
  return entry;
}

/** The six-word runs of a text (words folded to lower case), by which two reports of one wire copy are told apart from two reports. */
export function wordRuns(text: string, length = 6): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const runs = new Set<string>();
  for (let i = 0; i + length <= words.length; i++) runs.add(words.slice(i, i + length).join(' '));
  return runs;
}

/** The share of a text's six-word runs that earlier texts already hold: above 0.3, it is the same report. */
export function sharedRunShare(text: string, earlier: ReadonlySet<string>): number {
  const runs = wordRuns(text);
  if (runs.size === 0) return 0;
  let shared = 0;
  for (const r of runs) if (earlier.has(r)) shared++;
  return shared / runs.size;
}
