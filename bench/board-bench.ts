import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { platforms, type Action, type Platform } from '../src/announcements/announcement.ts';
import { loadBoard } from '../src/board/board.ts';
import { renderBoardImage } from '../src/board/image.ts';
import { boardTitle } from '../src/board/labels.ts';
import { WebServer } from '../src/web/server.ts';
import { benchContext, benchEnvironment, repoRoot } from './bench-env.ts';
import { forkBench, nextMessage, progress } from './measure.ts';

export interface BoardFigures {
  board_png_ms: number;
  web_board_rps: number;
  board_detail: { png_clubs: number; png_bytes: number; png_first_ms: number; png_samples_ms: number[]; web_clubs: number; web_page_kb: number; web_connections: number; web_seconds: number; web_not_ok: number };
}

const actions: Action[] = ['leave', 'stay', 'join', 'pause', 'return', 'delete'];
const shown: Platform[] = platforms.filter((platform) => platform !== 'other');

/**
 * The board as a picture and as a page. `board_png_ms`: the median time to draw a 20-club board to
 * PNG, warm (renderer loaded, the board's words laid out once and kept, no picture cached);
 * `png_first_ms` beside it is the first drawing, which lays the words out. `web_board_rps`: requests per second for `/` with
 * `clubs` clubs on the board, served by the bot's web server in this process and asked by a load
 * generator in another, over keep-alive connections on 127.0.0.1.
 */
export async function runBoardBench(options: { clubs: number; seconds: number; connections: number }): Promise<BoardFigures> {
  const env = benchEnvironment();
  // The real catalog, and as many made-up clubs as it takes to reach the size asked for.
  const catalog = join(env.dir, 'catalog');
  mkdirSync(catalog);
  for (const file of readdirSync(join(repoRoot, 'config', 'catalog'))) symlinkSync(join(repoRoot, 'config', 'catalog', file), join(catalog, file));
  writeFileSync(
    join(catalog, 'zz-bench.json'),
    JSON.stringify({
      entries: Array.from({ length: options.clubs }, (_, i) => ({ id: `bench-club-${i}`, kind: 'club', name: `Bench Club ${i} Düsseldorf`, country: 'DE', league: 'bundesliga' })),
    }),
  );
  env.vars.CLUBWATCH_CONFIG_DIR = env.dir;
  writeFileSync(join(env.dir, 'sources.json'), JSON.stringify({ sources: [] }));
  const context = await benchContext(env);
  const { store } = context;
  try {
    const clubs = context.catalog.entries.filter((entry) => entry.kind === 'club').slice(0, options.clubs);
    const at = new Date('2026-11-20T09:00:00.000Z').toISOString();
    await store.transaction(async (tx) => {
      for (const [index, club] of clubs.entries()) {
        for (const platform of shown.slice(0, 1 + (index % 3))) {
          const action = actions[(index + platform.length) % actions.length] as Action;
          const story = await tx.createStory(
            { clubId: club.id, clubName: club.name, platform, action, occurredAt: at, firstSeenAt: at, confidence: 0.9 , shared: true},
            { sourceId: 'bench', outlet: 'Bench Wire', itemKey: `${club.id}-${platform}`, title: 't', link: 'https://news.example/a', evidence: 'e', published: at, confidence: 0.9, lang: 'en', trusted: true },
          );
          await tx.setBoardEntry({ clubId: club.id, platform, action, since: at, storyId: story.id });
        }
      }
    });

    // The picture: 20 clubs of the real board.
    const full = await loadBoard(store, context.catalog);
    const twenty = { ...full, groups: [{ ...full.groups[0]!, clubs: full.groups.flatMap((group) => group.clubs).slice(0, 20) }] };
    const title = boardTitle(null, new Date(at), 'en');
    const first = performance.now();
    await renderBoardImage(twenty, title, 'en');
    const firstMs = performance.now() - first;
    for (let i = 0; i < 4; i++) await renderBoardImage(twenty, title, 'en');
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      bytes = (await renderBoardImage(twenty, title, 'en')).png.length;
      samples.push(performance.now() - started);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    progress(`board: a 20-club board drawn in ${median.toFixed(1)} ms (median of 20, warm; the first in ${firstMs.toFixed(1)} ms)`);

    // The page, asked for by another process.
    const web = new WebServer(context, { port: 0, host: '127.0.0.1', publicUrl: null });
    await web.start();
    try {
      const page = await (await fetch(`${web.url}/`)).text();
      const load = forkBench('./http-load.ts');
      const answer = nextMessage<{ ok: number; other: number; errors: number; seconds: number }>(load);
      load.send({ url: `${web.url}/`, connections: options.connections, seconds: options.seconds, headers: { 'accept-language': 'en' } });
      const result = await answer;
      const rps = result.ok / result.seconds;
      progress(`board: / with ${clubs.length} clubs served ${rps.toFixed(0)} requests/s (${result.other + result.errors} not 200)`);
      return {
        board_png_ms: Math.round(median * 10) / 10,
        web_board_rps: Math.round(rps),
        board_detail: {
          png_clubs: 20,
          png_bytes: bytes,
          png_first_ms: Math.round(firstMs * 10) / 10,
          png_samples_ms: samples.map((ms) => Math.round(ms * 10) / 10),
          web_clubs: clubs.length,
          web_page_kb: Math.round(Buffer.byteLength(page) / 1024),
          web_connections: options.connections,
          web_seconds: options.seconds,
          web_not_ok: result.other + result.errors,
        },
      };
    } finally {
      await web.stop();
    }
  } finally {
    await store.close();
    await context.trustedFetcher.close();
    await context.untrustedFetcher.close();
    env.remove();
  }
}
