import { normalise } from './normalise.ts';
import type { Catalog, CatalogEntry } from './types.ts';

interface SearchKey {
  text: string;
  tokens: string[];
  /** Higher for names that identify the entry better. */
  weight: number;
}

function keysOf(entry: CatalogEntry): SearchKey[] {
  const keys: SearchKey[] = [];
  const add = (raw: string, weight: number): void => {
    const text = normalise(raw);
    if (text !== '') keys.push({ text, tokens: text.split(' '), weight });
  };
  add(entry.id.replace(/-/g, ' '), 3);
  add(entry.name, 4);
  for (const s of entry.shortNames) add(s, 3);
  for (const a of entry.aliases) add(a, 2);
  for (const a of entry.ambiguous) add(a, 0);
  return keys;
}

function score(query: string, qTokens: string[], keys: SearchKey[]): number {
  let best = 0;
  for (const key of keys) {
    let s = 0;
    if (key.text === query) s = 60 + key.weight;
    else if (key.text.startsWith(query)) s = 40 + key.weight;
    else if (qTokens.every((q) => key.tokens.some((t) => t === q))) s = 30 + key.weight;
    else if (qTokens.every((q) => key.tokens.some((t) => t.startsWith(q)))) s = 20 + key.weight;
    if (s > best) best = s;
  }
  return best;
}

/** Builds the in-memory catalog with an accent- and case-insensitive search. */
export function createCatalog(entries: readonly CatalogEntry[]): Catalog {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const keys = new Map(entries.map((e) => [e.id, keysOf(e)]));
  return {
    entries,
    byId: (id) => byId.get(id),
    search(query, limit = 10) {
      const exact = byId.get(query.trim().toLowerCase());
      const q = normalise(query);
      if (q === '') return exact ? [exact] : [];
      const qTokens = q.split(' ');
      const scored: Array<{ entry: CatalogEntry; s: number }> = [];
      for (const entry of entries) {
        if (entry === exact) continue;
        const s = score(q, qTokens, keys.get(entry.id) ?? []);
        // A club scores above a league or federation of the same name ("Bundesliga" aside).
        if (s > 0) scored.push({ entry, s: s + (entry.kind === 'club' ? 0.5 : 0) });
      }
      scored.sort((a, b) => b.s - a.s || a.entry.name.localeCompare(b.entry.name));
      const result = scored.map((x) => x.entry);
      if (exact) result.unshift(exact);
      return result.slice(0, Math.max(0, limit));
    },
    displayName(id) {
      const e = byId.get(id);
      if (!e) return id;
      return e.shortNames[0] ?? e.name;
    },
  };
}
