import { normalise } from '../catalog/normalise.ts';
import type { Catalog } from '../catalog/types.ts';
import type { Platform } from './announcement.ts';
import { isStopword } from './stopwords.ts';
import { platformNames } from './lexicon/kinds.ts';
import type { PhraseMatch } from './phrase-index.ts';
import type { Token } from './tokenize.ts';

export type EntityPayload =
  | { type: 'club'; id: string; ambiguous: boolean; single: boolean }
  | { type: 'platform'; platform: Platform; needsCap: boolean };

/** "Frankfurt/Main (dpa) -", "Dortmund (SID)": the city a report was filed from, not its club. */
const datelineAgency = /^\s*(?:\/\s*[\p{L}.]+\s*)?\(\s*(?:dpa|sid|afp|ap|reuters|ansa|efe|lusa|epd|kna|dts|apa|sda|ats|belga|anp|aps|ap photo|europa press)\b[^)]{0,20}\)/iu;

function isDateline(text: string, end: number): boolean {
  return datelineAgency.test(text.slice(end, end + 40));
}

export interface ClubMention {
  type: 'club';
  start: number;
  end: number;
  /** Catalog ids it may be: one for a clear name, several for "Borussia"; empty when unlisted. */
  ids: string[];
  ambiguous: boolean;
  /** As written. */
  name: string;
}

export interface PlatformMention {
  type: 'platform';
  start: number;
  end: number;
  platform: Platform;
  name: string;
}

type Mention = ClubMention | PlatformMention;

/** "Le réseau d'Elon Musk", "Musks Plattform": X, named after its owner. */
const muskPhrases =
  'platform van elon musk|platform van musk|netwerk van elon musk|medium van elon musk|sociale medium van elon musk|sociale medium van eigenaar elon musk|socialemediaplatform van elon musk|musks platform|reseau d elon musk|reseau social d elon musk|plateforme d elon musk|reseau de musk|reseau social de musk|reseau d elon|plateforme de musk|elon musks plattform|musks plattform|musks netzwerk|musks kurznachrichtendienst|musks dienst|plattform von elon musk|netzwerk von elon musk|dienst von elon musk|plattform von musk|network of elon musk|elon musk s platform|musk s platform|musk s social network|elon musk s social network|elon musk s x|musk owned platform|musk owned x|platform owned by elon musk|red social de elon musk|red de elon musk|plataforma de elon musk|red social de musk|social di elon musk|piattaforma di elon musk|rete di elon musk|social di musk|rede social de elon musk|rede de elon musk|rede social de musk|plataforma de musk|social network owned by elon musk|musk owned site|musk owned social network|musk owned network|musk owned app|musk owned social media platform|site owned by elon musk|red social del magnate|la red social del magnate|red social del multimillonario|plataforma del magnate|plataforma del multimillonario|rede social do bilionario|rede do bilionario|plataforma do bilionario|social del miliardario|piattaforma del miliardario|rete del miliardario|reseau social du milliardaire|plateforme du milliardaire|reseau du milliardaire|plattform des milliardars|netzwerk des milliardars|plattform des us milliardars|kurznachrichtendienst des milliardars';

