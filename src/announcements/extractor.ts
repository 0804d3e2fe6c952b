import type { Catalog } from '../catalog/types.ts';
import type { Announcement, ClubRef, Explanation, ExtractInput, Platform, ReadLanguage } from './announcement.ts';
import { decideSentence, type Decision } from './decide.ts';
import { detectLanguage } from './language.ts';
import { type Occurrence, sentenceOccurrences } from './candidates.ts';
import { addClubFacts, collectCandidates } from './candidate-facts.ts';
import { platformLists } from './occurrence-platforms.ts';
import { type Candidate, decisionSlot, type ItemFacts } from './features.ts';
import { addCooccurrence, type SentenceSummary } from './cooccurrence.ts';
import { actionKinds, platformNames } from './lexicon/kinds.ts';
import { buildIndexes, type Cue } from './lexicon/index.ts';
import { type ClubMention, createMentionFinder, type EntityPayload, type MentionFinder, type PlatformMention } from './mentions.ts';
import { clubRef, type ItemContext } from './item-context.ts';
import type { PhraseIndex, PhraseMatch } from './phrase-index.ts';
import { analyseSentence, contextOnly, type SentenceInfo } from './sentence.ts';
import { loadScorerModel, scoreCandidate, type ScorerModel } from './scorer.ts';
import { type Sentence, type Token, tokenize } from './tokenize.ts';

export interface Extractor {
  extract(input: ExtractInput): Announcement[];
  explain(input: ExtractInput): Explanation;
  /** Every candidate triple of an item with its features, before scoring (for `npm run train`). */
  candidates(input: ExtractInput): Candidate[];
}

type Explained = Announcement & { cues: string[]; sentence: SentenceInfo };

const minConfidence = 0.5;
const trailingSentences = 2;
const strongRule = 0.9;

/** "— Red Star FC ✪ (@RedStarFC) December 4, 2024": the signature of an embedded post. */
const embedSignature = /[—–-]\s*[^()—–\n]{1,80}\(@([A-Za-z0-9_]{1,30})\)\s*(?:[A-Za-zÀ-ÿ]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(?:de\s+)?[A-Za-zÀ-ÿ]+\.?\s+(?:de\s+)?\d{4})/;

export interface ExtractorOptions {
  /** The scorer; the catalog's rules alone when null. Defaults to the committed model. */
  model?: ScorerModel | null;
}

