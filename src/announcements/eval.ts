import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { type Action, actions, type Language, languages, type Platform } from './announcement.ts';
import { createExtractor, type Extractor } from './extractor.ts';

/** One labelled item of the development set. */
export interface DevItem {
  id: string;
  lang: Language;
  text: string;
  authorClubId?: string;
  labels: Array<{ club: string | null; name?: string; platform: Platform; action: Action }>;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Evaluation {
  overall: Score;
  byLanguage: Partial<Record<Language, Score>>;
  byAction: Partial<Record<Action, Score>>;
  /** Items where the extractor and the labels disagree, for reading. */
  errors: Array<{ id: string; missed: string[]; extra: string[] }>;
}

const defaultDevsetDir = fileURLToPath(new URL('../../tests/fixtures/devset/', import.meta.url));

/** Reads every `*.jsonl` file of the development set. */
export function loadDevset(dir: string = defaultDevsetDir): DevItem[] {
  const items: DevItem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() !== '') items.push(JSON.parse(line) as DevItem);
    }
  }
  return items;
}

function key(club: string | null, name: string | undefined, platform: string, action: string): string {
  return `${club ?? `?${(name ?? '').toLowerCase()}`} ${platform} ${action}`;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Micro-averaged precision, recall and F1 over (club, platform, action) triples. */
export function evaluate(extractor: Extractor, items: readonly DevItem[]): Evaluation {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (k: string, field: 'tp' | 'fp' | 'fn'): void => {
    const c = counts.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(k, c);
  };
  const errors: Evaluation['errors'] = [];
  for (const item of items) {
    const found = extractor.extract({ text: item.text, lang: item.lang, authorClubId: item.authorClubId ?? null });
    const got = new Map(found.map((a) => [key(a.club.id, a.club.name, a.platform, a.action), a.action]));
    const want = new Map(item.labels.map((l) => [key(l.club, l.name, l.platform, l.action), l.action]));
    const missed: string[] = [];
    const extra: string[] = [];
    for (const [k, action] of want) {
      const hit = got.has(k);
      for (const scope of ['all', `lang:${item.lang}`, `action:${action}`]) bump(scope, hit ? 'tp' : 'fn');
      if (!hit) missed.push(k);
    }
    for (const [k, action] of got) {
      if (want.has(k)) continue;
      for (const scope of ['all', `lang:${item.lang}`, `action:${action}`]) bump(scope, 'fp');
      extra.push(k);
    }
    if (missed.length > 0 || extra.length > 0) errors.push({ id: item.id, missed, extra });
  }
  const get = (k: string): Score => {
    const c = counts.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    return score(c.tp, c.fp, c.fn);
  };
  const byLanguage: Evaluation['byLanguage'] = {};
  for (const l of languages) if (items.some((i) => i.lang === l)) byLanguage[l] = get(`lang:${l}`);
  const byAction: Evaluation['byAction'] = {};
  for (const a of actions) if (counts.has(`action:${a}`)) byAction[a] = get(`action:${a}`);
  return { overall: get('all'), byLanguage, byAction, errors };
}

function row(label: string, s: Score): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}`.padStart(6);
  return `${label.padEnd(10)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}`;
}

/** `clubwatch eval`: scores the extractor on the development set, as a table or as JSON. */
export async function runEvalCommand(opts: { output: NodeJS.WritableStream; json?: boolean }): Promise<void> {
  const items = loadDevset();
  const result = evaluate(createExtractor(loadCatalog()), items);
  if (opts.json) {
    const { errors, ...scores } = result;
    opts.output.write(`${JSON.stringify({ items: items.length, ...scores, errors })}\n`);
    return;
  }
  const lines = [`Development set: ${items.length} items`, `${''.padEnd(10)}  prec   rec    f1    tp    fp    fn`];
  lines.push(row('overall', result.overall), '');
  for (const [l, s] of Object.entries(result.byLanguage)) lines.push(row(l, s));
  lines.push('');
  for (const [a, s] of Object.entries(result.byAction)) lines.push(row(a, s));
  opts.output.write(`${lines.join('\n')}\n`);
}
