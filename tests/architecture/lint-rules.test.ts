import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// Each rule of `npm run lint` is shown to bite: small bad files, linted with the project's own config.
const root = fileURLToPath(new URL('../../', import.meta.url));
const projectConfig = join(root, 'eslint.config.js');
const scratch = mkdtempSync(join(tmpdir(), 'clubwatch-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The rules that fire on `text`, as if it were the project file at `path`. */
async function rulesFiredOn(path: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

/** The messages for files written to a scratch folder and linted there with the project's config. */
async function lintScratch(files: Record<string, string>): Promise<ESLint.LintResult[]> {
  const dir = mkdtempSync(join(scratch, 'project-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: projectConfig });
  return eslint.lintFiles(Object.keys(files));
}

describe('npm run lint', () => {
  it('refuses a core file that imports the Discord adapter by a relative path', async () => {
    expect(await rulesFiredOn('src/stories/leak.ts', "export { clientOf } from '../discord/client.ts';\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('src/sources/feed/leak.ts', "import '../../bluesky/session.ts';\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('src/store/leak.ts', "import { renderPage } from '../web/pages.ts';\nrenderPage();\n")).toEqual(['no-restricted-imports']);
  });

  it('refuses platform packages outside their folder', async () => {
    expect(await rulesFiredOn('src/board/leak.ts', "import { Client } from 'discord.js';\nnew Client({ intents: [] });\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('src/discord/leak.ts', "import { AtpAgent } from '@atproto/api';\nnew AtpAgent({ service: '' });\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('src/bluesky/leak.ts', "import '../discord/client.ts';\n")).toEqual(['no-restricted-imports']);
  });

  it('lets each adapter import the core and its own platform', async () => {
    expect(await rulesFiredOn('src/discord/fine.ts', "import { Client } from 'discord.js';\nimport { UserError } from '../errors.ts';\nexport const both = [Client, UserError];\n")).toEqual([]);
    expect(await rulesFiredOn('src/bluesky/fine.ts', "import { AtpAgent } from '@atproto/api';\nexport const agent = AtpAgent;\n")).toEqual([]);
  });

  it('refuses a file of 401 lines and accepts one of 400', async () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `export const line${index} = ${index};`).join('\n');
    expect(await rulesFiredOn('src/items/long.ts', `${lines(401)}\n`)).toEqual(['max-lines']);
    expect(await rulesFiredOn('src/items/long.ts', `${lines(400)}\n`)).toEqual([]);
  });

  it('refuses unused variables and imports', async () => {
    expect(await rulesFiredOn('src/items/unused.ts', 'const forgotten = 1;\nexport {};\n')).toEqual(['@typescript-eslint/no-unused-vars']);
    expect(await rulesFiredOn('src/items/unused.ts', "import { UserError } from '../errors.ts';\nexport {};\n")).toEqual(['@typescript-eslint/no-unused-vars']);
  });

  it('refuses an import cycle, type-only imports included, and names its files', async () => {
    const results = await lintScratch({
      'src/a.ts': "import type { B } from './b.ts';\nexport interface A { b?: B }\n",
      'src/b.ts': "import { c } from './c.ts';\nexport type B = typeof c;\n",
      'src/c.ts': "import type { A } from './a.ts';\nexport const c: A = {};\n",
      'src/d.ts': "import { c } from './c.ts';\nexport const d = c;\n",
    });
    const cycles = results.map((result) => result.messages.filter((message) => message.ruleId === 'clubwatch/no-import-cycles'));
    expect(cycles.map((messages) => messages.length)).toEqual([1, 1, 1, 0]);
    expect(cycles[0]?.[0]?.message).toContain('src/a.ts → src/b.ts → src/c.ts → src/a.ts');
  });

  it('reports an export that no file imports', () => {
    const dir = mkdtempSync(join(scratch, 'knip-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', private: true }));
    writeFileSync(join(dir, 'knip.json'), JSON.stringify({ entry: ['main.ts'], project: ['*.ts'] }));
    writeFileSync(join(dir, 'main.ts'), "import { used } from './lib.ts';\nconsole.log(used);\n");
    writeFileSync(join(dir, 'lib.ts'), 'export const used = 1;\nexport const neverImported = 2;\n');
    const knip = spawnSync(join(root, 'node_modules/.bin/knip'), ['--directory', dir, '--no-progress', '--include', 'exports'], { encoding: 'utf8' });
    expect(knip.status).toBe(1);
    expect(knip.stdout).toContain('neverImported');
    expect(knip.stdout).toContain('Unused exports (1)');
  });
});