/** Builds the extractor once: every list and index is compiled here, none per item. */
export function createExtractor(catalog: Catalog, options: ExtractorOptions = {}): Extractor {
  const model = options.model === undefined ? loadScorerModel() : options.model;
  const handles = new Map<string, string>();
  for (const e of catalog.entries) {
    for (const h of [e.accounts.x, e.accounts.bluesky]) if (h) handles.set(h.replace(/^@/, '').split('.')[0]?.toLowerCase() ?? '', e.id);
  }
  const finder = createMentionFinder(catalog);
  const indexes = buildIndexes((index) => finder.addNames(index));
  const leagueIds = new Set(catalog.entries.filter((e) => e.kind !== 'club').map((e) => e.id));

  function run(input: ExtractInput, explain: boolean, sink: Candidate[] | null = null): Explanation {
    const text = typeof input?.text === 'string' ? input.text : '';
    const { text: examined, sentences } = tokenize(text);
    const lang: ReadLanguage = detectLanguage(sentences, input?.lang ?? null) ?? 'en';
    const lastHint = lastPlatformHint(sentences);
    if (lastHint < 0) return { language: lang, announcements: [], rejected: [] };
    const { cues: index, names: nameIndex } = indexes[lang];
    // Sentences well after the last one that says an action cannot change the result; the two after
    // it may still name who did the same ("This decision follows Rangers', Birmingham's…").
    let last = lastMarked(index, sentences);
    if (last < 0) return { language: lang, announcements: [], rejected: [] };
    // A platform named further down may still be where a club that leaves goes ("follow us on Bluesky").
    last = Math.max(Math.min(sentences.length - 1, last + trailingSentences), lastHint);
    const nameLists: Array<Array<PhraseMatch<EntityPayload>>> = [];
    const infos: SentenceInfo[] = [];
    for (let i = 0; i <= last; i++) {
      const s = sentences[i] as Sentence;
      const names = nameIndex.findAll(s.tokens);
      nameLists.push(names);
      infos.push(readSentence(finder, s, i, withoutIdioms(index.findAll(s.tokens)), names, examined, lang, leagueIds));
    }
    const clear = new Set<string>();
    for (const names of nameLists) addClear(clear, names);
    if (anyUnclear(infos)) {
      // "Borussia" may be named in full further down.
      for (let i = last + 1; i < sentences.length; i++) addClear(clear, nameIndex.findAll((sentences[i] as Sentence).tokens));
    }
    const author = input?.authorClubId && catalog.byId(input.authorClubId) ? input.authorClubId : null;
    if (author) clear.add(author);
    resolveAmbiguous(infos, clear, (ids) => preferredByCountry(catalog, ids, clear, lang));

    const authorClubId = input?.authorClubId && catalog.byId(input.authorClubId) ? input.authorClubId : null;
    const ctx: ItemContext = {
      catalog,
      authorClubId,
      topic: findTopic(catalog, infos, authorClubId),
      lastSubjects: [],
      lastSubjectsSentence: -1,
      lastPlatform: null,
      lastAction: null,
      lastActor: null,
      left: new Map(),
      mostNamed: null,
    };
    const found = new Map<string, Explained>();
    const rejected: Explanation['rejected'] = [];
    const facts = itemFacts(infos, leagueIds, handles);
    ctx.mostNamed = facts.platformsByCount[0] ?? null;
    const occurrences: Occurrence[] = [];
    const summaries: SentenceSummary[] = [];
    for (const [at, info] of infos.entries()) {
      if (model || sink) {
        const read = sentenceOccurrences(ctx, infos, at, facts, ctx.lastPlatform ? [ctx.lastPlatform] : []);
        occurrences.push(...read.occurrences);
        summaries.push(read.summary);
      }
      const decisions: Decision[] = decideSentence(ctx, info, explain ? rejected : null);
      keepDecisions(found, explain ? rejected : null, info, decisions);
      ctx.lastActor = firstActor(info) ?? ctx.lastActor;
      const lastPlatform = info.platforms[info.platforms.length - 1];
      if (lastPlatform) ctx.lastPlatform = lastPlatform.platform;
    }
    const rules = [...found.values()];
    const candidates: Candidate[] = model || sink ? addCooccurrence(collectCandidates(occurrences, rules), summaries, infos, rules) : [];
    addClubFacts(candidates, rules, ctx, facts);
    if (sink) sink.push(...candidates);
    if (!model) {
      const announcements = rules.map(({ sentence, ...a }) => ({ ...a, evidence: sentence.sentence.text }));
      return { language: lang, announcements, rejected };
    }
    return { language: lang, announcements: decideCandidates(model, candidates, facts, explain ? rejected : null), rejected };
  }

  function safe(input: ExtractInput, explain: boolean): Explanation {
    try {
      return run(input, explain);
    } catch (err) {
      return { language: null, announcements: [], rejected: [{ text: '', reason: `could not read the item: ${(err as Error)?.message ?? 'unknown'}` }] };
    }
  }

  return {
    extract(input) {
      return safe(input, false).announcements.map(({ cues: _cues, ...a }) => a);
    },
    explain: (input) => safe(input, true),
    candidates(input) {
      const sink: Candidate[] = [];
      run(input, false, sink);
      return sink;
    },
  };
}

