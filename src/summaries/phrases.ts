import type { Action, Platform } from '../announcements/announcement.ts';

/**
 * How each language says what a club did. `full` names the platform, `short` is for a later clause
 * about the same platform ("OM stays on X, Red Star leaves"). `{p}` is the platform's name.
 */
interface Phrase {
  one: { full: string; short: string };
  many: { full: string; short: string };
}

export type SummaryLanguage = 'en' | 'fr' | 'de' | 'es' | 'it' | 'pt';

const phrases: Record<SummaryLanguage, Record<Action, Phrase>> = {
  en: {
    leave: { one: { full: 'leaves {p}', short: 'leaves' }, many: { full: 'leave {p}', short: 'leave' } },
    stay: { one: { full: 'stays on {p}', short: 'stays' }, many: { full: 'stay on {p}', short: 'stay' } },
    join: { one: { full: 'joins {p}', short: 'joins' }, many: { full: 'join {p}', short: 'join' } },
    pause: { one: { full: 'pauses its {p} account', short: 'pauses' }, many: { full: 'pause their {p} accounts', short: 'pause' } },
    return: { one: { full: 'returns to {p}', short: 'returns' }, many: { full: 'return to {p}', short: 'return' } },
    delete: {
      one: { full: 'deletes its {p} account', short: 'deletes its account' },
      many: { full: 'delete their {p} accounts', short: 'delete their accounts' },
    },
  },
  fr: {
    leave: { one: { full: 'quitte {p}', short: 'le quitte' }, many: { full: 'quittent {p}', short: 'le quittent' } },
    stay: { one: { full: 'reste sur {p}', short: 'y reste' }, many: { full: 'restent sur {p}', short: 'y restent' } },
    join: { one: { full: 'rejoint {p}', short: 'le rejoint' }, many: { full: 'rejoignent {p}', short: 'le rejoignent' } },
    pause: {
      one: { full: 'met en pause son compte {p}', short: 'y fait une pause' },
      many: { full: 'mettent en pause leurs comptes {p}', short: 'y font une pause' },
    },
    return: { one: { full: 'revient sur {p}', short: 'y revient' }, many: { full: 'reviennent sur {p}', short: 'y reviennent' } },
    delete: {
      one: { full: 'supprime son compte {p}', short: 'supprime son compte' },
      many: { full: 'suppriment leurs comptes {p}', short: 'suppriment leurs comptes' },
    },
  },
  de: {
    leave: { one: { full: 'verlässt {p}', short: 'geht' }, many: { full: 'verlassen {p}', short: 'gehen' } },
    stay: { one: { full: 'bleibt bei {p}', short: 'bleibt' }, many: { full: 'bleiben bei {p}', short: 'bleiben' } },
    join: { one: { full: 'ist jetzt auf {p}', short: 'ist dabei' }, many: { full: 'sind jetzt auf {p}', short: 'sind dabei' } },
    pause: { one: { full: 'pausiert auf {p}', short: 'pausiert' }, many: { full: 'pausieren auf {p}', short: 'pausieren' } },
    return: { one: { full: 'kehrt zu {p} zurück', short: 'kehrt zurück' }, many: { full: 'kehren zu {p} zurück', short: 'kehren zurück' } },
    delete: {
      one: { full: 'löscht sein {p}-Konto', short: 'löscht sein Konto' },
      many: { full: 'löschen ihre {p}-Konten', short: 'löschen ihre Konten' },
    },
  },
  es: {
    leave: { one: { full: 'deja {p}', short: 'se va' }, many: { full: 'dejan {p}', short: 'se van' } },
    stay: { one: { full: 'sigue en {p}', short: 'sigue' }, many: { full: 'siguen en {p}', short: 'siguen' } },
    join: { one: { full: 'llega a {p}', short: 'llega' }, many: { full: 'llegan a {p}', short: 'llegan' } },
    pause: { one: { full: 'pausa su cuenta de {p}', short: 'hace una pausa' }, many: { full: 'pausan sus cuentas de {p}', short: 'hacen una pausa' } },
    return: { one: { full: 'vuelve a {p}', short: 'vuelve' }, many: { full: 'vuelven a {p}', short: 'vuelven' } },
    delete: {
      one: { full: 'borra su cuenta de {p}', short: 'borra su cuenta' },
      many: { full: 'borran sus cuentas de {p}', short: 'borran sus cuentas' },
    },
  },
  it: {
    leave: { one: { full: 'lascia {p}', short: 'se ne va' }, many: { full: 'lasciano {p}', short: 'se ne vanno' } },
    stay: { one: { full: 'resta su {p}', short: 'resta' }, many: { full: 'restano su {p}', short: 'restano' } },
    join: { one: { full: 'sbarca su {p}', short: 'sbarca' }, many: { full: 'sbarcano su {p}', short: 'sbarcano' } },
    pause: { one: { full: 'sospende il suo account {p}', short: 'fa una pausa' }, many: { full: 'sospendono i loro account {p}', short: 'fanno una pausa' } },
    return: { one: { full: 'torna su {p}', short: 'torna' }, many: { full: 'tornano su {p}', short: 'tornano' } },
    delete: {
      one: { full: 'cancella il suo account {p}', short: 'cancella il suo account' },
      many: { full: 'cancellano i loro account {p}', short: 'cancellano i loro account' },
    },
  },
  pt: {
    leave: { one: { full: 'deixa o {p}', short: 'sai' }, many: { full: 'deixam o {p}', short: 'saem' } },
    stay: { one: { full: 'fica no {p}', short: 'fica' }, many: { full: 'ficam no {p}', short: 'ficam' } },
    join: { one: { full: 'chega ao {p}', short: 'chega' }, many: { full: 'chegam ao {p}', short: 'chegam' } },
    pause: { one: { full: 'pausa a conta no {p}', short: 'faz uma pausa' }, many: { full: 'pausam as contas no {p}', short: 'fazem uma pausa' } },
    return: { one: { full: 'volta ao {p}', short: 'volta' }, many: { full: 'voltam ao {p}', short: 'voltam' } },
    delete: {
      one: { full: 'apaga a conta no {p}', short: 'apaga a conta' },
      many: { full: 'apagam as contas no {p}', short: 'apagam as contas' },
    },
  },
};

