#!/usr/bin/env node
// Compiles the bot (tsc -p tsconfig.build.json) unless dist/ is already newer than every source
// file. Runs after `npm install` and before `npm start`, so `npm start` always runs compiled
// JavaScript: less memory and a quicker start than TypeScript through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'dist', '.built');
const inputs = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((name) => join(root, name));

// `npm ci` in the Docker image runs this before the sources are copied in: nothing to build yet.
if (!existsSync(join(root, 'src'))) process.exit(0);

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (builtAt > Math.max(...inputs.map(newest))) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (existsSync(join(root, 'dist', 'src', 'cli.js'))) process.exit(0);
  process.stderr.write('clubwatch is not built and TypeScript is not installed: run `npm install` (with dev dependencies), then `npm start`.\n');
  process.exit(1);
}
process.stderr.write('clubwatch: compiling (once after each change to the sources)…\n');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('clubwatch: the build failed (see above); `npm run typecheck` shows the same errors.\n');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
