import { summaryLanguages } from '../config/config.ts';
import type { SummaryLanguage } from '../summaries/phrases.ts';

/** The page's words, per language. Values from the store never go through here: they are data. */
export interface WebMessages {
  languageName: string;
  tagline: string;
  skip: string;
  languages: string;
  filters: string;
  league: string;
  country: string;
  platform: string;
  any: string;
  apply: string;
  club: string;
  empty: string;
  timeline: (club: string) => string;
  noStories: string;
  reports: string;
  back: string;
  feed: string;
  feedTitle: string;
  notFound: string;
  unknownClub: string;
  unknown: (field: 'league' | 'country' | 'platform', value: string) => string;
  serverError: string;
  footer: string;
}

const en: WebMessages = {
  languageName: 'English',
  tagline: 'Which football clubs leave X, stay, or join Bluesky: the board, from the news.',
  skip: 'Skip to the board',
  languages: 'Language',
  filters: 'Filter the board',
  league: 'League',
  country: 'Country',
  platform: 'Platform',
  any: 'All',
  apply: 'Show',
  club: 'Club',
  empty: 'Nothing on the board for this choice yet.',
  timeline: (club) => `${club}: timeline`,
  noStories: 'No news about this club yet.',
  reports: 'Reports',
  back: 'Back to the board',
  feed: 'Stories as an Atom feed',
  feedTitle: 'clubwatch: stories',
  notFound: 'There is no page at this address.',
  unknownClub: 'No club with this id in the catalog.',
  unknown: (field, value) => `Unknown ${field} “${value}”: showing every ${field} instead.`,
  serverError: 'Something went wrong on our side; try again in a moment.',
  footer: 'Read-only. Each move links to the reports it comes from.',
};

