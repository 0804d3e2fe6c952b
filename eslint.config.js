// The shape of the codebase, checked by `npm run lint`: no import cycles, platforms at the edges,
// small files, no unused code (unused exports and files: knip, in the same script).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { noImportCycles } from './lint/no-import-cycles.js';

/** Platform packages, each allowed in its own folder only. */
const discordPackages = ['discord.js', '@discordjs/*', 'discord-api-types', 'discord-api-types/*'];
const blueskyPackages = ['@atproto/*'];

/** A relative import into one of the given top-level folders (src/<name>/, src/<name>.ts or commands/). */
function intoFolders(names, message) {
  return { regex: `^\\.{1,2}/(\\.\\./)*(src/)?(${names.join('|')})(/|\\.ts$)`, message };
}

function restrict({ packages = [], folders = [], why }) {
  const patterns = [];
  if (packages.length > 0) patterns.push({ group: packages, message: why });
  if (folders.length > 0) patterns.push(intoFolders(folders, why));
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const core = [
  'announcements',
  'board',
  'catalog',
  'config',
  'deliveries',
  'items',
  'pipeline',
  'sources',
  'store',
  'stories',
  'summaries',
].map((folder) => `src/${folder}/**/*.ts`);
const coreRoots = ['src/errors.ts', 'src/logger.ts', 'src/log-format.ts'];

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'bench/out/', '.test-dist-*/', 'test-artifacts/', 'tests/architecture/lint-fixtures/'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    plugins: {
      '@typescript-eslint': tseslint.plugin,
      clubwatch: { rules: { 'no-import-cycles': noImportCycles } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'clubwatch/no-import-cycles': 'error',
      // Every line counts, blank lines and comments included: the limit is the file's length as read.
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: [...core, ...coreRoots],
    rules: restrict({
      packages: [...discordPackages, ...blueskyPackages],
      folders: ['discord', 'bluesky', 'web', 'app', 'cli', 'commands'],
      why: 'The core knows no platform: it must not import Discord, Bluesky, the web page, the app or the command line.',
    }),
  },
  {
    files: ['src/discord/**/*.ts', 'commands/**/*.ts'],
    rules: restrict({
      packages: blueskyPackages,
      folders: ['bluesky', 'web', 'cli'],
      why: 'Discord code stays in src/discord and commands: it must not import Bluesky, the web page or the command line.',
    }),
  },
  {
    files: ['src/bluesky/**/*.ts'],
    rules: restrict({
      packages: discordPackages,
      folders: ['discord', 'web', 'cli', 'commands'],
      why: 'Bluesky code stays in src/bluesky: it must not import Discord, the web page or the command line.',
    }),
  },
  {
    files: ['src/web/**/*.ts'],
    rules: restrict({
      packages: [...discordPackages, ...blueskyPackages],
      folders: ['discord', 'bluesky', 'cli', 'commands'],
      why: 'The web page reads the core only: it must not import Discord, Bluesky or the command line.',
    }),
  },
  {
    files: ['src/app/**/*.ts', 'src/cli/**/*.ts', 'src/cli.ts'],
    rules: restrict({
      packages: [...discordPackages, ...blueskyPackages],
      why: 'The app and the command line wire platforms through src/discord and src/bluesky, never their packages directly.',
    }),
  },
);
