import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalise } from '../catalog/normalise.ts';
import type { Catalog } from '../catalog/types.ts';
import { type Action, actions, type Platform, type ReadLanguage, readLanguages } from './announcement.ts';
import type { Extractor } from './extractor.ts';

/** One labelled item: a published text (real set) or a text written by the team (unit set). */
export interface DevItem {
  id: string;
  lang: ReadLanguage;
  text: string;
  /** Where a real text was published. */
  source?: string;
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
  items: number;
  overall: Score;
  byLanguage: Partial<Record<ReadLanguage, Score>>;
  byAction: Partial<Record<Action, Score>>;
  /** Items where the extractor and the labels disagree, for reading. */
  errors: Array<{ id: string; missed: string[]; extra: string[] }>;
}

const fixturesDir = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const devsetDir = join(fixturesDir, 'devset');
export const realsetDir = join(fixturesDir, 'realset');

/** Reads JSON Lines files of labelled items; `files` limits it to those names. */
export function loadItems(dir: string, files?: readonly string[]): DevItem[] {
  const items: DevItem[] = [];
  const names = files ?? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  for (const file of names) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() !== '') items.push(JSON.parse(line) as DevItem);
    }
  }
  return items;
}

/** The team-written items, kept as unit tests of the rules; they count in no headline figure. */
export function loadDevset(dir: string = devsetDir): DevItem[] {
  return loadItems(dir);
}

/** Words that say "club" in a name and nothing about which one. */
const clubWords = new Set('fc sc sv cf ac as rc us ss ssc cd ud sd afc cfc vfb vfl tsg fk sk bk if ik club clube calcio futebol football de do da del di la le el 1'.split(' '));

/** A club out of the catalog is matched by its name, with "FC" and the like left out. */
function nameKey(name: string): string {
  const words = normalise(name).split(' ').filter((w) => w !== '' && !clubWords.has(w));
  return words.join(' ');
}

/** The triple as scored: a catalog id, else the club's name without "FC" and the like. */
export function tripleKey(club: string | null, name: string | undefined, platform: string, action: string): string {
  return `${club ?? `?${nameKey(name ?? '')}`} ${platform} ${action}`;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

type Label = DevItem['labels'][number];

/**
 * How labels are keyed: a label written while its club was out of the catalog names the club only
 * ("Partick Thistle"); once the catalog knows that name, and only one entry has it, the label means
 * that entry, as the extractor then says it.
 */
export function labelKeys(catalog: Catalog): (label: Label) => string {
  const byName = new Map<string, string | null>();
  const add = (k: string, id: string): void => {
    const other = byName.get(k);
    byName.set(k, other === undefined || other === id ? id : null);
  };
  for (const e of catalog.entries) {
    const ambiguous = new Set(e.ambiguous.map(normalise));
    const ambiguousKeys = new Set(e.ambiguous.map(nameKey));
    for (const n of [e.name, ...e.shortNames, ...e.aliases]) {
      // "FC Dordrecht" in full, though "Dordrecht" alone is ambiguous; "Partick Thistle" without "FC".
      if (!ambiguous.has(normalise(n))) add(`=${normalise(n)}`, e.id);
      if (nameKey(n) !== '' && !ambiguousKeys.has(nameKey(n))) add(nameKey(n), e.id);
    }
  }
  const resolve = (name: string): string | null => byName.get(`=${normalise(name)}`) ?? byName.get(nameKey(name)) ?? null;
  return (l) => tripleKey(l.club ?? (l.name === undefined ? null : resolve(l.name)), l.name, l.platform, l.action);
}

/** Micro-averaged precision, recall and F1 over (club, platform, action) triples. */
export function evaluate(extractor: Extractor, items: readonly DevItem[], catalog: Catalog): Evaluation {
  const keyOf = labelKeys(catalog);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (k: string, field: 'tp' | 'fp' | 'fn'): void => {
    const c = counts.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(k, c);
  };
  const errors: Evaluation['errors'] = [];
  for (const item of items) {
    const found = extractor.extract({ text: item.text, lang: item.lang, authorClubId: item.authorClubId ?? null });
    const got = new Map(found.map((a) => [tripleKey(a.club.id, a.club.name, a.platform, a.action), a.action]));
    const want = new Map(item.labels.map((l) => [keyOf(l), l.action]));
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
  for (const l of readLanguages) if (items.some((i) => i.lang === l)) byLanguage[l] = get(`lang:${l}`);
  const byAction: Evaluation['byAction'] = {};
  for (const a of actions) if (counts.has(`action:${a}`)) byAction[a] = get(`action:${a}`);
  return { items: items.length, overall: get('all'), byLanguage, byAction, errors };
}
