import type { LocalizationMap } from 'discord.js';

/** The locales clubwatch's commands are translated into, besides English. */
export type CommandLocale = 'fr' | 'de' | 'es-ES' | 'it' | 'pt-BR';
export type Translations = Record<CommandLocale, [name: string, description: string]>;

/** A name and description with their translations, as Discord's command payload wants them. */
export function localized<const N extends string>(name: N, description: string, translations: Translations) {
  const names: LocalizationMap = {};
  const descriptions: LocalizationMap = {};
  for (const [locale, [localName, localDescription]] of Object.entries(translations) as Array<[CommandLocale, [string, string]]>) {
    names[locale] = localName;
    descriptions[locale] = localDescription;
  }
  return { name, description, name_localizations: names, description_localizations: descriptions };
}

/** A choice's label with its translations. */
export function choice<const V extends string>(value: V, name: string, translations?: Record<CommandLocale, string>) {
  return { name, value, ...(translations ? { name_localizations: translations } : {}) };
}
