import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/build-if-stale.js', import.meta.url));

/** A copy of the project's layout with no node_modules, so TypeScript cannot be found from it. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'clubwatch-build-'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(script, join(root, 'scripts', 'build-if-stale.js'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'cli.ts'), 'export {};\n');
  return root;
}

const run = (root: string) => spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js')], { encoding: 'utf8' });

describe('the build before npm start', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('leaves a build newer than every source alone', () => {
    root = project();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', '.built'), 'now\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'dist', '.built'), later, later);
    const result = run(root);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('says in one line what to do when the sources changed and TypeScript is not installed', () => {
    root = project();
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('clubwatch is not built and TypeScript is not installed: run `npm install` (with dev dependencies), then `npm start`.\n');
  });

  it('does nothing before the sources are there, as in the Docker image’s npm ci', () => {
    root = project();
    rmSync(join(root, 'src'), { recursive: true });
    expect(run(root).status).toBe(0);
  });
});
