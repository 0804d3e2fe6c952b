/** The figures `npm run bench -- --json` prints, in this order, and the targets set for them. */
export const figureKeys = [
  'ingest_items_per_s',
  'rss_parser_items_per_s',
  'extract_100kb_ms',
  'poll_304_cpu_ms',
  'poll_unchanged_cpu_ms',
  'fanout_msgs_per_s',
  'fanout_limit_per_s',
  'fanout_429s',
  'fanout_lost',
  'fanout_duplicates',
  'rss_mb_idle_1000_guilds',
  'rss_mb_idle_10000_guilds',
  'rss_mb_after_fanout',
  'startup_ms',
  'latency_ms_p50',
  'latency_ms_p95',
  'board_png_ms',
  'web_board_rps',
  'capacity_sources',
  'event_loop_p99_ms',
  'event_loop_p99_ms_big_feed',
  'db_mb_after_rotation',
  'pg_ingest_items_per_s',
  'pg_ingest_items_per_s_2_workers',
] as const;

type FigureKey = (typeof figureKeys)[number];
export type Figures = Record<FigureKey, number | null>;

interface Target {
  text: string;
  met(figures: Figures): boolean | null;
}

/** A handful of 429s is tolerated in a fan-out; more means the bot is not pacing itself. */
const handful = 5;
const latencyPollIntervalMs = 2_000;

const known = (value: number | null): value is number => value !== null && Number.isFinite(value);
const check = (value: number | null, test: (value: number) => boolean): boolean | null => (known(value) ? test(value) : null);

const targets: Partial<Record<FigureKey, Target>> = {
  ingest_items_per_s: {
    text: '≥ 20,000 and ≥ 2 × rss-parser',
    met: (f) =>
      known(f.ingest_items_per_s) && known(f.rss_parser_items_per_s)
        ? f.ingest_items_per_s >= 20_000 && f.ingest_items_per_s >= 2 * f.rss_parser_items_per_s
        : null,
  },
  extract_100kb_ms: { text: '≤ 50', met: (f) => check(f.extract_100kb_ms, (v) => v <= 50) },
  poll_304_cpu_ms: { text: '< 1', met: (f) => check(f.poll_304_cpu_ms, (v) => v < 1) },
  poll_unchanged_cpu_ms: { text: '< 5, no parsing', met: (f) => check(f.poll_unchanged_cpu_ms, (v) => v < 5) },
  fanout_msgs_per_s: {
    text: '≥ 90 % of the limit',
    met: (f) => (known(f.fanout_msgs_per_s) && known(f.fanout_limit_per_s) ? f.fanout_msgs_per_s >= 0.9 * f.fanout_limit_per_s : null),
  },
  fanout_429s: { text: `≤ ${handful}`, met: (f) => check(f.fanout_429s, (v) => v <= handful) },
  fanout_lost: { text: '0', met: (f) => check(f.fanout_lost, (v) => v === 0) },
  fanout_duplicates: { text: '0', met: (f) => check(f.fanout_duplicates, (v) => v === 0) },
  rss_mb_idle_1000_guilds: { text: '≤ 150', met: (f) => check(f.rss_mb_idle_1000_guilds, (v) => v <= 150) },
  rss_mb_idle_10000_guilds: { text: '≤ 400', met: (f) => check(f.rss_mb_idle_10000_guilds, (v) => v <= 400) },
  capacity_sources: { text: '100,000', met: (f) => check(f.capacity_sources, (v) => v >= 100_000) },
  event_loop_p99_ms: { text: '≤ 50', met: (f) => check(f.event_loop_p99_ms, (v) => v <= 50) },
  event_loop_p99_ms_big_feed: { text: '≤ 50', met: (f) => check(f.event_loop_p99_ms_big_feed, (v) => v <= 50) },
  db_mb_after_rotation: { text: '≤ 50', met: (f) => check(f.db_mb_after_rotation, (v) => v <= 50) },
  pg_ingest_items_per_s_2_workers: {
    text: '≥ 1.6 × one worker',
    met: (f) => (known(f.pg_ingest_items_per_s) && known(f.pg_ingest_items_per_s_2_workers) ? f.pg_ingest_items_per_s_2_workers >= 1.6 * f.pg_ingest_items_per_s : null),
  },
  startup_ms: { text: '< 3,000', met: (f) => check(f.startup_ms, (v) => v < 3_000) },
  board_png_ms: { text: '≤ 100', met: (f) => check(f.board_png_ms, (v) => v <= 100) },
  web_board_rps: { text: '≥ 500', met: (f) => check(f.web_board_rps, (v) => v >= 500) },
  latency_ms_p95: {
    text: `< poll interval + 1 s (${(latencyPollIntervalMs + 1_000).toLocaleString('en')})`,
    met: (f) => check(f.latency_ms_p95, (v) => v < latencyPollIntervalMs + 1_000),
  },
};

const labels: Record<FigureKey, string> = {
  ingest_items_per_s: 'ingest, items/s per core',
  rss_parser_items_per_s: 'rss-parser alone, items/s per core',
  extract_100kb_ms: 'slowest extraction of a 100 KB item, CPU ms',
  poll_304_cpu_ms: 'poll answered 304, CPU ms',
  poll_unchanged_cpu_ms: 'poll 200 unchanged body, CPU ms',
  fanout_msgs_per_s: 'fan-out, messages/s',
  fanout_limit_per_s: "fan-out, Discord's limit/s",
  fanout_429s: 'fan-out, 429s met',
  fanout_lost: 'fan-out, channels without the message',
  fanout_duplicates: 'fan-out, messages sent twice',
  rss_mb_idle_1000_guilds: 'resident MB, 1,000 servers idle',
  rss_mb_idle_10000_guilds: 'resident MB, 10,000 servers idle',
  rss_mb_after_fanout: 'resident MB, right after the fan-out',
  startup_ms: 'start-up to ready, ms',
  latency_ms_p50: 'feed → Discord latency p50, ms',
  latency_ms_p95: 'feed → Discord latency p95, ms',
  board_png_ms: 'board picture, 20 clubs, warm, ms',
  web_board_rps: 'web page /, 500 clubs, requests/s',
  capacity_sources: 'sources kept up with at a 10-minute interval',
  event_loop_p99_ms: 'event loop delay p99 during that run, ms',
  event_loop_p99_ms_big_feed: 'event loop delay p99 while a 5 MB feed changes each second, ms',
  db_mb_after_rotation: 'database MB after 200 reads rotating 1,000 items each',
  pg_ingest_items_per_s: 'PostgreSQL ingest, one worker, items/s',
  pg_ingest_items_per_s_2_workers: 'PostgreSQL ingest, two workers, items/s',
};

function format(value: number | null): string {
  if (!known(value)) return 'n/a';
  return Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 3 });
}

/** The human table: figure, target, and whether it is met. */
export function formatTable(figures: Figures, machine: string): string {
  const rows = figureKeys.map((key) => {
    const target = targets[key];
    const met = target?.met(figures);
    return [labels[key], format(figures[key]), target?.text ?? '', met === undefined ? '' : met === null ? 'n/a' : met ? 'met' : 'MISSED'];
  });
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), '', machine, ''].join('\n');
}
