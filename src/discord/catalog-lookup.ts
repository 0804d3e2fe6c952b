import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { normalise } from '../catalog/normalise.ts';
import type { Catalog, CatalogEntry, EntryKind } from '../catalog/types.ts';
import { UserError } from '../errors.ts';
import type { Messages } from './i18n/types.ts';
import { autocompleteChoices, choiceNameLength } from './limits.ts';
import { inert, stripControl, truncate } from './text.ts';

const maxQuery = 100;
const subdivisions: Record<string, string> = { 'GB-ENG': 'England', 'GB-SCT': 'Scotland', 'GB-WLS': 'Wales', 'GB-NIR': 'Northern Ireland' };

/** A user's option value, trimmed and checked for length before it reaches the catalog. */
function cleanQuery(raw: string | null | undefined, messages: Messages, what = 'name'): string {
  const value = stripControl(raw ?? '').trim();
  if ([...value].length > maxQuery) throw new UserError(messages.tooLong(what, maxQuery));
  return value;
}

function names(entry: CatalogEntry): string[] {
  return [entry.id.replace(/-/g, ' '), entry.name, ...entry.shortNames, ...entry.aliases].map(normalise);
}

/**
 * A catalog entry from an id (what autocomplete sends) or a name, alias or nickname typed by hand:
 * accents and case ignored. Several plausible matches are an error that names them.
 */
export function resolveEntry(catalog: Catalog, raw: string, kinds: readonly EntryKind[], messages: Messages, unknown: (query: string) => string): CatalogEntry {
  const query = cleanQuery(raw, messages);
  const byId = catalog.byId(query.toLowerCase());
  if (byId && kinds.includes(byId.kind)) return byId;
  const found = query === '' ? [] : catalog.search(query, 10).filter((entry) => kinds.includes(entry.kind));
  const [first] = found;
  if (!first) throw new UserError(unknown(inert(truncate(query, 60))));
  const wanted = normalise(query);
  if (found.length === 1 || names(first).includes(wanted)) return first;
  const exact = found.filter((entry) => names(entry).includes(wanted));
  if (exact.length === 1 && exact[0]) return exact[0];
  throw new UserError(messages.ambiguous(inert(truncate(query, 60)), found.slice(0, 5).map((entry) => entry.name)));
}

function entryLabel(entry: CatalogEntry): string {
  const short = entry.shortNames[0];
  const withShort = short && normalise(short) !== normalise(entry.name) ? `${entry.name} (${short})` : entry.name;
  return truncate(`${withShort} · ${entry.country}`, choiceNameLength);
}

/** Up to 25 suggestions for a club-or-league option; with nothing typed, the first entries by name. */
export function entryChoices(catalog: Catalog, typed: string, kinds: readonly EntryKind[]): ApplicationCommandOptionChoiceData<string>[] {
  const query = stripControl(typed).trim().slice(0, maxQuery);
  const entries =
    query === ''
      ? catalog.entries.filter((entry) => kinds.includes(entry.kind)).slice().sort((a, b) => a.name.localeCompare(b.name))
      : catalog.search(query, 50).filter((entry) => kinds.includes(entry.kind));
  return entries.slice(0, autocompleteChoices).map((entry) => ({ name: entryLabel(entry), value: entry.id }));
}

export function countryName(code: string, language: string): string {
  if (subdivisions[code]) return subdivisions[code];
  try {
    return new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function catalogCountries(catalog: Catalog): string[] {
  return [...new Set(catalog.entries.map((entry) => entry.country))].sort();
}

export function resolveCountry(catalog: Catalog, raw: string, language: string, messages: Messages): string {
  const query = cleanQuery(raw, messages, 'country');
  const wanted = normalise(query);
  const match = catalogCountries(catalog).find(
    (code) => code.toLowerCase() === query.toLowerCase() || normalise(countryName(code, language)) === wanted || normalise(countryName(code, 'en')) === wanted,
  );
  if (!match) throw new UserError(messages.unknownCountry(inert(truncate(query, 60))));
  return match;
}

export function countryChoices(catalog: Catalog, typed: string, language: string): ApplicationCommandOptionChoiceData<string>[] {
  const wanted = normalise(stripControl(typed).slice(0, maxQuery));
  return catalogCountries(catalog)
    .map((code) => ({ code, name: countryName(code, language) }))
    .filter(({ code, name }) => wanted === '' || normalise(name).includes(wanted) || code.toLowerCase().startsWith(wanted.replace(/ /g, '-')))
    .slice(0, autocompleteChoices)
    .map(({ code, name }) => ({ name: truncate(`${name} (${code})`, choiceNameLength), value: code }));
}
