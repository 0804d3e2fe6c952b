import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';

/** Thrown by `interact` when Discord would never have sent such an interaction. */
export class ImpossibleInteractionError extends Error {
  override readonly name = 'ImpossibleInteractionError';
}

type Sent = APIApplicationCommandInteractionDataOption;
type Defined = APIApplicationCommandOption & {
  options?: Defined[];
  required?: boolean;
  choices?: { value: string | number }[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
};

/**
 * Checks an invocation against the registered command: Discord only sends options that exist,
 * with their declared types, required ones present, values within choices and bounds, exactly
 * one focused option for autocomplete, and only to members holding `default_member_permissions`.
 */
export function checkInvocation(
  command: APIApplicationCommand,
  sent: readonly Sent[],
  autocomplete: boolean,
  memberPermissions: bigint,
): void {
  const needed = command.default_member_permissions;
  if (needed !== null && needed !== undefined) {
    const admin = (memberPermissions & PermissionFlagsBits.Administrator) !== 0n;
    if (!admin && (memberPermissions & BigInt(needed)) !== BigInt(needed)) {
      throw new ImpossibleInteractionError(`/${command.name} is hidden from members without permissions ${needed}`);
    }
  }
  let focused = 0;
  const walk = (defined: readonly Defined[], given: readonly Sent[], path: string): void => {
    for (const option of given) {
      const definition = defined.find((d) => d.name === option.name);
      const where = `${path} ${option.name}`;
      if (!definition) throw new ImpossibleInteractionError(`${where}: no such option is registered`);
      if (definition.type !== option.type) {
        throw new ImpossibleInteractionError(`${where}: registered as type ${definition.type}, sent as ${option.type}`);
      }
      if ('options' in option && option.options) {
        walk(definition.options ?? [], option.options as Sent[], where);
        continue;
      }
      if ('focused' in option && option.focused) {
        focused += 1;
        continue;
      }
      if ('value' in option) checkValue(definition, option.value, where, autocomplete);
    }
    const nesting = given.some(
      (o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!autocomplete && !nesting) {
      for (const d of defined) {
        if (d.required && !given.some((o) => o.name === d.name)) {
          throw new ImpossibleInteractionError(`${path} ${d.name}: required option missing`);
        }
      }
    }
    if (defined.some((d) => d.type <= 2) && !nesting) {
      throw new ImpossibleInteractionError(`${path}: a subcommand must be chosen`);
    }
  };
  walk((command.options ?? []) as Defined[], sent, `/${command.name}`);
  if (autocomplete && focused !== 1) {
    throw new ImpossibleInteractionError(`/${command.name}: autocomplete needs exactly one focused option, got ${focused}`);
  }
}

function checkValue(definition: Defined, value: unknown, where: string, autocomplete: boolean): void {
  if (autocomplete) return;
  if (definition.choices?.length && !definition.choices.some((c) => c.value === value)) {
    throw new ImpossibleInteractionError(`${where}: ${String(value)} is not one of the registered choices`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if ((definition.min_length !== undefined && length < definition.min_length) ||
      (definition.max_length !== undefined && length > definition.max_length)) {
      throw new ImpossibleInteractionError(`${where}: length ${length} is outside the registered bounds`);
    }
  }
  if (typeof value === 'number') {
    if ((definition.min_value !== undefined && value < definition.min_value) ||
      (definition.max_value !== undefined && value > definition.max_value)) {
      throw new ImpossibleInteractionError(`${where}: ${value} is outside the registered bounds`);
    }
  }
}