/** Words that mark a club name the catalog may not know: "Le Havre AC", "SV Elversberg". */
const clubMarkers = new Set([
  'FC', 'AC', 'SC', 'SV', 'CF', 'AS', 'RC', 'US', 'SS', 'SSC', 'CD', 'UD', 'SD', 'AFC', 'VfB', 'VfL', 'TSG', 'SpVgg',
  'KV', 'KRC', 'RSC', 'PSV', 'EC', 'SE', 'CR', 'CA', 'OGC', 'ESTAC', 'AJ', 'SCO', 'USL', 'SSV', 'TSV', 'FSV', 'BSC',
  'Olympique', 'Stade', 'Racing', 'Sporting', 'Athletic', 'Atlético', 'Dynamo', 'Dinamo', 'Calcio', 'United', 'Rovers',
  'Wanderers', 'Albion', 'Hotspur', 'Eintracht', 'Fortuna', 'Alemannia', 'Arminia', 'Kickers', 'Unión', 'Deportivo',
  'Club', 'Clube', 'Esporte', 'Futebol', 'Calcio', 'Football',
  'TuS', 'SuS', 'SG', 'FV', 'VfR', 'DJK', 'ASV', 'TuRa', 'SpVg', 'Sportfreunde',
  'Fédération', 'Federation', 'Federazione', 'Federación', 'Federação',
  'VV', 'RKSV', 'SBV', 'HFC', 'KSV', 'KVC', 'KAA', 'VVV', 'RKC', 'NAC', 'NEC', 'PEC', 'ADO', 'Royal', 'Koninklijke',
]);
/** "la Fédération française de rugby", "Federazione italiana pallavolo": a governing body, named in lower case after its first word. */
const federationMarkers = new Set(['Fédération', 'Federation', 'Federazione', 'Federación', 'Federação']);
/** "Arsenal Women", "Napoli Femminile": a club's women's team, another account than the club's. */
const womenWords = new Set(['women', 'womens', 'ladies', 'femminile', 'femenino', 'femenil', 'feminine', 'feminino', 'feminina', 'frauen', 'damen', 'vrouwen', 'dames']);
const shortMarkers = new Set(['FC', 'AC', 'SC', 'SV', 'CF', 'AS', 'RC', 'US', 'SS', 'SSC', 'CD', 'UD', 'SD', 'AFC', 'VfB', 'VfL', 'TSG', 'KV', 'EC', 'SE', 'CR', 'CA', 'OGC', 'BSC', 'TSV', 'FSV', 'SSV', 'Calcio']);
const nameArticles = new Set(['Le', 'La', 'Les', 'Los', 'Las', 'El', 'Il', 'Lo']);
const leadingArticles = new Set(['the', 'le', 'la', 'les', 'l', 'los', 'las', 'el', 'il', 'lo', 'der', 'die', 'das', 'o', 'os', 'a', 'as']);
const newWords = new Set(['New', 'Nueva', 'Nuevo', 'Nova', 'Novo', 'Nouvelle', 'Nouveau', 'Neu', 'Neue', 'Nuova', 'Nuovo']);

/** Tokens start to end (exclusive), as a cue covers them. */
interface Span {
  start: number;
  end: number;
}

/** Whether token i is inside one of the spans: asked only next to "FC" and the like, so a scan. */
function covers(spans: readonly Span[], i: number): boolean {
  for (const c of spans) if (c.start <= i && i < c.end) return true;
  return false;
}

export interface MentionFinder {
  /** Adds every club and platform name to an index. */
  addNames(index: { add(phrase: string, payload: EntityPayload): void }): void;
  /** Chooses the mentions of a sentence from the name matches the index found in it. */
  find(tokens: readonly Token[], matches: Array<PhraseMatch<EntityPayload>>, cues: readonly Span[], text: string): Mention[];
}

