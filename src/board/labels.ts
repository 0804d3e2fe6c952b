import type { Action } from '../announcements/announcement.ts';
import { formatDate } from '../summaries/compose.ts';
import type { SummaryLanguage } from '../summaries/phrases.ts';

/** What one cell of the board says, per language: the standing, not the verb of the news. */
export const standingNames: Record<SummaryLanguage, Record<Action | 'unknown', string>> = {
  en: { leave: 'left', stay: 'stays', join: 'joined', pause: 'paused', return: 'back', delete: 'deleted', unknown: 'unknown' },
  fr: { leave: 'parti', stay: 'reste', join: 'arrivé', pause: 'en pause', return: 'revenu', delete: 'supprimé', unknown: 'inconnu' },
  de: { leave: 'weg', stay: 'bleibt', join: 'dabei', pause: 'pausiert', return: 'zurück', delete: 'gelöscht', unknown: 'unbekannt' },
  es: { leave: 'se fue', stay: 'sigue', join: 'llegó', pause: 'en pausa', return: 'volvió', delete: 'borrada', unknown: 'desconocido' },
  it: { leave: 'uscito', stay: 'resta', join: 'arrivato', pause: 'in pausa', return: 'tornato', delete: 'cancellato', unknown: 'sconosciuto' },
  pt: { leave: 'saiu', stay: 'fica', join: 'chegou', pause: 'em pausa', return: 'voltou', delete: 'apagada', unknown: 'desconhecido' },
};

const boardWord: Record<SummaryLanguage, (scope: string, date: string) => string> = {
  en: (scope, date) => `${scope}: the board on ${date}`,
  fr: (scope, date) => `${scope} : le tableau au ${date}`,
  de: (scope, date) => `${scope}: die Übersicht am ${date}`,
  es: (scope, date) => `${scope}: el tablero al ${date}`,
  it: (scope, date) => `${scope}: il quadro al ${date}`,
  pt: (scope, date) => `${scope}: o quadro em ${date}`,
};

const everyClub: Record<SummaryLanguage, string> = {
  en: 'All clubs',
  fr: 'Tous les clubs',
  de: 'Alle Vereine',
  es: 'Todos los clubes',
  it: 'Tutti i club',
  pt: 'Todos os clubes',
};

/** The scope of a digest's picture: the clubs it names. */
export const digestScope: Record<SummaryLanguage, string> = {
  en: 'The clubs in this digest',
  fr: 'Les clubs de ce résumé',
  de: 'Die Vereine dieser Zusammenfassung',
  es: 'Los clubes de este resumen',
  it: 'I club di questo riepilogo',
  pt: 'Os clubes deste resumo',
};

/** "Ligue 1: the board on 4 Dec 2026", or "All clubs: …" without a scope. */
export function boardTitle(scope: string | null, date: Date, language: SummaryLanguage): string {
  return boardWord[language](scope ?? everyClub[language], formatDate(date.toISOString(), language));
}

const subdivisions: Record<string, Record<SummaryLanguage, string>> = {
  'GB-ENG': { en: 'England', fr: 'Angleterre', de: 'England', es: 'Inglaterra', it: 'Inghilterra', pt: 'Inglaterra' },
  'GB-SCT': { en: 'Scotland', fr: 'Écosse', de: 'Schottland', es: 'Escocia', it: 'Scozia', pt: 'Escócia' },
  'GB-WLS': { en: 'Wales', fr: 'Pays de Galles', de: 'Wales', es: 'Gales', it: 'Galles', pt: 'País de Gales' },
  'GB-NIR': { en: 'Northern Ireland', fr: 'Irlande du Nord', de: 'Nordirland', es: 'Irlanda del Norte', it: 'Irlanda del Nord', pt: 'Irlanda do Norte' },
};

const regionNames = new Map<SummaryLanguage, Intl.DisplayNames>();

/** A catalog country code as a name in the reader's language ("DE" → "Allemagne"). */
export function countryName(code: string, language: SummaryLanguage): string {
  const subdivision = subdivisions[code];
  if (subdivision) return subdivision[language];
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