/** Scores every candidate; per club and platform, at most one action (the likeliest), and a dated join beside it. */
function decideCandidates(model: ScorerModel, candidates: Candidate[], facts: ItemFacts, rejected: Explanation['rejected'] | null): Array<Announcement & { cues: string[] }> {
  const best = new Map<string, { c: Candidate; p: number }>();
  // What the sentence rules read with high confidence stands: on published texts it was right six times in seven.
  const scored = candidates.map((c) => ({ c, p: Math.max(scoreCandidate(model, c), c.features.rule >= strongRule ? model.threshold : 0) }));
  // A boycott "of Facebook, Twitter and Instagram" silences each platform the item lists.
  for (const { c, p } of [...scored]) {
    if (c.action !== 'pause' || p < model.threshold) continue;
    for (const platform of facts.listedPlatforms) {
      if (scored.some((x) => x.c.club === c.club && x.c.platform === platform && x.c.action === 'pause' && x.p >= p)) continue;
      scored.push({ c: { ...c, platform, cues: [...c.cues, 'a platform the item lists'] }, p });
    }
  }
  for (const { c, p } of scored) {
    if (p < model.threshold) {
      rejected?.push({ text: c.sentence?.sentence.text ?? '', reason: `too weak (${p.toFixed(2)}): ${c.club.name} ${c.action} ${c.platform}` });
      continue;
    }
    const k = decisionSlot(c);
    const before = best.get(k);
    if (before && before.p >= p) {
      rejected?.push({ text: c.sentence?.sentence.text ?? '', reason: `${c.club.name} ${c.action} ${c.platform}: the item says ${before.c.action} more clearly` });
      continue;
    }
    if (before) rejected?.push({ text: before.c.sentence?.sentence.text ?? '', reason: `${c.club.name} ${before.c.action} ${c.platform}: the item says ${c.action} more clearly` });
    best.set(k, { c, p });
  }
  return [...best.values()].map(({ c, p }) => ({
    club: c.club,
    platform: c.platform,
    action: c.action,
    confidence: Math.round(p * 100) / 100,
    evidence: c.sentence?.sentence.text ?? '',
    ...(c.action === 'join' && c.year !== null ? { year: c.year } : {}),
    cues: c.cues,
  }));
}

