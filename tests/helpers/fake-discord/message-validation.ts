import type { APIAllowedMentions, APIEmbed, AllowedMentionsTypes } from 'discord-api-types/v10';
import { FormErrors, emptyMessage, maxLength } from './errors.ts';

/** The fields of a message body the fake understands (create, edit, interaction reply, follow-up). */
export interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: unknown[] | null;
  attachments?: { id: string | number; filename?: string; description?: string }[] | null;
  sticker_ids?: string[];
  poll?: unknown;
  nonce?: string | number;
  enforce_nonce?: boolean;
  tts?: boolean;
  flags?: number;
  allowed_mentions?: APIAllowedMentions | null;
  message_reference?: { message_id?: string; channel_id?: string; fail_if_not_exists?: boolean };
}

const chars = (value: string | undefined | null): number => (value ? [...value].length : 0);

/** Counts the characters Discord sums for its 6000 limit across all embeds of a message. */
function embedCharacters(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const e of embeds) {
    total += chars(e.title) + chars(e.description) + chars(e.footer?.text) + chars(e.author?.name);
    for (const f of e.fields ?? []) total += chars(f.name) + chars(f.value);
  }
  return total;
}

function validateEmbed(errors: FormErrors, embed: APIEmbed, index: number): void {
  const at = (...path: (string | number)[]): (string | number)[] => ['embeds', index, ...path];
  maxLength(errors, at('title'), embed.title, 256);
  maxLength(errors, at('description'), embed.description, 4096);
  maxLength(errors, at('footer', 'text'), embed.footer?.text, 2048);
  maxLength(errors, at('author', 'name'), embed.author?.name, 256);
  if (embed.url !== undefined && !/^https?:\/\//.test(embed.url)) {
    errors.add(at('url'), 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
  }
  if (embed.color !== undefined && (embed.color < 0 || embed.color > 0xffffff)) {
    errors.add(at('color'), 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
  }
  if (embed.timestamp !== undefined && Number.isNaN(Date.parse(embed.timestamp))) {
    errors.add(at('timestamp'), 'DATE_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.');
  }
  const fields = embed.fields ?? [];
  if (fields.length > 25) errors.add(at('fields'), 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  fields.forEach((field, i) => {
    if (!field.name) errors.add(at('fields', i, 'name'), 'BASE_TYPE_REQUIRED', 'This field is required');
    else maxLength(errors, at('fields', i, 'name'), field.name, 256);
    if (!field.value) errors.add(at('fields', i, 'value'), 'BASE_TYPE_REQUIRED', 'This field is required');
    else maxLength(errors, at('fields', i, 'value'), field.value, 1024);
  });
}

function validateAllowedMentions(errors: FormErrors, mentions: APIAllowedMentions): void {
  const parse = mentions.parse ?? [];
  for (const kind of ['users', 'roles'] as const) {
    const list = mentions[kind];
    if (list && parse.includes(kind as AllowedMentionsTypes)) {
      errors.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
    if (list && list.length > 100) {
      errors.add(['allowed_mentions', kind], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    }
  }
}

/**
 * Checks a message body against Discord's documented limits; throws a 400 like Discord's.
 * `requireSomething` is false for edits, which may change one field only.
 */
export function validateMessageBody(body: MessageBody, fileCount: number, requireSomething: boolean): void {
  const errors = new FormErrors();
  maxLength(errors, ['content'], body.content, 2000);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  embeds.forEach((embed, i) => validateEmbed(errors, embed, i));
  if (embedCharacters(embeds) > 6000) {
    errors.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  if (typeof body.nonce === 'string') maxLength(errors, ['nonce'], body.nonce, 25);
  if (body.enforce_nonce && body.nonce === undefined) {
    errors.add(['nonce'], 'BASE_TYPE_REQUIRED', 'This field is required');
  }
  if (body.allowed_mentions) validateAllowedMentions(errors, body.allowed_mentions);
  if ((body.components?.length ?? 0) > 5 && ((body.flags ?? 0) & (1 << 15)) === 0) {
    errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  }
  if (fileCount > 10) errors.add(['files'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  errors.throwIfAny();
  if (!requireSomething) return;
  const hasContent = typeof body.content === 'string' && body.content.trim().length > 0;
  const hasOther =
    embeds.length > 0 ||
    (body.components?.length ?? 0) > 0 ||
    (body.sticker_ids?.length ?? 0) > 0 ||
    body.poll !== undefined ||
    fileCount > 0;
  if (!hasContent && !hasOther) throw emptyMessage();
}

export interface ResolvedMentions {
  users: string[];
  roles: string[];
  everyone: boolean;
}

/** Which mentions in the content actually ping, once `allowed_mentions` is applied. */
export function resolveMentions(
  content: string,
  allowed: APIAllowedMentions | null | undefined,
  mayMentionEveryone: boolean,
): ResolvedMentions {
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '');
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? '');
  const everyone = /@(everyone|here)\b/.test(content);
  if (!allowed) {
    return { users: unique(userIds), roles: unique(roleIds), everyone: everyone && mayMentionEveryone };
  }
  const parse = allowed.parse ?? [];
  const users = parse.includes('users' as never) ? userIds : userIds.filter((id) => allowed.users?.includes(id));
  const roles = parse.includes('roles' as never) ? roleIds : roleIds.filter((id) => allowed.roles?.includes(id));
  return {
    users: unique(users),
    roles: unique(roles),
    everyone: everyone && mayMentionEveryone && parse.includes('everyone' as never),
  };
}

const unique = (ids: string[]): string[] => [...new Set(ids)];
