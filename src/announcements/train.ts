import { writeFileSync } from 'node:fs';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { type Candidate, decisionSlot, featureNames } from './features.ts';
import { type DevItem, labelKeys, loadDevset, tripleKey } from './eval.ts';
import { createExtractor } from './extractor.ts';
import { loadFitted } from './realset.ts';
import { candidateStems, probability, type ScorerModel, vector } from './scorer.ts';

const teamWeight = 1;
/**
 * The precision the threshold must reach on cross-validation. Between 0.45 and 0.60 the F1 curve is
 * flat, so the bar sits where two readings in three are right: a wrong post costs more than a late one.
 */
const minPrecision = 0.65;
/** The most frequent word stems of the tune part's candidate sentences, each in at least `minStemItems` candidates. */
const stemCount = 400;
const minStemItems = 5;
/** Penalties: the named features are few and meant; the words are many and learned, so held back more. */
const featurePenalty = 10;
const wordPenalty = 30;

type LabelKey = ReturnType<typeof labelKeys>;

interface Example {
  item: number;
  /** How much the example counts: the team's own texts count less than published ones. */
  weight: number;
  /** Club and platform (and whether a dated join), for the one-action-per-platform rule. */
  slot: string;
  /** The candidate's triple, as the labels are keyed. */
  key: string;
  /** The words that proposed it, for the error list. */
  cue: string;
  x: number[];
  y: 0 | 1;
}

/**
 * Logistic regression by Newton's method with an L2 penalty (the bias is not penalised): a few
 * exact steps, so the same data always give the same weights.
 */
function fitLogistic(examples: readonly Example[], opts = { iterations: 25 }): number[] {
  const d = examples[0]?.x.length ?? featureNames.length;
  const penalty = (i: number): number => (i < featureNames.length ? featurePenalty : wordPenalty);
  const w = new Array<number>(d).fill(0);
  const pos = examples.filter((e) => e.y === 1).length;
  const n = Math.max(1, examples.length);
  // Positives and negatives weigh the same in total, so the rarer class is not drowned.
  const wPos = pos > 0 ? n / (2 * pos) : 1;
  const wNeg = n - pos > 0 ? n / (2 * (n - pos)) : 1;
  for (let it = 0; it < opts.iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const p = probability(w, e.x);
      const c = (e.y === 1 ? wPos : wNeg) * e.weight;
      const r = c * (e.y - p);
      const h = c * p * (1 - p);
      const nonZero = nonZeroOf(e);
      for (const i of nonZero) {
        const xi = e.x[i] as number;
        grad[i] = (grad[i] as number) + r * xi;
        const row = hess[i] as number[];
        for (const j of nonZero) row[j] = (row[j] as number) + h * xi * (e.x[j] as number);
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] = (grad[i] as number) - penalty(i) * (w[i] as number);
      (hess[i] as number[])[i] = ((hess[i] as number[])[i] as number) + penalty(i);
    }
    (hess[0] as number[])[0] = ((hess[0] as number[])[0] as number) + 1e-6;
    const step = solve(hess, grad);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i] = (w[i] as number) + (step[i] as number);
      change = Math.max(change, Math.abs(step[i] as number));
    }
    if (change < 1e-6) break;
  }
  return w.map((x) => Math.round(x * 10000) / 10000);
}

const nonZeros = new WeakMap<Example, number[]>();

function nonZeroOf(e: Example): number[] {
  let found = nonZeros.get(e);
  if (!found) {
    found = [];
    for (let i = 0; i < e.x.length; i++) if (e.x[i] !== 0) found.push(i);
    nonZeros.set(e, found);
  }
  return found;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const pr = m[col] as number[];
    const pv = pr[col] as number;
    if (Math.abs(pv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] as number) / pv;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return m.map((row, i) => {
    const pv = row[i] as number;
    return Math.abs(pv) < 1e-12 ? 0 : (row[n] as number) / pv;
  });
}

