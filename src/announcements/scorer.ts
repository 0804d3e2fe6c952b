import { type Candidate, type FeatureName, featureNames, type Features } from './features.ts';
import fittedModel from './model/scorer.json' with { type: 'json' };

/**
 * A logistic regression over the candidates' features and the words of their sentence, fitted by
 * `npm run train` on the tune part.
 */
export interface ScorerModel {
  features: string[];
  weights: number[];
  /** Word stems (the first letters of a folded word) whose presence in the candidate's sentence counts. */
  words: string[];
  wordWeights: number[];
  /** Candidates scoring at or above it are announcements. */
  threshold: number;
  trainedOn: { items: number; candidates: number; positives: number; date: string };
}

/** How many letters of a folded word make its stem: enough to join "quitte", "quitter", "quittent". */
const stemLength = 6;

/** Fitted weights, imported so that the compiled build carries them too. */
export function loadScorerModel(): ScorerModel | null {
  const model = fittedModel as Partial<ScorerModel> & Pick<ScorerModel, 'features' | 'weights' | 'threshold' | 'trainedOn'>;
  // A model fitted for other features would weigh the wrong facts: the rules alone are safer.
  if (model.features.length !== featureNames.length || model.features.some((f, i) => f !== featureNames[i])) return null;
  const words = model.words ?? [];
  const wordWeights = model.wordWeights ?? [];
  if (words.length !== wordWeights.length) return null;
  return { ...model, words, wordWeights };
}

export function vector(f: Features): number[] {
  return featureNames.map((n: FeatureName) => f[n]);
}

const sentenceStems = new WeakMap<object, string[]>();

/** The distinct word stems of the sentence a candidate was read in (once per sentence: many candidates share one). */
export function candidateStems(c: Candidate): string[] {
  const sentence = c.sentence;
  if (!sentence) return [];
  let found = sentenceStems.get(sentence);
  if (!found) {
    const stems = new Set<string>();
    for (const t of sentence.tokens) {
      const code = t.folded.charCodeAt(0);
      if (code >= 97 && code <= 122) stems.add(t.folded.slice(0, stemLength));
    }
    found = [...stems];
    sentenceStems.set(sentence, found);
  }
  return found;
}

export function probability(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * (x[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

const wordIndexes = new WeakMap<ScorerModel, Map<string, number>>();

function wordIndex(model: ScorerModel): Map<string, number> {
  let index = wordIndexes.get(model);
  if (!index) {
    index = new Map(model.words.map((w, i) => [w, model.wordWeights[i] ?? 0]));
    wordIndexes.set(model, index);
  }
  return index;
}

export function scoreCandidate(model: ScorerModel, c: Candidate): number {
  let z = 0;
  for (let i = 0; i < featureNames.length; i++) z += (model.weights[i] ?? 0) * c.features[featureNames[i] as FeatureName];
  const words = wordIndex(model);
  if (words.size > 0) for (const stem of candidateStems(c)) z += words.get(stem) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
