import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const discordImport = /from\s+['"](discord\.js|discord-api-types[^'"]*|@discordjs\/[^'"]+)['"]|import\(\s*['"](discord\.js|@discordjs\/[^'"]+)['"]\s*\)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('Discord at the edge', () => {
  it('keeps discord.js out of everything but src/discord and commands', () => {
    const offenders = sources(join(root, 'src'))
      .map((path) => relative(root, path))
      .filter((path) => !path.startsWith('src/discord/'))
      .filter((path) => discordImport.test(readFileSync(join(root, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
