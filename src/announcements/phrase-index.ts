import type { Token } from './tokenize.ts';

/**
 * A token trie: finds every listed phrase in a run of tokens in one pass, without regular
 * expressions. A phrase is folded words separated by spaces; a word ending in `*` matches any
 * word starting with it (at least three letters before the star); `a ... b` matches `a`, then
 * `b` within a few words after it ("zieht sich von X zurück").
 */

/**
 * A node's parts exist only once something is put in them: the name index holds every club name
 * (tens of thousands of nodes), most of them leaves, and an empty Map and three empty arrays per
 * node were most of the bot's heap.
 */
interface Node<P> {
  /** Some phrase through this node is marked (an action cue). */
  marked: boolean;
  next: Map<string, Node<P>> | null;
  stems: Array<[string, Node<P>]> | null;
  payloads: P[] | null;
  /** Second parts of discontinuous phrases ending here. */
  tails: Array<{ words: string[]; payload: P; toClauseEnd: boolean }> | null;
}

export interface PhraseMatch<P> {
  /** First token index. */
  start: number;
  /** One past the last token index. */
  end: number;
  payload: P;
}

type TokenSlot = 'starts' | 'nameStarts';

const tailWindow = 7;
/**
 * A separable verb's particle closes its clause, however long the clause ("stellt mit sofortiger
 * Wirkung seine Aktivitäten auf der Plattform X, ehemals Twitter, ein."): for a phrase added with
 * `toClauseEnd`, a second part further than `tailWindow` words is taken where punctuation or the
 * sentence's end follows it.
 */
const clauseEndWindow = 18;
const startCacheLimit = 100_000;
const none: ReadonlyArray<never> = [];

function node<P>(): Node<P> {
  return { marked: false, next: null, stems: null, payloads: null, tails: null };
}

function wordMatches(word: string, token: string): boolean {
  return word.endsWith('*') ? token.startsWith(word.slice(0, -1)) : word === token;
}

export class PhraseIndex<P> {
  readonly #root = node<P>();
  /** Root stems by their first three letters, so a token checks only a handful. */
  readonly #rootStems = new Map<string, Array<[string, Node<P>]>>();
  readonly #startCache = new Map<string, ReadonlyArray<Node<P>>>();
  readonly #mark: (payload: P) => boolean;
  /** Where this index keeps its start nodes on a token: two indexes may read the same tokens. */
  readonly #slot: TokenSlot;

  /** `mark` picks the phrases `anyMarked` looks for. */
  constructor(mark: (payload: P) => boolean = () => false, slot: TokenSlot = 'starts') {
    this.#mark = mark;
    this.#slot = slot;
  }

  add(phrase: string, payload: P, toClauseEnd = false): void {
    this.#startCache.clear();
    const marked = this.#mark(payload);
    const [head = '', tail] = phrase.split(' ... ');
    const words = head.split(' ').filter((w) => w !== '');
    if (words.length === 0) return;
    let n = this.#root;
    words.forEach((w, i) => {
      if (w.endsWith('*')) {
        const stem = w.slice(0, -1);
        const list = i === 0 ? this.#rootStemList(stem) : n.stems;
        let found = list?.find(([s]) => s === stem)?.[1];
        if (!found) {
          found = node<P>();
          if (list) list.push([stem, found]);
          else n.stems = [[stem, found]];
        }
        n = found;
        if (marked) n.marked = true;
      } else {
        const next = (n.next ??= new Map());
        let found = next.get(w);
        if (!found) {
          found = node<P>();
          next.set(w, found);
        }
        n = found;
        if (marked) n.marked = true;
      }
    });
    // `[x]` rather than `[].push(x)`: a pushed-to empty array keeps room for 17.
    if (tail !== undefined) {
      const entry = { words: tail.split(' ').filter((w) => w !== ''), payload, toClauseEnd };
      if (n.tails) n.tails.push(entry);
      else n.tails = [entry];
    } else if (n.payloads) n.payloads.push(payload);
    else n.payloads = [payload];
  }

