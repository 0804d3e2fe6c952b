import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  Locale,
  type APIApplicationCommand,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { FormErrors, lengthBetween } from './errors.ts';
import type { SnowflakeGenerator } from './snowflake.ts';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const MAX_COMMAND_CHARACTERS = 4000;

type Path = (string | number)[];
type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const len = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

/** Names of chat-input commands and of all options: the regex, and lower case where a letter has one. */
function checkChatInputName(errors: FormErrors, path: Path, name: unknown): void {
  if (typeof name !== 'string' || !NAME.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkLocalizations(
  errors: FormErrors,
  path: Path,
  map: unknown,
  checkValue: (p: Path, value: unknown) => void,
): void {
  if (map === undefined || map === null) return;
  if (!isObject(map)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  for (const [locale, value] of Object.entries(map)) {
    if (!LOCALES.has(locale)) {
      errors.add([...path, locale], 'ENUM_TYPE_COERCE', `Value "${locale}" is not a valid enum value.`);
      continue;
    }
    checkValue([...path, locale], value);
  }
}

/**
 * Discord's 4000-character limit on a command: names, descriptions and choice names and values
 * of the command and all its options, where a localised field counts its longest version
 * (default included), as Discord's documentation says.
 */
class CommandSize {
  #total = 0;

  add(text: unknown, localizations?: unknown): void {
    const versions = [typeof text === 'string' ? text : String(text ?? '')];
    if (isObject(localizations)) versions.push(...Object.values(localizations).filter((v): v is string => typeof v === 'string'));
    this.#total += Math.max(...versions.map(len));
  }

  get total(): number {
    return this.#total;
  }
}

const VALUE_TYPES: Partial<Record<ApplicationCommandOptionType, 'string' | 'number' | 'integer'>> = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'integer',
  [ApplicationCommandOptionType.Number]: 'number',
};

function checkOption(errors: FormErrors, path: Path, option: unknown, depth: number, size: CommandSize): void {
  if (!isObject(option)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = option.type as ApplicationCommandOptionType;
  if (typeof type !== 'number' || type < 1 || type > 11) {
    errors.add([...path, 'type'], 'ENUM_TYPE_COERCE', `Value "${String(type)}" is not a valid enum value.`);
    return;
  }
  checkChatInputName(errors, [...path, 'name'], option.name);
  lengthBetween(errors, [...path, 'description'], option.description, 1, 100);
  size.add(option.name, option.name_localizations);
  size.add(option.description, option.description_localizations);
  checkLocalizations(errors, [...path, 'name_localizations'], option.name_localizations, (p, v) =>
    checkChatInputName(errors, p, v),
  );
  checkLocalizations(errors, [...path, 'description_localizations'], option.description_localizations, (p, v) =>
    lengthBetween(errors, p, v, 1, 100),
  );
  const isGroup = type === ApplicationCommandOptionType.SubcommandGroup;
  const isSub = type === ApplicationCommandOptionType.Subcommand;
  if (isGroup || isSub) {
    if ((isGroup && depth > 0) || (isSub && depth > 1)) {
      errors.add([...path, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Sub-command nesting is too deep');
    }
    checkOptionList(errors, [...path, 'options'], option.options, depth + 1, isGroup ? 'subcommands' : 'values', size);
    return;
  }
  const valueType = VALUE_TYPES[type];
  if (option.choices !== undefined) {
    if (!valueType) {
      errors.add([...path, 'choices'], 'APPLICATION_COMMAND_OPTION_CHOICES_INVALID', 'Choices are not allowed for this option type');
    } else if (!Array.isArray(option.choices)) {
      errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else {
      if (option.choices.length > 25) {
        errors.add([...path, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      if (option.autocomplete === true && option.choices.length > 0) {
        errors.add([...path, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', 'Autocomplete cannot be set with choices');
      }
      option.choices.forEach((choice: unknown, i: number) => {
        checkChoice(errors, [...path, 'choices', i], choice, valueType, size);
      });
    }
  }
  if (option.autocomplete === true && !valueType) {
    errors.add([...path, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', 'Autocomplete is not allowed for this option type');
  }
  for (const key of ['min_length', 'max_length'] as const) {
    const v = option[key];
    if (v === undefined) continue;
    if (type !== ApplicationCommandOptionType.String) errors.add([...path, key], 'BASE_TYPE_INVALID', 'Only for string options');
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < (key === 'min_length' ? 0 : 1) || v > 6000) {
      errors.add([...path, key], 'NUMBER_TYPE_MAX', 'int value should be between 0 and 6000.');
    }
  }
  for (const key of ['min_value', 'max_value'] as const) {
    if (option[key] !== undefined && valueType !== 'integer' && valueType !== 'number') {
      errors.add([...path, key], 'BASE_TYPE_INVALID', 'Only for integer and number options');
    }
  }
  if (option.channel_types !== undefined && type !== ApplicationCommandOptionType.Channel) {
    errors.add([...path, 'channel_types'], 'BASE_TYPE_INVALID', 'Only for channel options');
  }
}

function checkChoice(
  errors: FormErrors,
  path: Path,
  choice: unknown,
  valueType: 'string' | 'number' | 'integer',
  size: CommandSize,
): void {
  if (!isObject(choice)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  lengthBetween(errors, [...path, 'name'], choice.name, 1, 100);
  checkLocalizations(errors, [...path, 'name_localizations'], choice.name_localizations, (p, v) =>
    lengthBetween(errors, p, v, 1, 100),
  );
  const value = choice.value;
  if (valueType === 'string') {
    lengthBetween(errors, [...path, 'value'], value, 1, 100);
  } else if (typeof value !== 'number' || (valueType === 'integer' && !Number.isInteger(value))) {
    errors.add([...path, 'value'], 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not ${valueType === 'integer' ? 'int' : 'a number'}.`);
  }
  size.add(choice.name, choice.name_localizations);
  size.add(value);
}

/**
 * A list of options at one level: at most 25, unique names, required before optional,
 * and either all subcommands/groups or none of them.
 */
function checkOptionList(
  errors: FormErrors,
  path: Path,
  options: unknown,
  depth: number,
  expect: 'any' | 'subcommands' | 'values',
  size: CommandSize,
): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const isNesting = (o: unknown): boolean =>
    isObject(o) &&
    (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup);
  const nesting = options.filter(isNesting).length;
  if (nesting > 0 && nesting < options.length) {
    errors.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-commands and options cannot be mixed');
  }
  if (expect === 'subcommands' && options.some((o) => !isObject(o) || o.type !== ApplicationCommandOptionType.Subcommand)) {
    errors.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'A sub-command group may only contain sub-commands');
  }
  if (expect === 'values' && nesting > 0) {
    errors.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'A sub-command may not contain sub-commands');
  }
  const names = new Set<string>();
  let seenOptional = false;
  options.forEach((option: unknown, i: number) => {
    checkOption(errors, [...path, i], option, depth, size);
    if (!isObject(option)) return;
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.add([...path, i, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
      }
      names.add(option.name);
    }
    if (option.required === true && seenOptional) {
      errors.add([...path, i, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true) seenOptional = true;
  });
}

function checkCommand(errors: FormErrors, path: Path, command: unknown): void {
  if (!isObject(command)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = (command.type ?? ApplicationCommandType.ChatInput) as ApplicationCommandType;
  const chatInput = type === ApplicationCommandType.ChatInput || type === ApplicationCommandType.PrimaryEntryPoint;
  if (chatInput) {
    checkChatInputName(errors, [...path, 'name'], command.name);
    lengthBetween(errors, [...path, 'description'], command.description, 1, 100);
  } else {
    lengthBetween(errors, [...path, 'name'], command.name, 1, 32);
    if (command.description !== undefined && command.description !== '') {
      errors.add([...path, 'description'], 'APPLICATION_COMMAND_INVALID_DESCRIPTION', 'Description must be empty for user and message commands');
    }
    if (command.options !== undefined) {
      errors.add([...path, 'options'], 'APPLICATION_COMMAND_OPTIONS_INVALID', 'Options are only for chat input commands');
    }
  }
  const size = new CommandSize();
  size.add(command.name, command.name_localizations);
  size.add(command.description, command.description_localizations);
  checkLocalizations(errors, [...path, 'name_localizations'], command.name_localizations, (p, v) =>
    chatInput ? checkChatInputName(errors, p, v) : lengthBetween(errors, p, v, 1, 32),
  );
  checkLocalizations(errors, [...path, 'description_localizations'], command.description_localizations, (p, v) =>
    lengthBetween(errors, p, v, 1, 100),
  );
  if (chatInput) checkOptionList(errors, [...path, 'options'], command.options, 0, 'any', size);
  if (size.total > MAX_COMMAND_CHARACTERS) {
    errors.add(path, 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${MAX_COMMAND_CHARACTERS})`);
  }
  const perms = command.default_member_permissions;
  if (perms !== undefined && perms !== null && (typeof perms !== 'string' || !/^\d+$/.test(perms))) {
    errors.add([...path, 'default_member_permissions'], 'NUMBER_TYPE_COERCE', `Value "${String(perms)}" is not snowflake.`);
  }
}

/** Validates a bulk overwrite the way Discord does; throws a 400 "Invalid Form Body" on the first problem set. */
export function validateCommandList(commands: unknown): RESTPostAPIApplicationCommandsJSONBody[] {
  const errors = new FormErrors();
  if (!Array.isArray(commands)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    errors.throwIfAny();
    return [];
  }
  commands.forEach((command: unknown, i: number) => checkCommand(errors, [i], command));
  const seen = new Map<string, number>();
  const perType = new Map<number, number>();
  commands.forEach((command: unknown, i: number) => {
    if (!isObject(command)) return;
    const type = Number(command.type ?? 1);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.set(key, i);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  });
  if ((perType.get(ApplicationCommandType.ChatInput) ?? 0) > 100) {
    errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  }
  for (const type of [ApplicationCommandType.User, ApplicationCommandType.Message]) {
    if ((perType.get(type) ?? 0) > 15) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Maximum number of application commands reached (15)');
  }
  errors.throwIfAny();
  return commands as RESTPostAPIApplicationCommandsJSONBody[];
}

export function validateCommand(command: unknown): RESTPostAPIApplicationCommandsJSONBody {
  const errors = new FormErrors();
  checkCommand(errors, [], command);
  errors.throwIfAny();
  return command as RESTPostAPIApplicationCommandsJSONBody;
}

/** The stored form Discord answers with. */
export function toStoredCommand(
  body: RESTPostAPIApplicationCommandsJSONBody,
  applicationId: string,
  guildId: string | null,
  ids: SnowflakeGenerator,
  existingId?: string,
): APIApplicationCommand {
  const loose = body as unknown as Loose;
  return {
    ...(body as object),
    id: existingId ?? ids.next(),
    application_id: applicationId,
    ...(guildId ? { guild_id: guildId } : {}),
    type: (loose.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput,
    name: String(loose.name),
    description: typeof loose.description === 'string' ? loose.description : '',
    default_member_permissions: (loose.default_member_permissions as string | null | undefined) ?? null,
    version: ids.next(),
    nsfw: loose.nsfw === true,
  } as APIApplicationCommand;
}
