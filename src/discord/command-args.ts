import { ApplicationCommandOptionType, type AutocompleteInteraction, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';

// A command's arguments, typed from its definition (`as const satisfies …JSONBody` in commands/):
// a handler reads `args.options.club`, never `getString('club')`, and the compiler checks the name,
// whether the option may be missing, and which values its choices allow.

/** What this module reads of a definition: option names, types, `required`, choices and sub-options. */
interface OptionDefinition {
  readonly type: ApplicationCommandOptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly choices?: readonly { readonly value: string | number }[];
  readonly options?: readonly OptionDefinition[];
}

export interface CommandDefinition {
  readonly name: string;
  readonly options?: readonly OptionDefinition[];
}

type Nested = ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;

/** An option's value: one of its choices, or the type Discord sends for it (ids for channels, roles and users). */
type ValueOf<O> = O extends { readonly choices: readonly { readonly value: infer V }[] }
  ? V
  : O extends { readonly type: ApplicationCommandOptionType.Boolean }
    ? boolean
    : O extends { readonly type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
      ? number
      : string;

type Options<List> = List extends readonly OptionDefinition[]
  ? { readonly [O in List[number] as O['name']]: O extends { readonly required: true } ? ValueOf<O> : ValueOf<O> | undefined }
  : Record<never, never>;

/** One member of the union per subcommand, named by its path (`watch`, `sources add`). */
type Invocations<List, Prefix extends string = ''> = List extends readonly OptionDefinition[]
  ? {
      [O in List[number] as O['name']]: O extends { readonly type: ApplicationCommandOptionType.SubcommandGroup }
        ? Invocations<O['options'], `${O['name']} `>
        : { readonly subcommand: `${Prefix}${O['name']}`; readonly options: Options<O['options']> };
    }[List[number]['name']]
  : never;

export type CommandArgs<C extends CommandDefinition> = C['options'] extends readonly (infer O)[]
  ? O extends { readonly type: Nested }
    ? Invocations<C['options']>
    : { readonly subcommand: null; readonly options: Options<C['options']> }
  : { readonly subcommand: null; readonly options: Record<never, never> };

/** The names of the options that ask for suggestions, anywhere in the command. */
type AutocompleteNames<List> = List extends readonly OptionDefinition[]
  ? { [O in List[number] as O['name']]: O extends { readonly autocomplete: true } ? O['name'] : AutocompleteNames<O['options']> }[List[number]['name']]
  : never;

export interface FocusedOption<C extends CommandDefinition> {
  name: AutocompleteNames<C['options']>;
  value: string;
}

/**
 * An interaction that does not match the command's definition (an option it does not define, a value
 * outside its choices, a required option missing): Discord does not send one, but a forged one gets
 * a clear answer naming the option.
 */
export class CommandOptionsError extends Error {
  override name = 'CommandOptionsError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

function definedOption(list: readonly OptionDefinition[], sent: CommandInteractionOption, where: string): OptionDefinition {
  const defined = list.find((option) => option.name === sent.name);
  if (!defined || defined.type !== sent.type) throw new CommandOptionsError(sent.name, `${where}: option ${sent.name} is not in the definition`);
  return defined;
}

/** The arguments of a slash command, checked against its definition. */
export function readArgs<const C extends CommandDefinition>(definition: C, interaction: ChatInputCommandInteraction): CommandArgs<C> {
  const path: string[] = [];
  let defined = definition.options ?? [];
  let sent = interaction.options.data;
  for (let first = sent[0]; first && (first.type === ApplicationCommandOptionType.Subcommand || first.type === ApplicationCommandOptionType.SubcommandGroup); first = sent[0]) {
    defined = definedOption(defined, first, `/${definition.name}`).options ?? [];
    path.push(first.name);
    sent = first.options ?? [];
  }
  const where = `/${[definition.name, ...path].join(' ')}`;
  const options: Record<string, unknown> = {};
  for (const option of sent) {
    const { choices } = definedOption(defined, option, where);
    if (choices && !choices.some((choice) => choice.value === option.value)) throw new CommandOptionsError(option.name, `${where}: ${option.name} is not one of its choices`);
    options[option.name] = option.value;
  }
  const missing = defined.find((option) => option.required && !(option.name in options));
  if (missing) throw new CommandOptionsError(missing.name, `${where}: ${missing.name} is required`);
  return { subcommand: path.length > 0 ? path.join(' ') : null, options } as unknown as CommandArgs<C>;
}

function suggests(list: readonly OptionDefinition[] | undefined, name: string): boolean {
  return (list ?? []).some((option) => (option.autocomplete === true && option.name === name) || suggests(option.options, name));
}

/** The option being typed in an autocomplete, or null when the definition has no such option asking for suggestions. */
export function readFocused<const C extends CommandDefinition>(definition: C, interaction: AutocompleteInteraction): FocusedOption<C> | null {
  const focused = interaction.options.getFocused(true);
  if (!suggests(definition.options, focused.name)) return null;
  return { name: focused.name as FocusedOption<C>['name'], value: String(focused.value) };
}
