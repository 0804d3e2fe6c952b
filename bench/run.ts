import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { forkBench, machineLoad, nextMessage, progress } from './measure.ts';
import { figureKeys, formatTable, type Figures } from './report.ts';
import { fullSizes, quickSizes, sections, type SectionName } from './section.ts';

/**
 * `npm run bench`: measures and prints, never fails on a time. Human table by default; with
 * `--json`, one JSON object on standard output (progress stays on standard error).
 *
 *   npm run bench                          all sections, table
 *   npm run bench -- --json                all sections, JSON
 *   npm run bench -- --only fleet,latency  some sections (ingest, polls, fleet, latency, board, capacity, sources, memory, pg)
 *   npm run bench -- --quick               smaller sizes, to try the benchmark itself
 *   npm run bench -- --details out.json    also write every detail figure to a file
 *   npm run bench -- --discord-delay-ms 100  the fake Discord answers 100 ms late, like a far network
 *   npm run bench -- --discord-limits sliding  Discord's limits over sliding windows (any 1 s, any 5 s)
 *   npm run bench -- --tsx                 the live sections run the TypeScript sources through tsx
 *                                          (`npx clubwatch`), instead of the compiled bot that
 *                                          `npm start` and the Docker image run (the default)
 *
 * Exits 1 only when a section could not run at all.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    details: { type: 'string' },
    'discord-delay-ms': { type: 'string', default: '0' },
    'discord-limits': { type: 'string', default: 'fixed' },
    /** Accepted for older scripts: the compiled bot is now the default. */
    compiled: { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
  },
});

const chosen = (values.only?.split(',').map((name) => name.trim()) ?? [...sections]) as SectionName[];
const unknown = chosen.filter((name) => !(sections as readonly string[]).includes(name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')} (known: ${sections.join(', ')})\n`);
  process.exit(2);
}
const discordDelayMs = Number(values['discord-delay-ms']);
if (!Number.isFinite(discordDelayMs) || discordDelayMs < 0) {
  process.stderr.write('bench: --discord-delay-ms takes a number of milliseconds\n');
  process.exit(2);
}
const discordLimits = values['discord-limits'];
if (discordLimits !== 'fixed' && discordLimits !== 'sliding') {
  process.stderr.write('bench: --discord-limits is fixed or sliding\n');
  process.exit(2);
}
const sizes = { ...(values.quick ? quickSizes : fullSizes), discordDelayMs, discordLimits, ...(values.tsx ? {} : { entry: buildLikeNpmStart() }) };

const machine = (() => {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const { cores } = machineLoad();
  return `${cpu}, ${cores} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node.js ${process.version}, ${process.platform}`;
})();

/** The compiled bot, brought up to date the way `npm start` does it (`scripts/build-if-stale.js`). */
function buildLikeNpmStart(): string {
  progress('compiling the bot if its sources changed (as npm start does)');
  spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-if-stale.js')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const entry = join(repoRoot, 'dist', 'src', 'cli.js');
  if (!existsSync(entry)) throw new Error(`the build did not produce ${entry}`);
  return entry;
}

const figures = Object.fromEntries(figureKeys.map((key) => [key, null])) as Figures;
const details: Record<string, unknown> = { machine, sizes, load: {} };
const failed: string[] = [];

for (const name of chosen) {
  const before = machineLoad().load1;
  const startedAt = performance.now();
  progress(`${name}: starting (load average ${before})`);
  const child = forkBench('./section-child.ts');
  const answer = nextMessage<{ figures?: Record<string, unknown>; error?: string }>(child);
  child.send({ name, sizes });
  try {
    const result = await answer;
    if (result.error !== undefined) throw new Error(result.error);
    for (const [key, value] of Object.entries(result.figures ?? {})) {
      if ((figureKeys as readonly string[]).includes(key)) figures[key as keyof Figures] = value as number | null;
      else details[key] = value;
    }
  } catch (err) {
    failed.push(name);
    progress(`${name}: could not run: ${err instanceof Error ? err.message : String(err)}`);
  }
  (details.load as Record<string, unknown>)[name] = { before, after: machineLoad().load1 };
  progress(`${name}: done in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  if (child.exitCode === null) child.kill();
}

const loadNote = `load average (1 min) before/after each section: ${Object.entries(details.load as Record<string, { before: number; after: number }>)
  .map(([name, load]) => `${name} ${load.before}/${load.after}`)
  .join(', ')}`;
if (values.details) writeFileSync(values.details, `${JSON.stringify({ figures, ...details }, null, 2)}\n`);
if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else process.stdout.write(formatTable(figures, `${machine}${values.quick ? ' (quick sizes)' : ''}${values.tsx ? ', bot run through tsx' : ', compiled bot'}${discordDelayMs > 0 ? `, Discord ${discordDelayMs} ms away` : ''}${discordLimits === 'sliding' ? ', sliding limit windows' : ''}\n${loadNote}`));
progress(loadNote);
process.exitCode = failed.length > 0 ? 1 : 0;
