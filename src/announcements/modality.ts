import type { Action } from './announcement.ts';
import type { CueKind } from './lexicon/kinds.ts';
import { type CueMatch, type SentenceInfo, verbSecond } from './sentence.ts';
import type { Token } from './tokenize.ts';
import { actionWeight } from './weights.ts';

/**
 * What the words around an action word make of it: negation, modality, rumour, a pause rather than
 * a departure. Shared by the sentence rules and the candidate stage.
 */
export const actionCueKinds = new Set<CueKind>(['leave', 'stay', 'join', 'pause', 'return', 'delete', 'use', 'follow', 'migrate']);
const conditional: Record<string, RegExp> = {
  fr: /(?:rait|raient)$/,
  it: /(?:rebbe|rebbero)$/,
  es: /(?:ria|rian)$/,
  pt: /(?:ria|riam)$/,
};
/**
 * The imperfect of a verb whose stem ends in "r" also ends in "-rait" / "-ría": "le club ouvrait son
 * compte" (ouvrir; "ouvrirait" is the conditional), "entrait", "montrait", "inaugurait", "se
 * retirait", "gérait"; Spanish and Portuguese "abría" / "abria" (abrir; "abriría"). The conditional
 * adds "r" to the future's stem: "-erait" (not "-érait"), "-irait", "-drait", "-ttrait", "-îtrait",
 * "aurait", "-evrait", "-ivrait", "pourrait", "verrait".
 */
const imperfectOfAnRStem: Record<string, RegExp> = {
  fr: /(?:érai|[^tî]trai|[^a]urai|uvrai|ffrai|[^o]urrai|arrai|(?:^|re|at|é)tirai|[sx]pirai|mirai|^désirai|^virai|chavirai|soupirai|cadrai|ourai|^mourai)(?:t|ent)$/,
  es: /^(?:re)?abr[ií]an?$/,
  pt: /^(?:re)?abriam?$/,
};

/** Whether an action word is a conditional ("quitterait", "dejaría", "lascerebbe"), not an imperfect. */
function isConditional(lang: string, word: Token): boolean {
  const cond = conditional[lang];
  if (!cond?.test(word.folded)) return false;
  return !imperfectOfAnRStem[lang]?.test(word.surface.toLowerCase());
}
/** "war dort seit 2011 aktiv": a state in the past did not just begin. */
const pastState = new Set(['war', 'waren', 'was', 'were', 'etait', 'etaient', 'era', 'erano', 'estaba', 'estaban', 'estava', 'estavam', 'fue', 'foi']);
const germanModal = new Set(['würde', 'würden', 'könnte', 'könnten', 'dürfte', 'dürften', 'müsste', 'sollte', 'sollten']);

export function quote(info: SentenceInfo, c: CueMatch): string {
  return info.tokens.slice(c.start, c.end).map((t) => t.surface).join(' ');
}

/**
 * Keeps the longest action cue where several overlap ("se retire de" over "retire"). Worked out
 * once per sentence: the rules, the candidates and the sentences around ask for them again.
 */