const platformNames: Record<Platform, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  facebook: 'Facebook',
  youtube: 'YouTube',
  other: '…',
};

const conjunction: Record<SummaryLanguage, string> = { en: 'and', fr: 'et', de: 'und', es: 'y', it: 'e', pt: 'e' };

export interface Labels {
  reportedBy: (count: number) => string;
  sources: string;
  on: string;
}

export const labels: Record<SummaryLanguage, Labels> = {
  en: { reportedBy: (n) => (n === 1 ? 'Reported by 1 outlet' : `Reported by ${n} outlets`), sources: 'Sources', on: 'on' },
  fr: { reportedBy: (n) => (n === 1 ? 'Rapporté par 1 média' : `Rapporté par ${n} médias`), sources: 'Sources', on: 'le' },
  de: { reportedBy: (n) => (n === 1 ? 'Gemeldet von 1 Medium' : `Gemeldet von ${n} Medien`), sources: 'Quellen', on: 'am' },
  es: { reportedBy: (n) => (n === 1 ? 'Publicado por 1 medio' : `Publicado por ${n} medios`), sources: 'Fuentes', on: 'el' },
  it: { reportedBy: (n) => (n === 1 ? 'Riportato da 1 testata' : `Riportato da ${n} testate`), sources: 'Fonti', on: 'il' },
  pt: { reportedBy: (n) => (n === 1 ? 'Noticiado por 1 veículo' : `Noticiado por ${n} veículos`), sources: 'Fontes', on: 'em' },
};

export function summaryLanguage(language: string): SummaryLanguage {
  return (language in phrases ? language : 'en') as SummaryLanguage;
}

export function platformName(platform: Platform): string {
  return platformNames[platform];
}

/** "A", "A and B", "A, B and C" in the given language. */
export function joinNames(names: string[], language: SummaryLanguage): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction[language]} ${names[names.length - 1]}`;
}

export function verbPhrase(language: SummaryLanguage, action: Action, platform: Platform, count: number, withPlatform: boolean): string {
  const phrase = phrases[language][action][count > 1 ? 'many' : 'one'];
  return (withPlatform ? phrase.full : phrase.short).replace('{p}', platformName(platform));
}
