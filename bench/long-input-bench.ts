import type { Extractor } from '../src/announcements/extractor.ts';
import type { CatalogEntry } from '../src/catalog/types.ts';
import { corpusText } from './corpus-text.ts';
import { benchLanguages } from './feed-corpus.ts';
import { cpuSince, progress } from './measure.ts';

export interface LongInputFigures {
  /** The slowest extraction of a 100 KB input, in ms of CPU. */
  extract_100kb_ms: number;
  long_input_detail: { inputs: number; bytes: number; samples_ms: number[] };
}

const inputBytes = 100_000;
const repeats = 5;

/**
 * The extractor on inputs of 100 KB: per language, an article made of every kind of sentence the
 * generated news holds (announcements included), and one hostile text, a single sentence of club
 * names, platform names and action words with no full stop. The slowest of several runs counts.
 */
export function runLongInputBench(extractor: Extractor, clubs: readonly CatalogEntry[]): LongInputFigures {
  const names = clubs.filter((c) => c.kind === 'club').map((c) => c.name);
  const inputs: Array<{ text: string; lang: string }> = [];
  for (const lang of benchLanguages) {
    const t = corpusText[lang];
    const sentences = [...t.headlines, ...t.fillers, ...t.nearMisses, ...t.announcements.flat()];
    let text = '';
    for (let i = 0; text.length < inputBytes; i++) {
      const sentence = sentences[i % sentences.length] as string;
      text += `${sentence.replaceAll('{club}', names[i % names.length] as string).replaceAll('{other}', names[(i * 7 + 3) % names.length] as string).replaceAll('{n}', String(i)).replaceAll('{player}', t.players[i % t.players.length] as string)}. `;
    }
    inputs.push({ text: text.slice(0, inputBytes), lang });
  }
  let hostile = '';
  for (let i = 0; hostile.length < inputBytes; i++) hostile += `${names[i % names.length]} quitte X rejoint Bluesky verlässt Twitter, `;
  inputs.push({ text: hostile.slice(0, inputBytes), lang: 'fr' });

  for (const input of inputs) extractor.extract(input);
  const samples: number[] = [];
  for (const input of inputs) {
    let worst = 0;
    for (let r = 0; r < repeats; r++) {
      const timer = cpuSince();
      extractor.extract(input);
      worst = Math.max(worst, timer().cpuS * 1000);
    }
    samples.push(Math.round(worst * 10) / 10);
  }
  progress(`long inputs: slowest 100 KB extraction ${Math.max(...samples).toFixed(1)} ms of CPU`);
  return {
    extract_100kb_ms: Math.max(...samples),
    long_input_detail: { inputs: inputs.length, bytes: inputBytes, samples_ms: samples },
  };
}
