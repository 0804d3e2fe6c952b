import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Item } from '../../src/items/item.ts';
import { createWebServer, type WebServer } from '../../src/web/server.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { startTestApp, testEnvironment, type TestApp, type TestEnvironment } from '../helpers/test-app.ts';

/** A name written to break pages, pictures and feeds: markup, quotes and a right-to-left override. */
export const hostileName = '<script>window.hacked=1</script> "Quote\' FC \u202Eevil';
const hostileTitle = 'Hostile FC quitte X. "<img src=x onerror=window.hacked=2>"';
/** An outlet (a feed's title) with markup and a right-to-left override. */
export const hostileOutlet = 'Kurve <b>Nord</b> & Co \u202Egnp.exe';

const catalogDir = fileURLToPath(new URL('../../config/catalog', import.meta.url));

/**
 * A clubwatch with a real catalog (plus one hostile club), a board filled through the real pipeline
 * from a trusted source, and the public site on a free port of 127.0.0.1. The reports link to
 * article pages served by a feed server, so a browser can follow them without the internet.
 */
export interface BoardWorld {
  env: TestEnvironment;
  bot: TestApp;
  web: WebServer;
  articles: FeedServer;
  close(): Promise<void>;
}

export async function startBoardWorld(options: { stories?: 'full' | 'empty' } = {}): Promise<BoardWorld> {
  const articles = new FeedServer();
  await articles.start();
  const env = testEnvironment({ sources: [`${articles.url}/feed.xml`] });
  // The real catalog, file by file, and one club whose name is hostile.
  const catalog = join(env.dir, 'catalog');
  mkdirSync(catalog);
  for (const file of readdirSync(catalogDir)) symlinkSync(join(catalogDir, file), join(catalog, file));
  writeFileSync(
    join(catalog, 'zz-hostile.json'),
    JSON.stringify({
      entries: [{ id: 'hostile-fc', kind: 'club', name: hostileName, shortNames: ['Hostile FC'], aliases: [], city: null, country: 'FR', league: 'ligue-1' }],
    }),
  );
  env.vars.CLUBWATCH_CONFIG_DIR = env.dir;
  writeFileSync(join(env.dir, 'sources.json'), JSON.stringify({ sources: [{ url: `${articles.url}/feed.xml` }] }));
  symlinkSync(fileURLToPath(new URL('../../config/sample', import.meta.url)), join(env.dir, 'sample'));

  let web: WebServer | undefined;
  const bot = await startTestApp(env, (context) => {
    web = createWebServer(context, { port: 0, host: '127.0.0.1', publicUrl: null });
    return [web];
  });
  await bot.app.prepare();
  if (!web) throw new Error('no web server');
  await web.start();
  if (options.stories !== 'empty') await seedStories(bot, articles);
  return {
    env,
    bot,
    web,
    articles,
    close: async () => {
      await bot.close();
      await articles.close();
      env.remove();
    },
  };
}

const day = 86_400_000;

async function seedStories(bot: TestApp, articles: FeedServer): Promise<void> {
  const now = Date.now();
  const texts: Array<[string, string, string, number]> = [
    ['red-star', 'Red Star FC quitte X', 'fr', 6],
    ['werder', 'Werder Bremen verlässt X und ist jetzt auf Bluesky.', 'de', 5],
    ['om', 'Olympique de Marseille reste sur X malgré les critiques.', 'fr', 4],
    ['st-pauli', 'FC St. Pauli pausiert seinen X-Account.', 'de', 3],
    ['real', 'Real Madrid joins Bluesky.', 'en', 2],
    ['hostile', hostileTitle, 'fr', 1],
  ];
  const items: Item[] = texts.map(([key, title, lang, daysAgo]) => ({
    key,
    title,
    text: key === 'red-star' ? 'Le Red Star FC quitte X. <script>window.hacked=3</script> « Assez » dit le club.' : '',
    link: `${articles.url}/articles/${key}`,
    published: new Date(now - daysAgo * day).toISOString(),
    lang,
  }));
  for (const item of items) {
    articles.route(`/articles/${item.key}`, {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article ${item.key}</title><link rel="icon" href="data:,"></head><body><h1>Article ${item.key}</h1></body></html>`,
    });
  }
  const [source] = await bot.context.store.listSources();
  if (!source) throw new Error('no source');
  await bot.context.pipeline.ingest({ ...source, title: hostileOutlet, lastSuccessAt: new Date(now - day).toISOString() }, items);
}