const messages: Record<SummaryLanguage, WebMessages> = {
  en,
  fr: {
    languageName: 'Français',
    tagline: 'Quels clubs de foot quittent X, y restent ou rejoignent Bluesky : le tableau, d’après la presse.',
    skip: 'Aller au tableau',
    languages: 'Langue',
    filters: 'Filtrer le tableau',
    league: 'Championnat',
    country: 'Pays',
    platform: 'Plateforme',
    any: 'Tous',
    apply: 'Afficher',
    club: 'Club',
    empty: 'Rien au tableau pour ce choix pour l’instant.',
    timeline: (club) => `${club} : chronologie`,
    noStories: 'Aucune nouvelle de ce club pour l’instant.',
    reports: 'Articles',
    back: 'Retour au tableau',
    feed: 'Les nouvelles en flux Atom',
    feedTitle: 'clubwatch : les nouvelles',
    notFound: 'Il n’y a pas de page à cette adresse.',
    unknownClub: 'Aucun club du catalogue n’a cet identifiant.',
    unknown: (field, value) =>
      `${{ league: 'Championnat', country: 'Pays', platform: 'Plateforme' }[field]} inconnu « ${value} » : tout est affiché.`,
    serverError: 'Un problème est survenu chez nous ; réessayez dans un instant.',
    footer: 'Lecture seule. Chaque changement renvoie aux articles dont il vient.',
  },
  de: {
    languageName: 'Deutsch',
    tagline: 'Welche Fußballvereine X verlassen, bleiben oder zu Bluesky gehen: die Übersicht, aus den Nachrichten.',
    skip: 'Zur Übersicht springen',
    languages: 'Sprache',
    filters: 'Übersicht filtern',
    league: 'Liga',
    country: 'Land',
    platform: 'Plattform',
    any: 'Alle',
    apply: 'Anzeigen',
    club: 'Verein',
    empty: 'Für diese Auswahl steht noch nichts in der Übersicht.',
    timeline: (club) => `${club}: Chronik`,
    noStories: 'Noch keine Meldungen zu diesem Verein.',
    reports: 'Berichte',
    back: 'Zurück zur Übersicht',
    feed: 'Meldungen als Atom-Feed',
    feedTitle: 'clubwatch: Meldungen',
    notFound: 'Unter dieser Adresse gibt es keine Seite.',
    unknownClub: 'Kein Verein im Katalog hat diese ID.',
    unknown: (field, value) => `Unbekannte ${{ league: 'Liga', country: 'Land', platform: 'Plattform' }[field]} „${value}“: alles wird angezeigt.`,
    serverError: 'Bei uns ist etwas schiefgegangen; bitte gleich noch einmal versuchen.',
    footer: 'Nur lesen. Jede Änderung verweist auf die Berichte, aus denen sie stammt.',
  },
  es: {
    languageName: 'Español',
    tagline: 'Qué clubes de fútbol dejan X, siguen o llegan a Bluesky: el tablero, según la prensa.',
    skip: 'Ir al tablero',
    languages: 'Idioma',
    filters: 'Filtrar el tablero',
    league: 'Liga',
    country: 'País',
    platform: 'Plataforma',
    any: 'Todos',
    apply: 'Mostrar',
    club: 'Club',
    empty: 'Todavía no hay nada en el tablero para esta selección.',
    timeline: (club) => `${club}: cronología`,
    noStories: 'Todavía no hay noticias de este club.',
    reports: 'Artículos',
    back: 'Volver al tablero',
    feed: 'Las noticias como feed Atom',
    feedTitle: 'clubwatch: noticias',
    notFound: 'No hay ninguna página en esta dirección.',
    unknownClub: 'Ningún club del catálogo tiene este id.',
    unknown: (field, value) => `${{ league: 'Liga', country: 'País', platform: 'Plataforma' }[field]} desconocida «${value}»: se muestra todo.`,
    serverError: 'Algo falló de nuestro lado; inténtalo de nuevo en un momento.',
    footer: 'Solo lectura. Cada cambio enlaza con los artículos de los que procede.',
  },
  it: {
    languageName: 'Italiano',
    tagline: 'Quali club di calcio lasciano X, restano o arrivano su Bluesky: il quadro, dalle notizie.',
    skip: 'Vai al quadro',
    languages: 'Lingua',
    filters: 'Filtra il quadro',
    league: 'Campionato',
    country: 'Paese',
    platform: 'Piattaforma',
    any: 'Tutti',
    apply: 'Mostra',
    club: 'Club',
    empty: 'Ancora nulla nel quadro per questa scelta.',
    timeline: (club) => `${club}: cronologia`,
    noStories: 'Ancora nessuna notizia su questo club.',
    reports: 'Articoli',
    back: 'Torna al quadro',
    feed: 'Le notizie come feed Atom',
    feedTitle: 'clubwatch: notizie',
    notFound: 'Non c’è nessuna pagina a questo indirizzo.',
    unknownClub: 'Nessun club del catalogo ha questo id.',
    unknown: (field, value) => `${{ league: 'Campionato', country: 'Paese', platform: 'Piattaforma' }[field]} sconosciuto «${value}»: si mostra tutto.`,
    serverError: 'Qualcosa è andato storto da parte nostra; riprova tra un momento.',
    footer: 'Sola lettura. Ogni cambiamento rimanda agli articoli da cui viene.',
  },
  pt: {
    languageName: 'Português',
    tagline: 'Que clubes de futebol deixam o X, ficam ou chegam ao Bluesky: o quadro, segundo a imprensa.',
    skip: 'Ir para o quadro',
    languages: 'Idioma',
    filters: 'Filtrar o quadro',
    league: 'Liga',
    country: 'País',
    platform: 'Plataforma',
    any: 'Todos',
    apply: 'Mostrar',
    club: 'Clube',
    empty: 'Ainda não há nada no quadro para esta escolha.',
    timeline: (club) => `${club}: linha do tempo`,
    noStories: 'Ainda não há notícias deste clube.',
    reports: 'Notícias',
    back: 'Voltar ao quadro',
    feed: 'As notícias em feed Atom',
    feedTitle: 'clubwatch: notícias',
    notFound: 'Não há nenhuma página neste endereço.',
    unknownClub: 'Nenhum clube do catálogo tem este id.',
    unknown: (field, value) => `${{ league: 'Liga', country: 'País', platform: 'Plataforma' }[field]} desconhecida “${value}”: tudo é mostrado.`,
    serverError: 'Algo deu errado do nosso lado; tente de novo daqui a pouco.',
    footer: 'Somente leitura. Cada mudança remete às notícias de onde vem.',
  },
};

export function webMessages(language: SummaryLanguage): WebMessages {
  return messages[language];
}

/** `?lang=` when it names a language we speak, else the best of Accept-Language, else English. */
export function negotiateLanguage(query: string | null, acceptLanguage: string | undefined): { language: SummaryLanguage; explicit: boolean } {
  const known = summaryLanguages as readonly string[];
  if (query && known.includes(query)) return { language: query as SummaryLanguage, explicit: true };
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0 && known.includes(range.primary))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return { language: (ranges[0]?.primary ?? 'en') as SummaryLanguage, explicit: false };
}