/** What the whole item says that each candidate is weighed against. */
function itemFacts(infos: SentenceInfo[], leagueIds: ReadonlySet<string>, handles: ReadonlyMap<string, string>): ItemFacts {
  const clubCounts = new Map<string, number>();
  const platformCounts = new Map<Platform, number>();
  const embedAuthor = new Map<number, string | null>();
  const listed = new Set<Platform>();
  for (const info of infos) {
    for (const list of platformLists(info)) for (const p of list) listed.add(p.platform);
    for (const c of info.clubs) {
      const k = c.ids.length === 1 ? (c.ids[0] as string) : c.ids.length === 0 ? `?${c.name.toLowerCase()}` : null;
      if (k) clubCounts.set(k, (clubCounts.get(k) ?? 0) + 1);
    }
    for (const p of info.platforms) platformCounts.set(p.platform, (platformCounts.get(p.platform) ?? 0) + 1);
    // The signature has "(@" between two words: most sentences have none, and their text is not built.
    const signed = mayBeSigned(info.tokens) ? embedSignature.exec(info.sentence.text) : null;
    if (signed) embedAuthor.set(info.index, handles.get((signed[1] ?? '').toLowerCase()) ?? null);
  }
  const platformsByCount = [...platformCounts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  return { clubCounts, platformsByCount, embedAuthor, listedPlatforms: [...listed], leagueIds };
}

/** The clubs the names name without doubt. */
function addClear(clear: Set<string>, names: ReadonlyArray<PhraseMatch<EntityPayload>>): void {
  for (const m of names) if (m.payload.type === 'club' && !m.payload.ambiguous) clear.add(m.payload.id);
}

function anyUnclear(infos: readonly SentenceInfo[]): boolean {
  for (const info of infos) for (const c of info.clubs) if (c.ambiguous || c.ids.length > 1) return true;
  return false;
}

/** A sentence's decisions strong enough to announce, each triple at its most confident reading. */
function keepDecisions(found: Map<string, Explained>, rejected: Explanation['rejected'] | null, info: SentenceInfo, decisions: readonly Decision[]): void {
  for (const d of decisions) {
    if (d.confidence < minConfidence) {
      rejected?.push({ text: info.sentence.text, reason: `too weak (${d.confidence.toFixed(2)}): ${d.club.name} ${d.action} ${d.platform}` });
      continue;
    }
    const key = `${d.club.id ?? d.club.name.toLowerCase()}|${d.platform}|${d.action}`;
    const before = found.get(key);
    if (!before || before.confidence < d.confidence) {
      found.set(key, {
        club: d.club,
        platform: d.platform,
        action: d.action,
        confidence: Math.round(d.confidence * 100) / 100,
        evidence: '',
        sentence: info,
        cues: d.cues,
      });
    }
  }
}

function mayBeSigned(tokens: readonly Token[]): boolean {
  for (let i = 1; i < tokens.length; i++) if ((tokens[i] as Token).before.includes('(@')) return true;
  return false;
}

/** The first club or person a sentence names as acting. */
function firstActor(info: SentenceInfo): 'person' | 'club' | null {
  const club = info.clubs.find((c) => c.role === 'plain');
  const person = info.personAt;
  if (person !== null && (club === undefined || person < club.start)) return 'person';
  return club ? 'club' : null;
}

/**
 * Words without which no sentence of the item can name a platform: every platform name written as
 * one word, the first words of the others, and the words of descriptions ("Musks Plattform").
 */
const platformHints = new Set([
  ...Object.values(platformNames).flatMap((list) => list.split('|').filter((name) => !name.includes(' '))),
  ...'x blue tik we whats musk musks plattform plateforme plataforma piattaforma reseau red rede rete social kurznachrichtendienst netzwerk netwerk socialemediaplatform mediaplatform berichtendienst network platform app site dienst service'.split(' '),
]);

/** "a franchi le pas et quitté X", "not only leaves X": the modifier words inside an idiom are none. */
function withoutIdioms(cues: Array<PhraseMatch<Cue>>): Array<PhraseMatch<Cue>> {
  const idioms = cues.filter((c) => c.payload.kind === 'idiom');
  if (idioms.length === 0) return cues;
  return cues.filter((c) => c.payload.kind !== 'idiom' && !idioms.some((i) => i.start <= c.start && i.end >= c.end && !actionKinds.has(c.payload.kind)));
}

/** The last sentence with a word that may name a platform, or -1 when none has one. */
function lastPlatformHint(sentences: readonly Sentence[]): number {
  for (let i = sentences.length - 1; i >= 0; i--) for (const t of (sentences[i] as Sentence).tokens) if (platformHints.has(t.folded)) return i;
  return -1;
}

/** The last sentence that says an action, or -1 when none does. */
function lastMarked(index: PhraseIndex<Cue>, sentences: readonly Sentence[]): number {
  for (let i = sentences.length - 1; i >= 0; i--) if (index.anyMarked((sentences[i] as Sentence).tokens)) return i;
  return -1;
}

function hasActionCue(cues: ReadonlyArray<PhraseMatch<Cue>>): boolean {
  for (const c of cues) if (actionKinds.has(c.payload.kind)) return true;
  return false;
}

/** One sentence with what it names and the cues it says, its action words read apart from names. */
function readSentence(
  finder: MentionFinder,
  s: Sentence,
  at: number,
  found: Array<PhraseMatch<Cue>>,
  names: Array<PhraseMatch<EntityPayload>>,
  examined: string,
  lang: ReadLanguage,
  leagueIds: ReadonlySet<string>,
): SentenceInfo {
  // The finder asks whether a word is an action word only next to "FC" and the like: it scans the cues, no table is built.
  const mentions = finder.find(s.tokens, names, found, examined);
  const clubs: ClubMention[] = [];
  const platforms: PlatformMention[] = [];
  for (const m of mentions) {
    if (m.type === 'club') clubs.push(m);
    else platforms.push(m);
  }
  const cues = hasActionCue(found) ? found.filter((c) => !(actionKinds.has(c.payload.kind) && partOfAName(s.tokens, c, clubs, lang))) : found;
  // Sentences that say no action matter only for who and what they name; roles only when a person is named.
  for (const c of cues) if (actionKinds.has(c.payload.kind) || c.payload.kind === 'person') return analyseSentence(at, s, s.tokens, lang, cues, clubs, platforms, leagueIds);
  return contextOnly(at, s, s.tokens, lang, clubs, platforms, leagueIds, null);
}

/** "Borussia" means the Borussia named in full elsewhere in the item; alone, it means nothing. */
const languageCountries: Record<ReadLanguage, string[]> = {
  fr: ['FR', 'BE', 'CH'],
  en: ['GB-ENG', 'GB-SCT'],
  de: ['DE', 'AT', 'CH'],
  es: ['ES', 'MX'],
  it: ['IT'],
  pt: ['PT', 'BR'],
  nl: ['NL', 'BE'],
};

/** "Sporting" in an item about Benfica, or in Portuguese, is Sporting CP. */
function preferredByCountry(catalog: Catalog, ids: string[], clear: ReadonlySet<string>, lang: ReadLanguage): string | null {
  const countries = new Set([...clear].map((id) => catalog.byId(id)?.country).filter((c): c is string => c !== undefined));
  const byItem = ids.filter((id) => countries.has(catalog.byId(id)?.country ?? ''));
  if (byItem.length === 1) return byItem[0] as string;
  const byLanguage = ids.filter((id) => languageCountries[lang].includes(catalog.byId(id)?.country ?? ''));
  if (byLanguage.length === 1) return byLanguage[0] as string;
  return null;
}

function resolveAmbiguous(infos: SentenceInfo[], clear: ReadonlySet<string>, prefer: (ids: string[]) => string | null): void {
  for (const info of infos) {
    info.clubs = info.clubs.filter((c) => {
      if (!c.ambiguous && c.ids.length <= 1) return true;
      const known = c.ids.filter((id) => clear.has(id));
      if (known.length === 1) {
        c.ids = known;
        return true;
      }
      // "Sport", "Standard", "Energie" alone are words, unless the item names the club in full.
      if (c.ids.length === 1) return !c.ambiguous;
      const preferred = prefer(c.ids);
      if (preferred) {
        c.ids = [preferred];
        return true;
      }
      return false;
    });
  }
}

function findTopic(catalog: Catalog, infos: SentenceInfo[], authorClubId: string | null): ClubRef | null {
  if (authorClubId) return { id: authorClubId, name: catalog.byId(authorClubId)?.name ?? authorClubId };
  for (const info of infos) {
    for (const c of info.clubs) {
      if (c.role !== 'plain' && c.role !== 'possessor') continue;
      const ref = clubRef(catalog, c);
      if (ref) return ref;
    }
  }
  return null;
}

/**
 * "New England Patriots", "a fan of the New York Giants", "Nueva York": an action word that starts
 * a name says nothing. Outside a name the catalog knows, a capitalised word inside the sentence
 * followed by another is a name, unless the sentence is a headline in title case ("Man Utd Launch
 * On Twitter"). German capitalises its nouns, so there only the catalog's names count; Dutch,
 * read with German's word-order rules elsewhere, is treated the same here.
 */
function partOfAName(tokens: readonly Token[], cue: PhraseMatch<Cue>, clubs: readonly ClubMention[], lang: ReadLanguage): boolean {
  if (clubs.some((m) => m.ids.length > 0 && m.start <= cue.start && cue.end <= m.end)) return true;
  if (lang === 'de' || lang === 'nl' || cue.start === 0) return false;
  for (let i = cue.start; i < cue.end; i++) if (!(tokens[i] as Token).cap) return false;
  if (!tokens[cue.end]?.cap) return false;
  const words = tokens.filter((t) => /^\p{L}/u.test(t.surface));
  return words.filter((t) => t.cap).length * 2 < words.length;
}