  #rootStemList(stem: string): Array<[string, Node<P>]> {
    const key = stem.slice(0, 3);
    let list = this.#rootStems.get(key);
    if (!list) {
      list = [];
      this.#rootStems.set(key, list);
    }
    return list;
  }

  /** Whether a marked phrase occurs in the tokens: the walk of findAll, stopping at the first marked payload. */
  anyMarked(tokens: readonly Token[]): boolean {
    for (let i = 0; i < tokens.length; i++) {
      const starts = this.#startsOf(tokens[i] as Token);
      for (const n of starts) if (n.marked && this.#markedFrom(tokens, i + 1, n)) return true;
    }
    return false;
  }

  #markedFrom(tokens: readonly Token[], pos: number, n: Node<P>): boolean {
    if (n.payloads) for (const payload of n.payloads) if (this.#mark(payload)) return true;
    if (n.tails) for (const { words, payload, toClauseEnd } of n.tails) if (this.#mark(payload) && tailStart(tokens, pos, words, toClauseEnd) >= 0) return true;
    const t = tokens[pos];
    if (!t || (!n.next && !n.stems)) return false;
    const f = t.folded;
    const exact = n.next?.get(f);
    if (exact && this.#markedFrom(tokens, pos + 1, exact)) return true;
    if (n.stems) for (const [s, child] of n.stems) if (f.startsWith(s) && this.#markedFrom(tokens, pos + 1, child)) return true;
    return false;
  }

  #startsOf(token: Token): ReadonlyArray<Node<P>> {
    // A token belongs to one item, read with one index per slot: the start nodes are kept on it.
    // Each slot read by its name: a property named by a variable is a slower, generic lookup.
    const cached = this.#slot === 'starts' ? token.starts : token.nameStarts;
    if (cached !== undefined) return cached as ReadonlyArray<Node<P>>;
    const starts = this.#starts(token.folded);
    if (this.#slot === 'starts') token.starts = starts;
    else token.nameStarts = starts;
    return starts;
  }

  /** Every phrase occurrence in the tokens, in order of start. */
  findAll(tokens: readonly Token[]): Array<PhraseMatch<P>> {
    const out: Array<PhraseMatch<P>> = [];
    for (let i = 0; i < tokens.length; i++) {
      const starts = this.#startsOf(tokens[i] as Token);
      if (starts === none) continue;
      for (const n of starts) this.#walk(tokens, i, i + 1, n, out);
    }
    return out;
  }

  /** The nodes a word can start a phrase from; remembered, since words recur across items. */
  #starts(f: string): ReadonlyArray<Node<P>> {
    let starts = this.#startCache.get(f);
    if (starts !== undefined) return starts;
    const found: Array<Node<P>> = [];
    const exact = this.#root.next?.get(f);
    if (exact) found.push(exact);
    if (f.length >= 3) {
      const stems = this.#rootStems.get(f.slice(0, 3));
      if (stems) for (const [s, n] of stems) if (f.startsWith(s)) found.push(n);
    }
    starts = found.length === 0 ? (none as ReadonlyArray<Node<P>>) : found;
    if (this.#startCache.size >= startCacheLimit) this.#startCache.clear();
    this.#startCache.set(f, starts);
    return starts;
  }

  #walk(
    tokens: readonly Token[],
    start: number,
    pos: number,
    n: Node<P>,
    out: Array<PhraseMatch<P>>,
  ): void {
    if (n.payloads) for (const payload of n.payloads) out.push({ start, end: pos, payload });
    if (n.tails) this.#tails(tokens, start, pos, n.tails, out);
    const t = tokens[pos];
    if (!t || (!n.next && !n.stems)) return;
    const f = t.folded;
    const exact = n.next?.get(f);
    if (exact) this.#walk(tokens, start, pos + 1, exact, out);
    if (n.stems) for (const [s, child] of n.stems) if (f.startsWith(s)) this.#walk(tokens, start, pos + 1, child, out);
  }

  #tails(tokens: readonly Token[], start: number, pos: number, tails: NonNullable<Node<P>['tails']>, out: Array<PhraseMatch<P>>): void {
    for (const { words, payload, toClauseEnd } of tails) {
      const j = tailStart(tokens, pos, words, toClauseEnd);
      if (j >= 0) out.push({ start, end: j + words.length, payload });
    }
  }
}

/** Where the words of a discontinuous phrase's second part start within the window after `pos`, or -1. */
function tailStart(tokens: readonly Token[], pos: number, words: readonly string[], toClauseEnd: boolean): number {
  const limit = Math.min(tokens.length, pos + (toClauseEnd ? clauseEndWindow : tailWindow));
  for (let j = pos; j < limit; j++) {
    if (!words.every((w, k) => tokens[j + k] !== undefined && wordMatches(w, (tokens[j + k] as Token).folded))) continue;
    if (j < pos + tailWindow || closesClause(tokens, j + words.length)) return j;
  }
  return -1;
}

/** Conjunctions that start the next clause right after a separable verb's particle ("stieg … aus und begründete"). */
const clauseConjunctions = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'doch', 'en', 'of', 'maar', 'want']);

function closesClause(tokens: readonly Token[], next: number): boolean {
  const t = tokens[next];
  return t === undefined || /[.,;:!?]/.test(t.before) || clauseConjunctions.has(t.folded);
}

