import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? match[2] ?? '');
}

const platformPackages: Array<{ pattern: RegExp; allowed: string[] }> = [
  { pattern: /^(discord\.js|@discordjs\/|discord-api-types)/, allowed: ['src/discord/', 'commands/'] },
  { pattern: /^@atproto\//, allowed: ['src/bluesky/'] },
];

describe('platforms stay at the edges', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('commands')];

  it.each(platformPackages)('only the allowed folders import $pattern', ({ pattern, allowed }) => {
    const offenders = files.filter(
      (file) => !allowed.some((prefix) => file.startsWith(prefix)) && importsOf(file).some((specifier) => pattern.test(specifier)),
    );
    expect(offenders).toEqual([]);
  });

  it('reads the environment in one place only', () => {
    const readers = files.filter((file) => /process\.env\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(readers.map((file) => relative('.', file))).toEqual(['src/config/env.ts']);
  });
});
