import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Messages } from './i18n/types.ts';
import { autocompleteChoices } from './limits.ts';
import { inert, stripControl, truncate } from './text.ts';

export function parseDailyTime(raw: string, messages: Messages): string {
  const value = stripControl(raw).trim();
  const match = /^([01]?\d|2[0-3])[:h.]([0-5]\d)$/i.exec(value);
  if (!match?.[1] || !match[2]) throw new UserError(messages.badTime(inert(truncate(value, 20))));
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

/** An IANA time zone, in its canonical spelling. */
export function parseTimeZone(raw: string, messages: Messages): string {
  const value = stripControl(raw).trim();
  if (value.length === 0 || value.length > 64) throw new UserError(messages.badTimeZone(inert(truncate(value, 64))));
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new UserError(messages.badTimeZone(inert(value)));
  }
}

let zones: string[] | null = null;

export function timeZoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  const wanted = stripControl(typed).trim().toLowerCase().replace(/ /g, '_').slice(0, 64);
  return zones
    .filter((zone) => wanted === '' || zone.toLowerCase().includes(wanted))
    .slice(0, autocompleteChoices)
    .map((zone) => ({ name: zone, value: zone }));
}
