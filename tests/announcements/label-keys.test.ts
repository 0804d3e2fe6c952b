import { describe, expect, it } from 'vitest';
import { labelKeys, tripleKey } from '../../src/announcements/eval.ts';
import { createCatalog } from '../../src/catalog/create-catalog.ts';
import type { CatalogEntry } from '../../src/catalog/types.ts';

const entry = (id: string, name: string, shortNames: string[], ambiguous: string[] = []): CatalogEntry => ({
  id,
  kind: 'club',
  name,
  shortNames,
  aliases: [],
  city: null,
  country: 'GB-SCT',
  league: null,
  accounts: {},
  ambiguous,
});

describe('label keys', () => {
  const catalog = createCatalog([
    entry('partick-thistle', 'Partick Thistle FC', ['Partick Thistle', 'Thistle'], ['Thistle']),
    entry('inverness-ct', 'Inverness Caledonian Thistle FC', ['Inverness CT', 'Thistle'], ['Thistle']),
    entry('queens-park-a', "Queen's Park FC", ["Queen's Park"]),
    entry('queens-park-b', "Queen's Park Rangers FC", ["Queen's Park"]),
  ]);
  const keyOf = labelKeys(catalog);

  it('reads a label that names a club now in the catalog as that entry', () => {
    expect(keyOf({ club: null, name: 'Partick Thistle', platform: 'x', action: 'leave' })).toBe(tripleKey('partick-thistle', undefined, 'x', 'leave'));
  });

  it('keeps a label keyed by its name when the name is ambiguous, shared or unknown', () => {
    expect(keyOf({ club: null, name: 'Thistle', platform: 'x', action: 'leave' })).toBe(tripleKey(null, 'Thistle', 'x', 'leave'));
    expect(keyOf({ club: null, name: "Queen's Park", platform: 'x', action: 'leave' })).toBe(tripleKey(null, "Queen's Park", 'x', 'leave'));
    expect(keyOf({ club: null, name: 'FC Dordrecht', platform: 'x', action: 'leave' })).toBe(tripleKey(null, 'FC Dordrecht', 'x', 'leave'));
  });

  it('keeps the catalog id a label already has', () => {
    expect(keyOf({ club: 'inverness-ct', name: 'Partick Thistle', platform: 'bluesky', action: 'join' })).toBe(tripleKey('inverness-ct', undefined, 'bluesky', 'join'));
  });
});