/** The decision rule of the extractor: per item and decision slot, the likeliest action at or above the threshold. */
function decide(threshold: number, scored: ReadonlyArray<{ e: Example; p: number }>): Array<{ e: Example; p: number }> {
  const best = new Map<string, { e: Example; p: number }>();
  for (const s of scored) {
    if (s.p < threshold) continue;
    const k = `${s.e.item}|${s.e.slot}`;
    const b = best.get(k);
    if (!b || b.p < s.p) best.set(k, s);
  }
  return [...best.values()];
}

/** Triple-level F1 with the decision rule of the extractor. */
function f1At(threshold: number, scored: Array<{ e: Example; p: number }>, totalGold: number): { f1: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  for (const s of decide(threshold, scored)) if (s.e.y === 1) tp++; else fp++;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = totalGold === 0 ? 1 : tp / totalGold;
  return { f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall };
}

/**
 * What the cross-validated scorer got wrong on each tune item: labelled triples it missed (with the
 * best score their candidate had, or "never proposed") and triples it reported that are not labelled.
 */
function errorLines(items: readonly DevItem[], keyOf: LabelKey, decided: ReadonlyArray<{ e: Example; p: number }>, scored: ReadonlyArray<{ e: Example; p: number }>): string[] {
  const bestOf = new Map<string, number>();
  for (const s of scored) {
    const k = `${s.e.item}|${s.e.key}`;
    bestOf.set(k, Math.max(bestOf.get(k) ?? 0, s.p));
  }
  const reported = new Map<number, Array<{ e: Example; p: number }>>();
  for (const s of decided) reported.set(s.e.item, [...(reported.get(s.e.item) ?? []), s]);
  const lines: string[] = [];
  items.forEach((item, index) => {
    const got = new Set((reported.get(index) ?? []).map((s) => s.e.key));
    const missed = [...new Set(item.labels.map(keyOf))]
      .filter((k) => !got.has(k))
      .map((k) => {
        const p = bestOf.get(`${index}|${k}`);
        return `${k} (${p === undefined ? 'never proposed' : p.toFixed(2)})`;
      });
    const extra = (reported.get(index) ?? []).filter((s) => s.e.y === 0).map((s) => `${s.e.key} (${s.p.toFixed(2)}, ${s.e.cue})`);
    if (missed.length || extra.length) lines.push(`${item.id}: ${missed.length ? `missed ${missed.join('; ')}` : ''}${missed.length && extra.length ? ' / ' : ''}${extra.length ? `extra ${extra.join('; ')}` : ''}`);
  });
  return lines;
}

/** The word stems worth a weight: frequent enough among the tune part's candidates to be learned. */
function chooseStems(candidates: readonly Candidate[]): string[] {
  const counts = new Map<string, number>();
  for (const c of candidates) for (const s of candidateStems(c)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, n]) => n >= minStemItems)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, stemCount)
    .map(([s]) => s);
}

function inputsOf(c: Candidate, stems: ReadonlyMap<string, number>): number[] {
  const x = vector(c.features);
  const words = new Array<number>(stems.size).fill(0);
  for (const s of candidateStems(c)) {
    const at = stems.get(s);
    if (at !== undefined) words[at] = 1;
  }
  return [...x, ...words];
}

function examplesOf(items: readonly DevItem[], keyOf: LabelKey, candidatesOf: (item: DevItem) => Candidate[], stems: ReadonlyMap<string, number>, weight = 1, first = 0): { examples: Example[]; gold: number; covered: number } {
  const examples: Example[] = [];
  let gold = 0;
  let covered = 0;
  items.forEach((item, at) => {
    const index = first + at;
    const want = new Set(item.labels.map(keyOf));
    gold += want.size;
    const seen = new Set<string>();
    for (const c of candidatesOf(item)) {
      const k = tripleKey(c.club.id, c.club.name, c.platform, c.action);
      const y = want.has(k) ? 1 : 0;
      if (y) seen.add(k);
      examples.push({ item: index, weight, slot: decisionSlot(c), key: k, cue: c.cues[0] ?? '', x: inputsOf(c, stems), y });
    }
    covered += seen.size;
  });
  return { examples, gold, covered };
}

