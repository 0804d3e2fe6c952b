import { PermissionFlagsBits, type APIAttachment, type APIMessage } from 'discord-api-types/v10';
import type { FakeDiscordState } from './core.ts';
import { FormErrors, emptyMessage, missingPermissions, unknownMessage } from './errors.ts';
import { validateMessageBody, type MessageBody } from './message-validation.ts';
import { json, noContent, type Route } from './router.ts';
import { compareSnowflakes } from './snowflake.ts';

/** Sending, reading, editing and deleting channel messages. */
export function messageRoutes(state: FakeDiscordState, onCreate: (message: APIMessage, guildId: string) => void): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: ({ params, body, files }) => {
        const channelId = params.channelId ?? '';
        const { message, created } = state.postChannelMessage(channelId, { body: (body ?? {}) as MessageBody, files });
        if (created) onCreate(message, state.channel(channelId).guild.id);
        return json(message);
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: ({ params, query }) => {
        const ctx = state.channel(params.channelId ?? '');
        const perms = state.requirePermissions(ctx, PermissionFlagsBits.ViewChannel);
        // Without Read Message History, Discord answers an empty list rather than an error.
        if ((perms & PermissionFlagsBits.ReadMessageHistory) === 0n) return json([]);
        return json(listMessages(state.store.list(ctx.channel.id), query).map(asFetched));
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => {
        const ctx = state.channel(params.channelId ?? '');
        state.requirePermissions(ctx, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory);
        const message = state.store.find(ctx.channel.id, params.messageId ?? '');
        if (!message) throw unknownMessage();
        return json(asFetched(message));
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params, body, files }) => {
        const ctx = state.channel(params.channelId ?? '');
        state.requirePermissions(ctx, PermissionFlagsBits.ViewChannel);
        const message = state.store.find(ctx.channel.id, params.messageId ?? '');
        if (!message) throw unknownMessage();
        if (message.author.id !== state.botUser.id) throw missingPermissions();
        const edit = (body ?? {}) as MessageBody;
        validateMessageBody(edit, files.length, false);
        applyEdit(message, edit, state.attachmentsFor(edit, files));
        return json(message);
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => {
        const ctx = state.channel(params.channelId ?? '');
        const message = state.store.find(ctx.channel.id, params.messageId ?? '');
        if (!message) throw unknownMessage();
        const needed = message.author.id === state.botUser.id ? 0n : PermissionFlagsBits.ManageMessages;
        state.requirePermissions(ctx, needed);
        state.store.remove(ctx.channel.id, message.id);
        return noContent();
      },
    },
  ];
}

/** Discord answers the nonce only when a message is created; a fetched message has none. */
function asFetched(message: APIMessage): APIMessage {
  const { nonce: _nonce, ...rest } = message;
  return rest;
}

/** Applies the fields an edit carries; absent fields stay as they were. An edit may not empty a message (50006). */
export function applyEdit(message: APIMessage, edit: MessageBody, added: APIAttachment[] = []): void {
  const next: APIMessage = { ...message };
  if (edit.content !== undefined) next.content = edit.content ?? '';
  if (edit.embeds !== undefined) {
    next.embeds = (edit.embeds ?? []).map((e) => ({ type: 'rich', ...e }) as APIMessage['embeds'][number]);
  }
  if (edit.components !== undefined) next.components = (edit.components ?? []) as APIMessage['components'];
  if (edit.attachments !== undefined) {
    const kept = new Set((edit.attachments ?? []).map((a) => String(a.id)));
    next.attachments = message.attachments.filter((a) => kept.has(a.id));
  }
  next.attachments = [...next.attachments, ...added];
  if (edit.flags !== undefined) next.flags = edit.flags;
  const empty =
    next.content.trim() === '' &&
    next.embeds.length === 0 &&
    (next.components?.length ?? 0) === 0 &&
    next.attachments.length === 0 &&
    !next.poll &&
    (next.sticker_items?.length ?? 0) === 0;
  if (empty) throw emptyMessage();
  Object.assign(message, next, { edited_timestamp: new Date().toISOString() });
}

/** Discord's paging: newest first, `before`/`after`/`around` by id, limit 1-100 (default 50). */
function listMessages(all: readonly APIMessage[], query: URLSearchParams): APIMessage[] {
  const errors = new FormErrors();
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? 50 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    errors.add(['limit'], 'NUMBER_TYPE_MAX', 'int value should be between 1 and 100.');
  }
  errors.throwIfAny();
  const before = query.get('before');
  const after = query.get('after');
  const around = query.get('around');
  // Messages are stored in creation order and ids only grow, so reversing sorts them.
  const newestFirst = [...all].reverse();
  if (before) return newestFirst.filter((m) => compareSnowflakes(m.id, before) < 0).slice(0, limit);
  if (after) {
    // The `limit` messages right after `after`, still answered newest first.
    const oldestFirst = newestFirst.filter((m) => compareSnowflakes(m.id, after) > 0).reverse();
    return oldestFirst.slice(0, limit).reverse();
  }
  if (around) {
    const index = newestFirst.findIndex((m) => compareSnowflakes(m.id, around) <= 0);
    const start = Math.max(0, (index === -1 ? newestFirst.length : index) - Math.floor(limit / 2));
    return newestFirst.slice(start, start + limit);
  }
  return newestFirst.slice(0, limit);
}