export function actionCues(info: SentenceInfo): CueMatch[] {
  if (info.actionCues !== null) return info.actionCues;
  const list = info.cues.filter((c) => actionCueKinds.has(c.payload.kind));
  info.actionCues = list
    .filter((c) => !list.some((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start))
    .sort((a, b) => a.start - b.start);
  return info.actionCues;
}

export interface Modifiers {
  kinds: Set<CueKind>;
  quoted: string[];
  /** "seit 2013 aktiv", "presente en X desde mayo de 2008": a presence with its start dated. */
  dated: boolean;
}

const year = /^(19|20)\d\d$/;

export function modifiers(info: SentenceInfo, cue: CueMatch, argEnd: number): Modifiers {
  let from = Math.max(0, cue.start - 10);
  // A German infinitive after a comma keeps the negation before it: "hat nicht vor, X zu verlassen".
  const zu = info.tokens[cue.start - 1]?.folded === 'zu' || info.tokens[cue.start - 2]?.folded === 'zu' || info.tokens[cue.start]?.folded.includes('zu');
  let commas = info.lang === 'de' && zu ? 1 : 0;
  for (let i = cue.start; i > from; i--) {
    if (info.hard[i]) {
      from = i;
      break;
    }
    if (info.comma[i]) {
      if (commas-- > 0) {
        from = Math.max(0, i - 6);
        continue;
      }
      from = i;
      break;
    }
  }
  const kinds = new Set<CueKind>();
  const quoted: string[] = [];
  const cease = info.cues.filter((c) => c.payload.kind === 'cease');
  for (const c of info.cues) {
    const k = c.payload.kind;
    const before = c.start >= from && c.start < cue.start && c.end <= cue.end + 6;
    const wraps = (c.start < cue.start && c.end > cue.start) || (k === 'neg' && cue.payload.kind === 'follow' && c.start > cue.start && c.end <= cue.end);
    const onset = k === 'onset' && c.start >= from - 2 && c.start < cue.start;
    let after = false;
    if ((info.lang === 'fr' || verbSecond(info.lang)) && (k === 'neg' || k === 'modal' || k === 'undecided' || (k === 'cease' && verbSecond(info.lang)))) {
      // German and Dutch put "nicht", "niet" and "zur Debatte" at the end of the clause.
      const reach = verbSecond(info.lang) ? 8 : 2;
      // "verlässt X und kritisiert Elon Musk": a word after "und" belongs to the next clause.
      after = c.start >= cue.end && c.start <= Math.max(cue.end, argEnd) + reach && !crossesBoundary(info, cue.end, c.start) && !conjBetween(info, cue.end, c.start);
    }
    if (k === 'temp' || k === 'report' || k === 'nocomment') {
      if (k === 'report' && c.start >= cue.start) continue;
      kinds.add(k);
      quoted.push(`${k} "${quote(info, c)}"`);
      continue;
    }
    if (onset) {
      kinds.add(k);
      quoted.push(`${k} "${quote(info, c)}"`);
      continue;
    }
    if (!(before || wraps || after)) continue;
    if (k === 'neg' && cease.some((x) => x.start <= c.start && x.end >= c.end)) continue;
    // "deixou de publicar no X e passou a usar Instagram": a cessation belongs to the verb right after it.
    if (k === 'cease' && before && (cue.start - c.end > 3 || info.cues.some((x) => x.payload.kind === 'conj' && x.start >= c.end && x.end <= cue.start))) continue;
    if (k === 'continue' && cue.payload.kind === 'join' && (cue.start - c.end > 2 || info.cues.some((x) => (x.payload.kind === 'conj' || x.payload.kind === 'contrast') && x.start >= c.end && x.end <= cue.start))) continue;
    // "a répondu aux demandes ... et a confirmé qu'il restera": a report after the request starts a new statement.
    if (k === 'modal' && before && info.cues.some((x) => x.payload.kind === 'report' && x.start >= c.end && x.end <= cue.start)) continue;
    if (k === 'neg' || k === 'modal' || k === 'undecided' || k === 'deny' || k === 'cease' || k === 'continue') {
      kinds.add(k);
      quoted.push(`${k} "${quote(info, c)}"`);
    }
  }
  // The last negation and the last report before the cue, in its clause (-1: none).
  let lastNeg = -1;
  let lastReport = -1;
  for (const c of info.cues) {
    if (c.start < from || c.start >= cue.start) continue;
    if (c.payload.kind === 'neg') lastNeg = Math.max(lastNeg, c.start);
    else if (c.payload.kind === 'report') lastReport = Math.max(lastReport, c.start);
  }
  if (lastNeg >= 0 && lastReport >= 0 && lastNeg < lastReport) {
    kinds.add('undecided');
    quoted.push('undecided (the negation is about saying, not doing)');
  }
  // "seit 2013 aktiv", "active on Twitter since 2008": a start stated with its date, however long ago.
  const dated = info.cues.some(
    (c) => c.payload.kind === 'onset' && c.start >= from - 2 && c.start <= Math.max(cue.end, argEnd) + 4 && !crossesBoundary(info, Math.min(c.start, cue.end), Math.max(c.start, cue.end)) && info.tokens.slice(c.end, c.end + 4).some((t) => year.test(t.surface)),
  );
  if (dated && !kinds.has('onset')) {
    kinds.add('onset');
    quoted.push('onset (a dated start)');
  }
  if (!dated && kinds.has('onset') && info.tokens.slice(from, cue.start).some((t) => pastState.has(t.folded))) kinds.delete('onset');
  const first = info.tokens[cue.start];
  if (first && isConditional(info.lang, first) && !kinds.has('report') && !kinds.has('neg')) {
    kinds.add('modal');
    quoted.push(`modal "${first.surface}" (conditional)`);
  }
  if (info.lang === 'de') {
    for (let i = from; i < cue.start; i++) {
      const t = info.tokens[i];
      if (t && germanModal.has(t.surface.toLowerCase())) {
        kinds.add('modal');
        quoted.push(`modal "${t.surface}"`);
      }
    }
  }
  return { kinds, quoted, dated };
}

/** A conjunction between the two that starts another clause: not one that adds a platform or a club ("verlässt X und Instagram nicht"). */
function conjBetween(info: SentenceInfo, from: number, to: number): boolean {
  for (const c of info.cues) {
    if (c.payload.kind !== 'conj' || c.start < from || c.end > to) continue;
    if (info.platforms.some((p) => p.start === c.end) || info.clubs.some((m) => m.start === c.end)) continue;
    return true;
  }
  return false;
}

function crossesBoundary(info: SentenceInfo, from: number, to: number): boolean {
  for (let i = from + 1; i <= to; i++) if (info.hard[i] || info.comma[i]) return true;
  return false;
}

/** What the modifiers make of the cue: an action, or the reason to set it aside. */
export function finalAction(base: CueKind, m: Set<CueKind>): { action: Action; weight: number } | { reason: string } {
  const neg = m.has('neg');
  if (m.has('undecided')) return { reason: 'undecided' };
  if (base === 'use') {
    if (m.has('modal')) return { reason: 'considered, asked for or rumoured, not decided' };
    if ((neg || m.has('cease')) && m.has('temp')) return { action: 'pause', weight: actionWeight.pause };
    if (m.has('cease')) return { action: 'leave', weight: actionWeight.ceasedUse };
    if (m.has('continue') && !neg) return { action: 'stay', weight: actionWeight.continuedUse };
    if (m.has('onset') && !neg) return { action: 'join', weight: actionWeight.startedUse };
    return { reason: 'only says the club uses the platform' };
  }
  if (base === 'leave') {
    if (m.has('deny')) return neg ? { reason: 'does not rule it out' } : { action: 'stay', weight: actionWeight.deniedLeave };
    if (neg) return { action: 'stay', weight: actionWeight.refusedLeave };
    if (m.has('modal')) return { reason: 'considered, asked for or rumoured, not decided' };
    if (m.has('temp')) return { action: 'pause', weight: actionWeight.pause };
    return { action: 'leave', weight: actionWeight.leave };
  }
  if (m.has('modal')) return { reason: 'considered, asked for or rumoured, not decided' };
  if (base === 'stay') return neg ? { reason: 'negated stay' } : { action: 'stay', weight: actionWeight.stay };
  if (neg || m.has('deny')) return { reason: `negated ${base}` };
  // "mantiene su apuesta por X": keeping up a presence is staying.
  if (base === 'join' && m.has('continue')) return { action: 'stay', weight: actionWeight.continuedUse };
  // "a désactivé son compte pendant 24 heures", "deactivated its account for 13 hours": a silence.
  if (base === 'delete' && m.has('temp')) return { action: 'pause', weight: actionWeight.pause };
  if (base === 'join' || base === 'pause' || base === 'return' || base === 'delete') {
    return { action: base, weight: base === 'delete' ? actionWeight.delete : actionWeight.join };
  }
  return { reason: `unhandled cue ${base}` };
}
