import { loadCatalog } from '../catalog/load-catalog.ts';
import { UserError } from '../errors.ts';
import { type DevItem, type Evaluation, evaluate, loadDevset, type Score } from './eval.ts';
import { createExtractor } from './extractor.ts';
import { loadBatch, loadHistory, loadManifest, loadPart, recordScore } from './realset.ts';

export interface EvalOptions {
  output: NodeJS.WritableStream;
  json?: boolean;
  /** `tune`, `fresh`, `devset` (the team's own texts) or a batch name; both parts when absent. */
  set?: string | undefined;
  /** Records the score of this batch in the history. */
  record?: string | undefined;
  /** With `record`: what was scored, in one line. */
  note?: string | undefined;
  /** Lists the items where the extractor and the labels disagree. */
  errors?: boolean;
}

function row(label: string, s: Score): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}`.padStart(7);
  return `  ${label.padEnd(9)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}`;
}

function table(title: string, result: Evaluation): string[] {
  const lines = [`${title}: ${result.items} items`, `  ${''.padEnd(9)}   prec    rec     f1    tp    fp    fn`, row('overall', result.overall), ''];
  for (const [l, s] of Object.entries(result.byLanguage)) lines.push(row(l, s));
  lines.push('');
  for (const [a, s] of Object.entries(result.byAction)) lines.push(row(a, s));
  return lines;
}

function errorLines(result: Evaluation): string[] {
  return result.errors.map((e) => `  ${e.id}: ${e.missed.length ? `missed ${e.missed.join('; ')}` : ''}${e.missed.length && e.extra.length ? ' / ' : ''}${e.extra.length ? `extra ${e.extra.join('; ')}` : ''}`);
}

function chosenSets(set: string | undefined): Array<{ title: string; items: DevItem[] }> {
  if (set === undefined) {
    return [
      { title: 'fresh (real texts no rule was written against)', items: loadPart('fresh') },
      { title: 'tune (real texts the rules were developed on)', items: loadPart('tune') },
    ];
  }
  if (set === 'tune' || set === 'fresh') return [{ title: set, items: loadPart(set) }];
  if (set === 'devset') return [{ title: 'devset (written by the team: unit tests, not a measure)', items: loadDevset() }];
  if (loadManifest().some((b) => b.name === set)) return [{ title: `batch ${set}`, items: loadBatch(set) }];
  throw new UserError(`unknown set "${set}": use tune, fresh, devset or a batch name of the real set`);
}

/** `clubwatch eval`: scores the extractor on the real set (fresh and tune apart), with the history. */
export async function runEvalCommand(opts: EvalOptions): Promise<void> {
  const catalog = loadCatalog();
  const extractor = createExtractor(catalog);
  if (opts.record !== undefined) {
    const batch = loadManifest().find((b) => b.name === opts.record);
    if (!batch) throw new UserError(`unknown batch "${opts.record}"`);
    const result = evaluate(extractor, loadBatch(batch.name), catalog);
    const entry = recordScore(batch, result, opts.note ?? 'unnamed', new Date().toISOString().slice(0, 10));
    opts.output.write(`${JSON.stringify(entry)}\n`);
    return;
  }
  const sets = chosenSets(opts.set).map((s) => ({ ...s, result: evaluate(extractor, s.items, catalog) }));
  if (opts.json) {
    const out = sets.map(({ title, result }) => ({ set: title, ...result, errors: opts.errors ? result.errors : undefined }));
    opts.output.write(`${JSON.stringify({ sets: out, history: loadHistory() })}\n`);
    return;
  }
  const lines: string[] = [];
  for (const { title, result } of sets) {
    lines.push(...table(title, result), '');
    if (opts.errors) lines.push(...errorLines(result), '');
  }
  if (opts.set === undefined) {
    lines.push('History (each batch scored first before any change made for it):');
    for (const h of loadHistory()) {
      const f = (x: number): string => x.toFixed(3);
      lines.push(`  ${h.date} ${h.batch.padEnd(4)} ${h.part.padEnd(5)} ${String(h.items).padStart(4)} items  P ${f(h.overall.precision)}  R ${f(h.overall.recall)}  F1 ${f(h.overall.f1)}${h.first ? '  (first score)' : ''}  ${h.extractor}`);
    }
  }
  opts.output.write(`${lines.join('\n')}\n`);
}