/** `npm run train`: fits the scorer on the tune part and writes its weights beside the extractor. */
export async function runTrainCommand(opts: { output: NodeJS.WritableStream; curve?: boolean; errors?: boolean }): Promise<void> {
  const items = loadFitted();
  const catalog = loadCatalog();
  const extractor = createExtractor(catalog, { model: null });
  const keyOf = labelKeys(catalog);
  const cache = new Map<DevItem, Candidate[]>();
  const candidatesOf = (item: DevItem): Candidate[] => {
    let found = cache.get(item);
    if (!found) {
      found = extractor.candidates({ text: item.text, lang: item.lang, authorClubId: item.authorClubId ?? null });
      cache.set(item, found);
    }
    return found;
  };
  const words = chooseStems(items.flatMap(candidatesOf));
  const stems = new Map(words.map((w, i) => [w, i]));
  const { examples, gold, covered } = examplesOf(items, keyOf, candidatesOf, stems);
  // The team's texts teach the hard negatives they were written for; they are never scored here.
  const team = examplesOf(loadDevset(), keyOf, candidatesOf, stems, teamWeight, items.length).examples;
  const crossValidated = (foldOf: (item: number) => string): Array<{ e: Example; p: number }> => {
    const out: Array<{ e: Example; p: number }> = [];
    for (const k of new Set(examples.map((e) => foldOf(e.item)))) {
      const w = fitLogistic([...examples.filter((e) => foldOf(e.item) !== k), ...team]);
      for (const e of examples.filter((x) => foldOf(x.item) === k)) out.push({ e, p: probability(w, e.x) });
    }
    return out;
  };
  const cv = crossValidated((item) => String(item % 5));
  // Each batch predicted by a scorer fitted on the others: how a change carries to a batch gathered later.
  const byBatch = crossValidated((item) => /-(r\d+)-/.exec(items[item]?.id ?? '')?.[1] ?? '');
  // The best F1 among readings at least `minPrecision` precise: a wrong post costs more than a late one.
  let threshold = 0.5;
  let bestF1 = -1;
  for (let t = 0.2; t <= 0.95; t += 0.01) {
    const s = f1At(t, cv, gold);
    if (s.precision >= minPrecision && s.f1 > bestF1) {
      bestF1 = s.f1;
      threshold = Math.round(t * 100) / 100;
    }
  }
  const cvScore = f1At(threshold, cv, gold);
  const batchScore = f1At(threshold, byBatch, gold);
  if (opts.curve) {
    for (let t = 0.2; t <= 0.95; t += 0.05) {
      const s = f1At(t, cv, gold);
      opts.output.write(`  threshold ${t.toFixed(2)}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}\n`);
    }
  }
  if (opts.errors) for (const line of errorLines(items, keyOf, decide(threshold, cv), cv)) opts.output.write(`${line}\n`);
  const fitted = fitLogistic([...examples, ...team]);
  const model: ScorerModel = {
    features: [...featureNames],
    weights: fitted.slice(0, featureNames.length),
    words,
    wordWeights: fitted.slice(featureNames.length),
    threshold,
    trainedOn: { items: items.length, candidates: examples.length, positives: examples.filter((e) => e.y === 1).length, date: new Date().toISOString().slice(0, 10) },
  };
  writeFileSync(new URL('./model/scorer.json', import.meta.url), `${JSON.stringify(model, null, 1)}\n`);
  const f = (x: number): string => x.toFixed(3);
  opts.output.write(
    `tune: ${items.length} items, ${gold} labelled triples, ${covered} of them among the candidates (${f(covered / Math.max(1, gold))})\n` +
      `candidates: ${examples.length}, threshold ${threshold}; cross-validated on tune: P ${f(cvScore.precision)} R ${f(cvScore.recall)} F1 ${f(cvScore.f1)}\n` +
      `each batch of tune scored by a scorer fitted on the others: P ${f(batchScore.precision)} R ${f(batchScore.recall)} F1 ${f(batchScore.f1)}\n` +
      `weights written to src/announcements/model/scorer.json\n`,
  );
}
