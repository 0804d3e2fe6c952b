import { type Candidate, type FeatureName, featureNames, type Features } from './candidates.ts';
import fittedModel from './model/scorer.json' with { type: 'json' };

/** A logistic regression over the candidates' features, fitted by `npm run train` on the tune part. */
export interface ScorerModel {
  features: string[];
  weights: number[];
  /** Candidates scoring at or above it are announcements. */
  threshold: number;
  trainedOn: { items: number; candidates: number; positives: number; date: string };
}

/** Fitted weights, imported so that the compiled build carries them too. */
export function loadScorerModel(): ScorerModel | null {
  const model = fittedModel as ScorerModel;
  // A model fitted for other features would weigh the wrong facts: the rules alone are safer.
  if (model.features.length !== featureNames.length || model.features.some((f, i) => f !== featureNames[i])) return null;
  return model;
}

export function vector(f: Features): number[] {
  return featureNames.map((n: FeatureName) => f[n]);
}

export function probability(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * (x[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export function scoreCandidate(model: ScorerModel, c: Candidate): number {
  return probability(model.weights, vector(c.features));
}
