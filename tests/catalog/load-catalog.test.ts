import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { normalise } from '../../src/catalog/normalise.ts';
import { ConfigError } from '../../src/errors.ts';

const catalog = loadCatalog();

const required = [
  'red-star-fc',
  'olympique-de-marseille',
  'fc-st-pauli',
  'werder-bremen',
  'paris-saint-germain',
  'olympique-lyonnais',
  'fc-nantes',
  'rc-strasbourg',
  'borussia-dortmund',
  'borussia-monchengladbach',
  'sc-freiburg',
  'fc-barcelona',
  'real-madrid',
  'flamengo',
  'corinthians',
];

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clubwatch-catalog-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const league = { id: 'ligue-1', kind: 'league', name: 'Ligue 1', country: 'FR' };

describe('the real catalog files', () => {
  it('load and hold every club the product is built around', () => {
    for (const id of required) expect(catalog.byId(id), id).toBeDefined();
  });

  it('have unique kebab-case ids', () => {
    const ids = catalog.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('give every club a league that exists and is a league', () => {
    for (const e of catalog.entries) {
      if (e.kind !== 'club') continue;
      expect(e.league, e.id).not.toBeNull();
      expect(catalog.byId(e.league ?? '')?.kind, e.id).toBe('league');
    }
  });

  it('have no two clubs sharing a name that is not marked ambiguous', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of catalog.entries) {
      if (e.kind !== 'club') continue;
      const ambiguous = new Set(e.ambiguous.map(normalise));
      for (const n of [e.name, ...e.shortNames, ...e.aliases]) {
        const key = normalise(n);
        if (ambiguous.has(key)) continue;
        const set = owners.get(key) ?? new Set<string>();
        set.add(e.id);
        owners.set(key, set);
      }
    }
    const clashes = [...owners].filter(([, ids]) => ids.size > 1).map(([n, ids]) => `${n}: ${[...ids].join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('spell Bluesky handles as domain names, each beside the address of the published page that names it', () => {
    for (const e of catalog.entries) {
      const h = e.accounts.bluesky;
      if (h === undefined) continue;
      expect(h, e.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(e.accounts.blueskySource, e.id).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+\/\S+$/);
    }
  });
});

describe('catalog search', () => {
  it('finds Olympique de Marseille from a nickname without accents', () => {
    expect(catalog.search('phoceen')[0]?.id).toBe('olympique-de-marseille');
    expect(catalog.search('le club PHOCÉEN')[0]?.id).toBe('olympique-de-marseille');
  });

  it('puts an exact id first', () => {
    expect(catalog.search('fc-st-pauli')[0]?.id).toBe('fc-st-pauli');
  });

  it('ignores case and accents in official names', () => {
    expect(catalog.search('borussia monchengladbach')[0]?.id).toBe('borussia-monchengladbach');
    expect(catalog.search('BARÇA')[0]?.id).toBe('fc-barcelona');
  });

  it('returns both Borussias for the ambiguous name', () => {
    const ids = catalog.search('Borussia').map((e) => e.id);
    expect(ids).toContain('borussia-dortmund');
    expect(ids).toContain('borussia-monchengladbach');
  });

  it('returns nothing for an empty query', () => {
    expect(catalog.search('  ')).toEqual([]);
  });

  it('uses the first short name as the display name', () => {
    expect(catalog.displayName('olympique-de-marseille')).toBe('OM');
    expect(catalog.displayName('unknown-club')).toBe('unknown-club');
  });
});

describe('loadCatalog', () => {
  it('names the file and the field when an entry is wrong', () => {
    const dir = dirWith({ 'fr.json': { entries: [league, { id: 'Bad Id', name: 'X', country: 'FR', league: 'ligue-1' }] } });
    expect(() => loadCatalog(dir)).toThrow(ConfigError);
    expect(() => loadCatalog(dir)).toThrow(/fr\.json.*entry "Bad Id", field "id"/);
  });

  it('refuses a club whose league is not in the catalog', () => {
    const dir = dirWith({ 'fr.json': { entries: [{ id: 'fc-a', name: 'FC A', country: 'FR', league: 'ligue-9' }] } });
    expect(() => loadCatalog(dir)).toThrow(/entry "fc-a", field "league"/);
  });

  it('refuses an id defined twice across files', () => {
    const entry = { id: 'fc-a', name: 'FC A', country: 'FR', league: 'ligue-1' };
    const dir = dirWith({ 'a.json': { entries: [league, entry] }, 'b.json': { entries: [entry] } });
    expect(() => loadCatalog(dir)).toThrow(/b\.json: field "id": "fc-a" is also defined/);
  });

  it('refuses a file that is not JSON', () => {
    const dir = dirWith({ 'a.json': '{ nope' });
    expect(() => loadCatalog(dir)).toThrow(/a\.json is not readable JSON/);
  });

  it('refuses a Bluesky account without the page that names it, and a handle not written as the network writes it', () => {
    const club = (accounts: Record<string, string>) => ({ id: 'fc-a', name: 'FC A', country: 'FR', league: 'ligue-1', accounts });
    const source = 'https://news.example/fc-a-joins-bluesky';
    expect(() => loadCatalog(dirWith({ 'a.json': { entries: [league, club({ bluesky: 'fca.bsky.social' })] } }))).toThrow(
      /entry "fc-a", field "accounts\.blueskySource": is required with a Bluesky account/,
    );
    expect(() => loadCatalog(dirWith({ 'a.json': { entries: [league, club({ blueskyDid: 'did:plc:abc123' })] } }))).toThrow(/field "accounts\.blueskySource"/);
    expect(() => loadCatalog(dirWith({ 'a.json': { entries: [league, club({ bluesky: '@FCA.bsky.social', blueskySource: source })] } }))).toThrow(
      /field "accounts\.bluesky": "@FCA\.bsky\.social" is not a Bluesky handle/,
    );
    expect(() => loadCatalog(dirWith({ 'a.json': { entries: [league, club({ bluesky: 'fca.bsky.social', blueskySource: 'news report' })] } }))).toThrow(
      /field "accounts\.blueskySource": must be the http\(s\) address of a published page/,
    );
    const loaded = loadCatalog(dirWith({ 'a.json': { entries: [league, club({ bluesky: 'fca.bsky.social', blueskySource: source })] } }));
    expect(loaded.byId('fc-a')?.accounts).toEqual({ bluesky: 'fca.bsky.social', blueskySource: source });
  });

  it('refuses a directory that does not exist', () => {
    expect(() => loadCatalog(join(tmpdir(), 'no-such-catalog-dir-xyz'))).toThrow(ConfigError);
  });
});
