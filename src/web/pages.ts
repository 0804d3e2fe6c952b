import { platforms as allPlatforms, type Platform } from '../announcements/announcement.ts';
import { filterChoices, type BoardFilter, type BoardView } from '../board/board.ts';
import { boardTitle, countryName, standingNames } from '../board/labels.ts';
import type { Catalog, CatalogEntry } from '../catalog/types.ts';
import { summaryLanguages } from '../config/config.ts';
import { formatDate, summarizeStory, type ClubNamer } from '../summaries/compose.ts';
import { platformName, type SummaryLanguage } from '../summaries/phrases.ts';
import type { Story } from '../stories/story.ts';
import { html, safeHref, text, type Html } from './html.ts';
import { webMessages } from './i18n.ts';

/** The reader's language, and whether they chose it (then every link keeps `?lang=`). */
export interface PageLanguage {
  language: SummaryLanguage;
  explicit: boolean;
}

/** A path on this site, keeping the chosen language and any query values given. */
function sitePath(path: string, page: PageLanguage, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (page.explicit) params.set('lang', page.language);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function time(iso: string, language: SummaryLanguage): Html {
  return html`<time datetime="${iso}">${formatDate(iso, language)}</time>`;
}

interface LayoutOptions {
  page: PageLanguage;
  title: string;
  /** The current path and query without `lang`, for the language switch. */
  here: { path: string; query: Record<string, string | undefined> };
  main: Html;
}

function layout({ page, title, here, main }: LayoutOptions): string {
  const m = webMessages(page.language);
  const switcher = summaryLanguages.map((language) => {
    const href = sitePath(here.path, { language, explicit: true }, here.query);
    const current = language === page.language;
    return html`<li><a href="${href}" hreflang="${language}" lang="${language}"${current ? html` aria-current="true"` : ''}>${webMessages(language).languageName}</a></li>`;
  });
  return `<!doctype html>\n${html`<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · clubwatch</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/atom+xml" href="${sitePath('/stories.atom', page)}" title="${m.feedTitle}">
</head>
<body>
<a class="skip" href="#main">${m.skip}</a>
<header>
<p class="brand"><a href="${sitePath('/', page)}">clubwatch</a></p>
<nav aria-label="${m.languages}"><ul>${switcher}</ul></nav>
</header>
<main id="main">
${main}
</main>
<footer><p>${m.footer} <a href="${sitePath('/stories.atom', page)}">${m.feed}</a></p></footer>
</body>
</html>`.value}\n`;
}

function select(name: string, label: string, any: string, options: Array<{ value: string; label: string }>, chosen: string | undefined): Html {
  return html`<label>${label}
<select name="${name}"><option value="">${any}</option>${options.map(
    (option) => html`<option value="${option.value}"${option.value === chosen ? html` selected` : ''}>${option.label}</option>`,
  )}</select></label>`;
}

export function boardPage(catalog: Catalog, view: BoardView, filter: BoardFilter, page: PageLanguage, notices: string[], now: Date): string {
  const m = webMessages(page.language);
  const lang = page.language;
  const { leagues, countries } = filterChoices(catalog);
  const scope = filter.league ? (catalog.byId(filter.league)?.name ?? null) : filter.country ? countryName(filter.country, lang) : null;
  const title = boardTitle(scope, now, lang);
  const form = html`<form method="get" action="/" role="search" aria-label="${m.filters}">
${select('league', m.league, m.any, leagues.map((league) => ({ value: league.id, label: league.name })), filter.league)}
${select(
  'country',
  m.country,
  m.any,
  countries.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
  filter.country,
)}
${select('platform', m.platform, m.any, allPlatforms.filter((p) => p !== 'other').map((p) => ({ value: p, label: platformName(p) })), filter.platform)}
${page.explicit ? html`<input type="hidden" name="lang" value="${lang}">` : ''}
<button type="submit">${m.apply}</button>
</form>`;
  const sections = view.groups.map((group, index) => {
    const id = `group-${index + 1}`;
    return html`<section aria-labelledby="${id}" class="board">
<h2 id="${id}">${text(group.leagueId ? group.title : countryName(group.title, lang))}</h2>
<table>
<caption>${text(group.leagueId ? group.title : countryName(group.title, lang))}</caption>
<thead><tr><th scope="col">${m.club}</th>${view.platforms.map((p: Platform) => html`<th scope="col">${platformName(p)}</th>`)}</tr></thead>
<tbody>
${group.clubs.map(
  (club) => html`<tr><th scope="row"><a href="${sitePath(`/clubs/${encodeURIComponent(club.id)}`, page)}">${text(club.name)}</a></th>${view.platforms.map((p) => {
    const cell = club.cells[p];
    if (!cell) return html`<td class="s-unknown"><span class="state">${standingNames[lang].unknown}</span></td>`;
    return html`<td class="s-${cell.action}"><span class="state">${standingNames[lang][cell.action]}</span> ${time(cell.since, lang)}</td>`;
  })}</tr>\n`,
)}</tbody>
</table>
</section>`;
  });
  const main = html`<h1>${title}</h1>
<p>${m.tagline}</p>
${notices.map((notice) => html`<p class="notice" role="alert">${notice}</p>`)}
${form}
${view.groups.length === 0 ? html`<p>${m.empty}</p>` : sections}`;
  return layout({ page, title, here: { path: '/', query: { league: filter.league, country: filter.country, platform: filter.platform } }, main });
}

export function clubPage(catalog: Catalog, club: CatalogEntry, history: Story[], nameOf: ClubNamer, page: PageLanguage): string {
  const m = webMessages(page.language);
  const lang = page.language;
  const league = club.league ? catalog.byId(club.league)?.name : undefined;
  const stories = [...history].reverse().map((story) => {
    const summary = summarizeStory(story, nameOf, lang);
    const reports = [...story.reports].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
    return html`<li id="story-${story.id}" class="s-${story.action}-line">
<h2>${text(summary.headline)}</h2>
<p>${time(story.occurredAt, lang)} · ${summary.reportedBy}</p>
${summary.evidence ? html`<blockquote><p>${text(summary.evidence)}</p></blockquote>` : ''}
<h3>${m.reports}</h3>
<ul>${reports.map((report) => {
      const href = safeHref(report.link);
      const title = href ? html`<a href="${href}" rel="nofollow noopener noreferrer">${text(report.title)}</a>` : text(report.title);
      return html`<li>${text(report.outlet)}: ${title}${report.published ? html` · ${time(report.published, lang)}` : ''}</li>`;
    })}</ul>
</li>`;
  });
  const title = m.timeline(club.name);
  const main = html`<h1>${text(title)}</h1>
<p>${countryName(club.country, lang)}${league ? html` · ${text(league)}` : ''}</p>
${stories.length === 0 ? html`<p>${m.noStories}</p>` : html`<ol class="timeline">${stories}</ol>`}
<p><a href="${sitePath('/', page)}">${m.back}</a></p>`;
  return layout({ page, title, here: { path: `/clubs/${encodeURIComponent(club.id)}`, query: {} }, main });
}

export function messagePage(page: PageLanguage, title: string, message: string): string {
  const m = webMessages(page.language);
  return layout({ page, title, here: { path: '/', query: {} }, main: html`<h1>${title}</h1><p>${message}</p><p><a href="${sitePath('/', page)}">${m.back}</a></p>` });
}
