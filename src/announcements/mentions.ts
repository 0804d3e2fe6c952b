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

export interface MentionFinder {
  /** Adds every club and platform name to an index. */
  addNames(index: { add(phrase: string, payload: EntityPayload): void }): void;
  /** Chooses the mentions of a sentence from the name matches the index found in it. */
  find(tokens: readonly Token[], matches: Array<PhraseMatch<EntityPayload>>, cueCovered: (i: number) => boolean, text: string): Mention[];
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
    // unless the handle is a word that names several clubs ("@Atletico").
    for (const handle of [entry.accounts.x, entry.accounts.bluesky]) {
      const name = handle ? normalise(handle.replace(/^@/, '').replace(/^https?:\/\/[^/]+\//, '')) : '';
      if (name.replace(/ /g, '').length >= 4 && !isStopword(name) && !sharedNames.has(name)) index.add(name, { type: 'club', id: entry.id, ambiguous: false, single: false });
    }
  }
  for (const [platform, list] of Object.entries(platformNames) as Array<[Platform, string]>) {
    for (const phrase of list.split('|')) index.add(phrase, { type: 'platform', platform, needsCap: phrase === 'threads' });
  }
  for (const phrase of muskPhrases.split('|')) index.add(phrase, { type: 'platform', platform: 'x', needsCap: false });

  return {
    addNames(target) {
      for (const [phrase, payload] of names) target.add(phrase, payload);
    },
    find(tokens, matches, cueCovered, text) {
      const spanName = (_: readonly Token[], start: number, end: number): string => {
        const s = text.slice((tokens[start] as Token).start, (tokens[end - 1] as Token).end);
        return /\s\s|\n|\t/.test(s) ? s.replace(/\s+/g, ' ') : s;
      };
      const raw = matches.filter(({ start, end, payload }) => {
        const first = tokens[start] as Token;
        if (payload.type === 'club' && isDateline(text, (tokens[end - 1] as Token).end)) return false;
        // "New Orleans Saints", "Nueva Chicago": a place named with "New" is not the club of the bare name.
        if (payload.type === 'club' && payload.single) return first.cap && first.surface.length > 1 && !newWords.has(tokens[start - 1]?.surface ?? '');
        if (payload.type === 'platform' && payload.needsCap) return first.cap;
        return end > start;
      });
      // Longest first; among equals, a name without an article before one with ("La Lega B" is Lega B,
      // not "la Lega"), then the earlier.
      const article = (m: PhraseMatch<EntityPayload>): number => (leadingArticles.has((tokens[m.start] as Token).folded) ? 1 : 0);
      raw.sort((a, b) => b.end - b.start - (a.end - a.start) || article(a) - article(b) || a.start - b.start);
      const taken = new Array<boolean>(tokens.length).fill(false);
      const mentions: Mention[] = [];
      for (const m of raw) {
        let free = true;
        for (let i = m.start; i < m.end; i++) if (taken[i]) free = false;
        const same = mentions.find((x) => x.start === m.start && x.end === m.end);
        if (same && same.type === 'club' && m.payload.type === 'club') {
          if (!same.ids.includes(m.payload.id)) {
            if (!m.payload.ambiguous && same.ambiguous) {
              same.ids = [m.payload.id];
              same.ambiguous = false;
            } else if (m.payload.ambiguous === same.ambiguous) same.ids.push(m.payload.id);
          }
          continue;
        }
        if (!free) {
          // "El Rayo" and "Rayo Vallecano" are one mention of the same club.
          const own = mentions.find((x) => x.type === 'club' && m.payload.type === 'club' && x.ids.length === 1 && x.ids[0] === m.payload.id && m.start < x.end && m.end > x.start);
          if (own && m.payload.type === 'club' && !m.payload.ambiguous) {
            const start = Math.min(own.start, m.start);
            const end = Math.max(own.end, m.end);
            const clear = tokens.slice(start, end).every((_, k) => !taken[start + k] || (start + k >= own.start && start + k < own.end) || (start + k >= m.start && start + k < m.end));
            if (clear) {
              for (let i = start; i < end; i++) taken[i] = true;
              own.start = start;
              own.end = end;
              own.name = spanName(tokens, start, end);
            }
          }
          continue;
        }
        for (let i = m.start; i < m.end; i++) taken[i] = true;
        const name = spanName(tokens, m.start, m.end);
        if (m.payload.type === 'club') {
          mentions.push({ type: 'club', start: m.start, end: m.end, ids: [m.payload.id], ambiguous: m.payload.ambiguous, name });
        } else {
          mentions.push({ type: 'platform', start: m.start, end: m.end, platform: m.payload.platform, name });
        }
      }
      // "Il Bologna FC", "Sevilla FC 1890": a marker or a year next to a known name belongs to it.
      for (const m of mentions) {
        if (m.type !== 'club') continue;
        while (m.end < tokens.length && !taken[m.end] && (shortMarkers.has((tokens[m.end] as Token).surface) || /^(18|19|20)\d\d$/.test((tokens[m.end] as Token).surface)) && !/[,;:()]/.test((tokens[m.end] as Token).before)) {
          taken[m.end] = true;
          m.end++;
        }
        while (m.start > 0 && !taken[m.start - 1] && shortMarkers.has((tokens[m.start - 1] as Token).surface) && !/[,;:()]/.test((tokens[m.start] as Token).before)) {
          taken[m.start - 1] = true;
          m.start--;
        }
      }
      for (const m of mentions) {
        const next = tokens[m.end];
        if (m.type !== 'club' || !next || taken[m.end] || !next.cap || !womenWords.has(next.folded) || /[,;:()]/.test(next.before)) continue;
        taken[m.end] = true;
        m.end++;
        m.ids = [];
        m.ambiguous = false;
        m.name = spanName(tokens, m.start, m.end);
      }
      // "VfB Friedrichshafen", "der VfB Friedrichshafen": a club-type abbreviation that is also one
      // club's short name, followed by a place that is not that club's city, names another club.
      for (const m of mentions) {
        if (m.type !== 'club' || m.ids.length !== 1 || m.ambiguous || !shortMarkers.has((tokens[m.end - 1] as Token).surface)) continue;
        const next = tokens[m.end];
        if (!next || taken[m.end] || !next.cap || next.folded.length < 3 || isStopword(next.folded) || cueCovered(m.end) || /[,;:()]/.test(next.before)) continue;
        if (next.surface === next.surface.toUpperCase()) continue;
        const city = catalog.byId(m.ids[0] as string)?.city;
        if (city && normalise(city) === next.folded) continue;
        taken[m.end] = true;
        m.end++;
        m.ids = [];
        m.name = spanName(tokens, m.start, m.end);
      }
      for (let i = 0; i < tokens.length; i++) {
        if (taken[i]) continue;
        const t = tokens[i] as Token;
        if (t.surface === 'X' && isPlatformX(tokens, i, mentions)) {
          taken[i] = true;
          mentions.push({ type: 'platform', start: i, end: i + 1, platform: 'x', name: 'X' });
        }
      }
      findUnlisted(tokens, taken, cueCovered, mentions, spanName, bodies);
      return mentions.sort((a, b) => a.start - b.start);
    },
  };
}

const timesWords = new Set(['fois', 'times', 'mal', 'veces', 'volte', 'vezes', 'per', 'pro', 'par', 'por', 'a', 'de']);
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

function findUnlisted(
  tokens: readonly Token[],
  taken: boolean[],
  cueCovered: (i: number) => boolean,
  mentions: Mention[],
  spanName: (tokens: readonly Token[], start: number, end: number) => string,
  bodies: ReadonlySet<string>,
): void {
  // "Clube da Bundesliga": a league's name, however ambiguous, is no part of a club's name.
  const ambiguousAt = (j: number): boolean =>
    mentions.some((m) => m.type === 'club' && m.ambiguous && j >= m.start && j < m.end && m.ids.some((id) => !bodies.has(id)));
  const nameWord = (j: number): boolean => {
    const t = tokens[j];
    if (t === undefined || (taken[j] && !ambiguousAt(j))) return false;
    return (t.cap || /^\d+$/.test(t.surface)) && !isStopword(t.folded) && (!cueCovered(j) || ambiguousAt(j));
  };
  const sepOk = (j: number): boolean => !/[,;:()|—–]/.test((tokens[j] as Token).before);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (taken[i] || !clubMarkers.has(t.surface)) continue;
    // "US-Wahlkampf", "Fußball-Club": a compound word, no name.
    if (tokens[i + 1]?.before === '-' || t.before === '-') continue;
    let start = i;
    let end = i + 1;
    if (federationMarkers.has(t.surface)) {
      while (end < tokens.length && end - i < 5 && sepOk(end) && !taken[end] && /^\p{L}+$/u.test((tokens[end] as Token).surface) && (nameConnectors.has((tokens[end] as Token).folded) || !isStopword((tokens[end] as Token).folded))) end++;
      while (end > i + 1 && nameConnectors.has((tokens[end - 1] as Token).folded)) end--;
      if (end - i < 2) continue;
      for (let k = i; k < end; k++) taken[k] = true;
      mentions.push({ type: 'club', start: i, end, ids: [], ambiguous: false, name: spanName(tokens, i, end) });
      i = end - 1;
      continue;
    }
    while (start > 0 && i - start < 3 && nameWord(start - 1) && !isDatePart(tokens[start - 1] as Token) && sepOk(start)) start--;
    if (start > 0 && nameArticles.has((tokens[start - 1] as Token).surface) && start !== i) start--;
    while (end < tokens.length && end - i < 4 && sepOk(end)) {
      const next = tokens[end] as Token;
      if (nameWord(end) || clubMarkers.has(next.surface)) end++;
      else if (nameConnectors.has(next.surface) && nameWord(end + 1) && sepOk(end + 1)) end += 2;
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
    mentions.push({ type: 'club', start, end, ids: [], ambiguous: false, name: spanName(tokens, start, end) });
    i = end - 1;
  }
}
