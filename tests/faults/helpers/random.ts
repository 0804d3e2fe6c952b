/**
 * A small seeded generator (mulberry32), so a failing fault run can be replayed exactly: every
 * suite logs its seed, and `CLUBWATCH_FAULT_SEED=<seed>` runs it again with the same choices.
 */
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('nothing to pick from');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability) => next() < probability,
  };
}

/** The seed from CLUBWATCH_FAULT_SEED, or a fresh one; printed so the run can be replayed. */
export function faultSeed(suite: string): number {
  const fixed = process.env['CLUBWATCH_FAULT_SEED'];
  const seed = fixed !== undefined && fixed !== '' ? Number(fixed) >>> 0 : Math.floor(Math.random() * 2 ** 32);
  process.stderr.write(`${suite}: seed ${seed} (replay with CLUBWATCH_FAULT_SEED=${seed})\n`);
  return seed;
}
