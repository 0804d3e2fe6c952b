import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { createWebServer } from '../../src/web/server.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileName, hostileOutlet, startBoardWorld, type BoardWorld } from './board-world.ts';

const bin = fileURLToPath(new URL('../../bin/clubwatch.js', import.meta.url));

describe('the public site', () => {
  let world: BoardWorld;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${world.web.url}${path}`, { headers });

  beforeAll(async () => {
    world = await startBoardWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('shows the board per league, with table headers, a strict CSP and the stories’ standings', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/script-src/);
    const page = await response.text();
    expect(page).toMatch(/<h2 id="group-\d+"><bdi>Ligue 1<\/bdi><\/h2>/);
    expect(page).toMatch(/<h2 id="group-\d+"><bdi>Bundesliga<\/bdi><\/h2>/);
    expect(page).toContain('<th scope="col">Club</th>');
    expect(page).toMatch(/<th scope="row"><a href="\/clubs\/red-star-fc">/);
    expect(page).toMatch(/<td class="s-leave"><span class="state">left<\/span>/);
    expect(page).toMatch(/<td class="s-join"><span class="state">joined<\/span>/);
    expect(page).toMatch(/<main id="main">/);
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(page).not.toMatch(/<script/i);
  });

  it('shows a hostile club name as text, escaped and isolated, never as markup', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain('<bdi>&lt;script&gt;window.hacked=1&lt;/script&gt; &quot;Quote&#39; FC evil</bdi>');
    expect(page).not.toContain('\u202E');
    expect(page).not.toContain(hostileName);
    const club = await (await get('/clubs/hostile-fc')).text();
    expect(club).not.toMatch(/<script|<img/i);
    expect(club).toContain('&quot;&lt;img src=x onerror=window.hacked=2&gt;&quot;');
    expect(club).toContain('<bdi>Kurve &lt;b&gt;Nord&lt;/b&gt; &amp; Co gnp.exe</bdi>');
  });

  it('filters by league, country and platform with a plain GET form, and says which value it does not know', async () => {
    const league = await (await get('/?league=bundesliga')).text();
    expect(league).toContain('Werder');
    expect(league).not.toContain('Red Star');
    const country = await (await get('/?country=ES')).text();
    expect(country).toContain('Real Madrid');
    expect(country).not.toContain('Werder');
    const platform = await (await get('/?platform=bluesky')).text();
    expect(platform).toContain('Real Madrid');
    expect(platform).not.toContain('Marseille');
    expect(platform).not.toMatch(/<th scope="col">X<\/th>/);
    const unknown = await get('/?league=%3Cscript%3E');
    expect(unknown.status).toBe(400);
    const text = await unknown.text();
    expect(text).toContain('<p class="notice" role="alert">Unknown league “&lt;script&gt;”: showing every league instead.</p>');
  });

  it('speaks the visitor’s language from Accept-Language, and the switch overrides it in every link', async () => {
    const french = await get('/', { 'accept-language': 'de;q=0.5, fr-CH, en;q=0.8' });
    expect(french.headers.get('content-language')).toBe('fr');
    const page = await french.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<span class="state">parti</span>');
    expect(page).toContain('Championnat');
    const german = await (await get('/?lang=de', { 'accept-language': 'fr' })).text();
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('<a href="/clubs/red-star-fc?lang=de">');
    expect(german).toContain('<input type="hidden" name="lang" value="de">');
    expect(german).toContain('Frankreich');
  });

  it('shows a club’s timeline with every move, its evidence and links to the reports', async () => {
    const response = await get('/clubs/werder-bremen');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/<h2><bdi>Werder leaves X<\/bdi><\/h2>/);
    expect(page).toMatch(/<h2><bdi>Werder joins Bluesky<\/bdi><\/h2>/);
    expect(page).toContain('<blockquote><p><bdi>Werder Bremen verlässt X und ist jetzt auf Bluesky.</bdi></p></blockquote>');
    expect(page).toContain(`<a href="${world.articles.url}/articles/werder" rel="nofollow noopener noreferrer">`);
    const missing = await get('/clubs/nobody-fc', { 'accept-language': 'es' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Ningún club del catálogo tiene este id.');
  });

  it('serves the board and the stories as JSON', async () => {
    const board = (await (await get('/api/board.json?league=ligue-1')).json()) as {
      groups: Array<{ league: { id: string }; clubs: Array<{ id: string; name: string; standings: Record<string, { action: string }> }> }>;
    };
    expect(board.groups.map((group) => group.league.id)).toEqual(['ligue-1']);
    const clubs = board.groups[0]?.clubs ?? [];
    expect(clubs.find((club) => club.id === 'olympique-de-marseille')?.standings.x?.action).toBe('stay');
    expect(clubs.some((club) => club.id === 'red-star-fc')).toBe(false);
    expect(clubs.find((club) => club.id === 'hostile-fc')?.name).toBe(hostileName);
    const bad = await get('/api/board.json?platform=myspace');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Unknown platform “myspace”: showing every platform instead.' });
    const stories = (await (await get('/api/stories.json')).json()) as { stories: Array<{ headline: string; reports: Array<{ link: string }> }> };
    expect(stories.stories.map((story) => story.headline)).toContain('Real Madrid joins Bluesky');
    expect(stories.stories.length).toBe(7);
  });

  it('answers /healthz, serves its icon and stylesheet, and refuses to be written to', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const post = await fetch(`${world.web.url}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect((await get('/nothing-here')).status).toBe(404);
  });

  it('publishes the stories as Atom that clubwatch’s own reader and rss-parser read back alike', async () => {
    const response = await get('/stories.atom?lang=en');
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).not.toContain('<script');

    // Another process, as an operator runs it; the site answers it from this one.
    const read = await promisify(execFile)(process.execPath, [bin, 'read', `${world.web.url}/stories.atom?lang=en`, '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CLUBWATCH_LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(read.stderr).toBe('');
    const ours = read.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; title: string; link: string; published: string });

    const feed = await new Parser().parseString(xml);
    const theirs = feed.items.map((item) => ({ key: item.id as string, title: item.title, link: item.link, published: new Date(item.isoDate ?? '').toISOString() }));
    expect(ours.length).toBe(7);
    expect(ours).toEqual(theirs);
    expect(ours.map((item) => item.title)).toContain('Werder joins Bluesky');
    expect(ours.find((item) => item.title.startsWith('Red Star'))?.link).toMatch(/\/clubs\/red-star-fc\?lang=en#story-\d+$/);
    const hostile = feed.items.find((item) => item.link?.includes('hostile-fc'));
    expect(hostile?.title).toBe(`Hostile FC leaves X`);
    // The hostile outlet's name is text in the feed: escaped in the XML, read back as it was written.
    expect(xml).toContain('Kurve &lt;b&gt;Nord&lt;/b&gt; &amp; Co gnp.exe');
    expect(xml).not.toContain('\u202E');
    expect((hostile as { summary?: string } | undefined)?.summary).toContain(hostileOutlet.replace('\u202E', ''));
  });

  it('reuses an answer for a moment, then shows the board as it has changed', async () => {
    const web = createWebServer(world.bot.context, { port: 0, host: '127.0.0.1', publicUrl: null, cacheMs: 300 });
    await web.start();
    try {
      const clubsOf = async () =>
        ((await (await fetch(`${web.url}/api/board.json?country=IT`)).json()) as { groups: Array<{ clubs: Array<{ id: string }> }> }).groups.flatMap((group) =>
          group.clubs.map((club) => club.id),
        );
      expect(await clubsOf()).toEqual([]);
      const story = await world.bot.context.store.createStory(
        { clubId: 'ac-milan', clubName: 'AC Milan', platform: 'x', action: 'stay', occurredAt: new Date().toISOString(), firstSeenAt: new Date().toISOString(), confidence: 0.9 , shared: true},
        { sourceId: 's', outlet: 'o', itemKey: 'milan', title: 't', link: null, evidence: 'e', published: null, confidence: 0.9, lang: 'it', trusted: true },
      );
      await world.bot.context.store.setBoardEntry({ clubId: 'ac-milan', platform: 'x', action: 'stay', since: story.occurredAt, storyId: story.id });
      expect(await clubsOf()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await clubsOf()).toEqual(['ac-milan']);
    } finally {
      await web.stop();
    }
  });
});

describe('the public site with an empty board', () => {
  let world: BoardWorld;
  beforeAll(async () => {
    world = await startBoardWorld({ stories: 'empty' });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('says the board is empty instead of showing empty tables', async () => {
    const page = await (await fetch(`${world.web.url}/?lang=it`)).text();
    expect(page).toContain('Ancora nulla nel quadro per questa scelta.');
    expect(page).not.toContain('<table');
  });
});