export function createMentionFinder(catalog: Catalog): MentionFinder {
  const names: Array<[string, EntityPayload]> = [];
  const index = { add: (phrase: string, payload: EntityPayload): void => void names.push([phrase, payload]) };
  const sharedNames = new Set(catalog.entries.flatMap((e) => e.ambiguous.map(normalise)));
  const bodies = new Set(catalog.entries.filter((e) => e.kind !== 'club').map((e) => e.id));
  for (const entry of catalog.entries) {
    const ambiguousNames = new Set(entry.ambiguous.map(normalise));
    const names = new Set([entry.name, ...entry.shortNames, ...entry.aliases, ...entry.ambiguous].map(normalise));
    for (const name of names) {
      if (name === '') continue;
      const words = name.split(' ');
      const single = words.length === 1;
      if (single && isStopword(name)) continue;
      const payload: EntityPayload = { type: 'club', id: entry.id, ambiguous: ambiguousNames.has(name), single };
      index.add(name, payload);
      const last = words[words.length - 1] ?? '';
      // German genitive: "St. Paulis Abschied", "Werders Rückzug".
      if (!/[sxz]$/.test(last) && last.length > 2 && !/^\d+$/.test(last)) index.add(`${name}s`, payload);
    }
    // "@RedStarFC", "@fcstpauli.bsky.social": a club's own handle names it, capital or not,
    // unless the handle is a word that names several clubs ("@Atletico"), or is the club's one-word
    // name, which needs its capital as that name does ("un arsenal numérique" is no Arsenal).
    for (const handle of [entry.accounts.x, entry.accounts.bluesky]) {
      const name = handle ? normalise(handle.replace(/^@/, '').replace(/^https?:\/\/[^/]+\//, '')) : '';
      if (name.replace(/ /g, '').length >= 4 && !isStopword(name) && !sharedNames.has(name) && !names.has(name)) index.add(name, { type: 'club', id: entry.id, ambiguous: false, single: false });
    }
  }
  for (const [platform, list] of Object.entries(platformNames) as Array<[Platform, string]>) {
    for (const phrase of list.split('|')) index.add(phrase, { type: 'platform', platform, needsCap: phrase === 'threads' || phrase === 'vine' });
  }
  for (const phrase of muskPhrases.split('|')) index.add(phrase, { type: 'platform', platform: 'x', needsCap: false });

  return {
    addNames(target) {
      for (const [phrase, payload] of names) target.add(phrase, payload);
    },
    find(tokens, matches, cues, text) {
      return findMentions(catalog, bodies, tokens, matches, cues, text);
    },
  };
}

/** The words a mention covers, as written, with runs of spaces made one. */
function spanName(text: string, tokens: readonly Token[], start: number, end: number): string {
  const s = text.slice((tokens[start] as Token).start, (tokens[end - 1] as Token).end);
  return /\s\s|\n|\t/.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/**
 * The mentions of one sentence, in steps of small functions: V8 compiles a large function in time
 * that grows faster than its size, and again whole when a rare branch is first taken.
 */
function findMentions(catalog: Catalog, bodies: ReadonlySet<string>, tokens: readonly Token[], matches: Array<PhraseMatch<EntityPayload>>, cues: readonly Span[], text: string): Mention[] {
  const raw = keptMatches(tokens, matches, text);
  // Longest first; among equals, a name without an article before one with ("La Lega B" is Lega B,
  // not "la Lega"), then the earlier.
  if (raw.length > 1) raw.sort((a, b) => b.end - b.start - (a.end - a.start) || articleFirst(tokens, a) - articleFirst(tokens, b) || a.start - b.start);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mention[] = [];
  for (const m of raw) placeMatch(mentions, taken, tokens, m, text);
  if (mentions.length > 0) {
    // "Il Bologna FC", "Sevilla FC 1890": a marker or a year next to a known name belongs to it.
    for (const m of mentions) if (m.type === 'club') extendWithMarkers(m, tokens, taken);
    for (const m of mentions) if (m.type === 'club') womenTeam(m, tokens, taken, text);
    // "VfB Friedrichshafen", "der VfB Friedrichshafen": a club-type abbreviation that is also one
    // club's short name, followed by a place that is not that club's city, names another club.
    for (const m of mentions) if (m.type === 'club') otherClubAfterMarker(catalog, m, tokens, taken, cues, text);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i] as Token;
    if (t.surface === 'X' && isPlatformX(tokens, i, mentions)) {
      taken[i] = true;
      mentions.push({ type: 'platform', start: i, end: i + 1, platform: 'x', name: 'X' });
    }
  }
  findUnlisted(tokens, taken, cues, mentions, text, bodies);
  return mentions.sort((a, b) => a.start - b.start);
}

function keptMatches(tokens: readonly Token[], matches: ReadonlyArray<PhraseMatch<EntityPayload>>, text: string): Array<PhraseMatch<EntityPayload>> {
  const raw: Array<PhraseMatch<EntityPayload>> = [];
  for (const m of matches) if (keepMatch(tokens, m, text)) raw.push(m);
  return raw;
}

function keepMatch(tokens: readonly Token[], { start, end, payload }: PhraseMatch<EntityPayload>, text: string): boolean {
  const first = tokens[start] as Token;
  if (payload.type === 'club' && isDateline(text, (tokens[end - 1] as Token).end)) return false;
  // "Leicester-shire", "Liverpool-based", "Newcastle-upon-Tyne": a word glued on in lower case makes another word.
  const glued = tokens[end];
  if (payload.type === 'club' && glued && glued.before === '-' && !glued.cap && /^\p{Ll}/u.test(glued.surface)) return false;
  // "New Orleans Saints", "Nueva Chicago": a place named with "New" is not the club of the bare name.
  if (payload.type === 'club' && payload.single) return first.cap && first.surface.length > 1 && !newWords.has(tokens[start - 1]?.surface ?? '');
  if (payload.type === 'platform' && payload.needsCap) return first.cap;
  return end > start;
}

function articleFirst(tokens: readonly Token[], m: PhraseMatch<EntityPayload>): number {
  return leadingArticles.has((tokens[m.start] as Token).folded) ? 1 : 0;
}

/** One name match, longest first: a new mention where its words are free, else merged with the one there. */
function placeMatch(mentions: Mention[], taken: boolean[], tokens: readonly Token[], m: PhraseMatch<EntityPayload>, text: string): void {
  let free = true;
  for (let i = m.start; i < m.end; i++) if (taken[i]) free = false;
  const same = sameSpan(mentions, m);
  if (same && same.type === 'club' && m.payload.type === 'club') {
    mergeSameSpan(same, m.payload);
    return;
  }
  if (!free) {
    // "El Rayo" and "Rayo Vallecano" are one mention of the same club.
    if (m.payload.type === 'club' && !m.payload.ambiguous) mergeOverlap(mentions, taken, tokens, m, m.payload.id, text);
    return;
  }
  for (let i = m.start; i < m.end; i++) taken[i] = true;
  const name = spanName(text, tokens, m.start, m.end);
  if (m.payload.type === 'club') {
    mentions.push({ type: 'club', start: m.start, end: m.end, ids: [m.payload.id], ambiguous: m.payload.ambiguous, name });
  } else {
    mentions.push({ type: 'platform', start: m.start, end: m.end, platform: m.payload.platform, name });
  }
}

function sameSpan(mentions: readonly Mention[], m: PhraseMatch<EntityPayload>): Mention | undefined {
  for (const x of mentions) if (x.start === m.start && x.end === m.end) return x;
  return undefined;
}

function mergeSameSpan(same: ClubMention, payload: { id: string; ambiguous: boolean }): void {
  if (same.ids.includes(payload.id)) return;
  if (!payload.ambiguous && same.ambiguous) {
    same.ids = [payload.id];
    same.ambiguous = false;
  } else if (payload.ambiguous === same.ambiguous) same.ids.push(payload.id);
}

function mergeOverlap(mentions: readonly Mention[], taken: boolean[], tokens: readonly Token[], m: PhraseMatch<EntityPayload>, id: string, text: string): void {
  let own: ClubMention | undefined;
  for (const x of mentions) {
    if (x.type === 'club' && x.ids.length === 1 && x.ids[0] === id && m.start < x.end && m.end > x.start) {
      own = x;
      break;
    }
  }
  if (!own) return;
  const start = Math.min(own.start, m.start);
  const end = Math.max(own.end, m.end);
  for (let k = start; k < end; k++) if (taken[k] && !(k >= own.start && k < own.end) && !(k >= m.start && k < m.end)) return;
  for (let i = start; i < end; i++) taken[i] = true;
  own.start = start;
  own.end = end;
  own.name = spanName(text, tokens, start, end);
}

function extendWithMarkers(m: ClubMention, tokens: readonly Token[], taken: boolean[]): void {
  while (m.end < tokens.length && !taken[m.end] && (shortMarkers.has((tokens[m.end] as Token).surface) || /^(18|19|20)\d\d$/.test((tokens[m.end] as Token).surface)) && !/[,;:()]/.test((tokens[m.end] as Token).before)) {
    taken[m.end] = true;
    m.end++;
  }
  while (m.start > 0 && !taken[m.start - 1] && shortMarkers.has((tokens[m.start - 1] as Token).surface) && !/[,;:()]/.test((tokens[m.start] as Token).before)) {
    taken[m.start - 1] = true;
    m.start--;
  }
}

/** "Arsenal Women": the women's team, a club of its own out of the catalog. */
function womenTeam(m: ClubMention, tokens: readonly Token[], taken: boolean[], text: string): void {
  const next = tokens[m.end];
  if (!next || taken[m.end] || !next.cap || !womenWords.has(next.folded) || /[,;:()]/.test(next.before)) return;
  taken[m.end] = true;
  m.end++;
  m.ids = [];
  m.ambiguous = false;
  m.name = spanName(text, tokens, m.start, m.end);
}

function otherClubAfterMarker(catalog: Catalog, m: ClubMention, tokens: readonly Token[], taken: boolean[], cues: readonly Span[], text: string): void {
  if (m.ids.length !== 1 || m.ambiguous || !shortMarkers.has((tokens[m.end - 1] as Token).surface)) return;
  const next = tokens[m.end];
  if (!next || taken[m.end] || !next.cap || next.folded.length < 3 || isStopword(next.folded) || covers(cues, m.end) || /[,;:()]/.test(next.before)) return;
  if (next.surface === next.surface.toUpperCase()) return;
  const city = catalog.byId(m.ids[0] as string)?.city;
  if (city && normalise(city) === next.folded) return;
  taken[m.end] = true;
  m.end++;
  m.ids = [];
  m.name = spanName(text, tokens, m.start, m.end);
}

const timesWords = new Set(['fois', 'times', 'mal', 'veces', 'volte', 'vezes', 'a', 'de']);
/** "X per 100 abitanti", "X por jogo": a rate only before a number or a unit; "su X per una settimana" is the platform. */
const rateWords = new Set(['per', 'pro', 'par', 'por']);
const rateUnits = new Set(['jogo', 'partido', 'partita', 'match', 'game', 'spiel', 'cento', 'cent', 'ciento', 'mille', 'mil', 'habitant', 'habitants', 'abitanti', 'habitantes', 'kopf']);
const againstWords = new Set(['contre', 'versus', 'vs']);

/** "X" the platform, not "Flamengo X Corinthians", "3 X 1", "plainte contre X" or "X fois". */
function isPlatformX(tokens: readonly Token[], i: number, mentions: readonly Mention[]): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const t = tokens[i] as Token;
  if (prev && /^\d/.test(prev.folded) && !/[\n.:]/.test(t.before)) return false;
  if (next && /^\d/.test(next.folded) && !/[\n.:;,]/.test(next.before)) return false;
  if (prev && againstWords.has(prev.folded)) return false;
  if (next && timesWords.has(next.folded) && next.folded !== 'a' && next.folded !== 'de') return false;
  const after = tokens[i + 2];
  if (next && rateWords.has(next.folded) && (!after || /^\d/.test(after.folded) || rateUnits.has(after.folded))) return false;
  const clubEndsAt = mentions.some((m) => m.type === 'club' && m.end === i);
  const clubStartsAfter = mentions.some((m) => m.type === 'club' && m.start === i + 1);
  if (clubEndsAt && (clubStartsAfter || (next?.cap === true && !/[,.;:]/.test(next.before)))) return false;
  if (clubStartsAfter && prev?.cap === true && !isStopword(prev.folded) && !/[,.;:]/.test(t.before)) return false;
  return true;
}

/**
 * Before a club-name marker, a number is part of the name only as a short one ("1. FC Köln"), not a
 * date ("2025-04 FC Dordrecht", "2019 Football Talk").
 */
function isDatePart(t: Token): boolean {
  return /^\d+$/.test(t.surface) && (t.surface.length > 2 || t.before === '-');
}

const nameConnectors = new Set(['de', 'do', 'da', 'del', 'di', 'du', 'des', 'dos', 'das', 'della', 'of']);

/** "Clube da Bundesliga": a league's name, however ambiguous, is no part of a club's name. */
function ambiguousAt(mentions: readonly Mention[], bodies: ReadonlySet<string>, j: number): boolean {
  for (const m of mentions) if (m.type === 'club' && m.ambiguous && j >= m.start && j < m.end && m.ids.some((id) => !bodies.has(id))) return true;
  return false;
}

/** What an unlisted name reads one word further at a time. */
interface NameScan {
  tokens: readonly Token[];
  taken: boolean[];
  cues: readonly Span[];
  mentions: Mention[];
  bodies: ReadonlySet<string>;
}

function nameWord(s: NameScan, j: number): boolean {
  const t = s.tokens[j];
  if (t === undefined || (s.taken[j] && !ambiguousAt(s.mentions, s.bodies, j))) return false;
  return (t.cap || /^\d+$/.test(t.surface)) && !isStopword(t.folded) && (!covers(s.cues, j) || ambiguousAt(s.mentions, s.bodies, j));
}

function sepOk(tokens: readonly Token[], j: number): boolean {
  return !/[,;:()|—–]/.test((tokens[j] as Token).before);
}

function findUnlisted(
  tokens: readonly Token[],
  taken: boolean[],
  cues: readonly Span[],
  mentions: Mention[],
  text: string,
  bodies: ReadonlySet<string>,
): void {
  const scan: NameScan = { tokens, taken, cues, mentions, bodies };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (taken[i] || !clubMarkers.has(t.surface)) continue;
    // "US-Wahlkampf", "Fußball-Club": a compound word, no name.
    if (tokens[i + 1]?.before === '-' || t.before === '-') continue;
    let start = i;
    let end = i + 1;
    if (federationMarkers.has(t.surface)) {
      while (end < tokens.length && end - i < 5 && sepOk(tokens, end) && !taken[end] && /^\p{L}+$/u.test((tokens[end] as Token).surface) && (nameConnectors.has((tokens[end] as Token).folded) || !isStopword((tokens[end] as Token).folded))) end++;
      while (end > i + 1 && nameConnectors.has((tokens[end - 1] as Token).folded)) end--;
      if (end - i < 2) continue;
      for (let k = i; k < end; k++) taken[k] = true;
      mentions.push({ type: 'club', start: i, end, ids: [], ambiguous: false, name: spanName(text, tokens, i, end) });
      i = end - 1;
      continue;
    }
    while (start > 0 && i - start < 3 && nameWord(scan, start - 1) && !isDatePart(tokens[start - 1] as Token) && sepOk(tokens, start)) start--;
    if (start > 0 && nameArticles.has((tokens[start - 1] as Token).surface) && start !== i) start--;
    while (end < tokens.length && end - i < 4 && sepOk(tokens, end)) {
      const next = tokens[end] as Token;
      if (nameWord(scan, end) || clubMarkers.has(next.surface)) end++;
      else if (nameConnectors.has(next.surface) && nameWord(scan, end + 1) && sepOk(tokens, end + 1)) end += 2;
      else break;
    }
    const span = tokens.slice(start, end);
    const distinctive = span.some((w) => !clubMarkers.has(w.surface) && !nameArticles.has(w.surface) && w.cap && w.folded.length >= 3);
    if (!distinctive) continue;
    for (let k = start; k < end; k++) taken[k] = true;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k] as Mention;
      if (m.type === 'club' && m.ambiguous && m.start >= start && m.end <= end) mentions.splice(k, 1);
    }
    mentions.push({ type: 'club', start, end, ids: [], ambiguous: false, name: spanName(text, tokens, start, end) });
    i = end - 1;
  }
}
