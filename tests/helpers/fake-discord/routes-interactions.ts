import { MessageFlags, MessageType, RESTJSONErrorCodes, type APIApplicationCommandOptionChoice, type APIMessage } from 'discord-api-types/v10';
import type { FakeDiscordState } from './core.ts';
import {
  DiscordHttpError,
  FormErrors,
  alreadyAcknowledged,
  lengthBetween,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './errors.ts';
import type { InteractionTracker, TrackedInteraction } from './interactions.ts';
import { validateMessageBody, type MessageBody } from './message-validation.ts';
import { applyEdit } from './routes-messages.ts';
import { json, noContent, type Route, type RouteRequest } from './router.ts';
import type { InteractionResponse } from './types.ts';

const ALLOWED_CALLBACKS = { command: [4, 5, 9, 12], autocomplete: [8] } as const;

/** The interaction callback and the webhook routes an interaction token opens. */
export function interactionRoutes(state: FakeDiscordState, tracker: InteractionTracker): Route[] {
  const summary = (kind: InteractionResponse['kind'], type: number | null, body: MessageBody | undefined) => ({
    kind,
    type,
    content: body?.content ?? null,
    embeds: body?.embeds ?? [],
    flags: body?.flags ?? 0,
    choices: null,
    components: body?.components ?? [],
  });

  const responseMessage = (tracked: TrackedInteraction, req: RouteRequest, body: MessageBody, flags: number): APIMessage => {
    const ctx = state.channel(tracked.channelId);
    return state.buildMessage(
      ctx,
      {
        body: { ...body, flags },
        files: req.files,
        type: MessageType.ChatInputCommand,
        extra: {
          webhook_id: state.applicationId,
          application_id: state.applicationId,
          interaction_metadata: {
            id: tracked.result.id,
            type: 2,
            user: tracked.user,
            authorizing_integration_owners: { 0: tracked.guildId },
          },
        } as Partial<APIMessage>,
      },
      false,
    );
  };

  const store = (message: APIMessage): void => {
    if ((message.flags ?? 0) & MessageFlags.Ephemeral) return;
    state.store.add(message);
  };

  const byToken = (req: RouteRequest): TrackedInteraction => {
    const tracked = tracker.byToken.get(req.params.token ?? '');
    if (!tracked || req.params.applicationId !== state.applicationId || !tracked.acknowledged) throw unknownWebhook();
    if (req.receivedAt - tracked.dispatchedAt > (state.options.interactionTokenTtlMs ?? 15 * 60_000)) {
      throw new DiscordHttpError(401, { message: 'Invalid Webhook Token', code: RESTJSONErrorCodes.InvalidWebhookToken });
    }
    return tracked;
  };

  const callback: Route = {
    method: 'POST',
    pattern: '/interactions/:interactionId/:token/callback',
    auth: false,
    handle: (req) => {
      const tracked = tracker.byId.get(req.params.interactionId ?? '');
      if (!tracked || tracked.result.token !== req.params.token) throw unknownInteraction();
      if (tracked.expired || req.receivedAt > tracked.deadlineAt) {
        tracked.expired = true;
        state.problem('late-interaction-callback', `/${tracked.result.commandName} answered ${req.receivedAt - tracked.dispatchedAt} ms after dispatch`);
        throw unknownInteraction();
      }
      if (tracked.acknowledged) throw alreadyAcknowledged();
      const { type, data } = (req.body ?? {}) as { type?: number; data?: MessageBody & { choices?: unknown } };
      const allowed: readonly number[] = ALLOWED_CALLBACKS[tracked.result.kind];
      if (typeof type !== 'number' || !allowed.includes(type)) {
        const errors = new FormErrors();
        errors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Interaction response type ${String(type)} is not valid here`);
        errors.throwIfAny();
      }
      let choices: APIApplicationCommandOptionChoice[] | null = null;
      if (type === 8) choices = validateChoices(data?.choices);
      if (type === 4) validateMessageBody(data ?? {}, req.files.length, true);
      else if (data && type !== 8 && type !== 9) validateMessageBody(data, req.files.length, false);
      tracked.acknowledged = true;
      const flags = data?.flags ?? 0;
      tracked.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
      if (type === 4 || type === 5) {
        const loading = type === 5 ? MessageFlags.Loading : 0;
        tracked.original = responseMessage(tracked, req, type === 5 ? {} : (data ?? {}), flags | loading);
        store(tracked.original);
      }
      tracker.record(tracked, { ...summary('callback', type ?? null, data), choices });
      if (req.query.get('with_response') !== 'true') return noContent();
      return json({
        interaction: {
          id: tracked.result.id,
          type: tracked.result.kind === 'autocomplete' ? 4 : 2,
          response_message_id: tracked.original?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: tracked.ephemeral,
        },
        ...(tracked.original ? { resource: { type, message: tracked.original } } : { resource: { type } }),
      });
    },
  };

  const base = '/webhooks/:applicationId/:token';
  return [
    callback,
    {
      method: 'GET',
      pattern: `${base}/messages/@original`,
      auth: false,
      handle: (req) => json(originalOf(byToken(req))),
    },
    {
      method: 'PATCH',
      pattern: `${base}/messages/@original`,
      auth: false,
      handle: (req) => {
        const tracked = byToken(req);
        const original = originalOf(tracked);
        const edit = (req.body ?? {}) as MessageBody;
        validateMessageBody(edit, req.files.length, false);
        applyEdit(original, { ...edit, flags: (original.flags ?? 0) & ~MessageFlags.Loading }, state.attachmentsFor(edit, req.files));
        tracker.record(tracked, summary('edit-original', null, edit));
        return json(original);
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/messages/@original`,
      auth: false,
      handle: (req) => {
        const tracked = byToken(req);
        const original = originalOf(tracked);
        state.store.remove(original.channel_id, original.id);
        tracked.original = null;
        tracker.record(tracked, summary('delete-original', null, undefined));
        return noContent();
      },
    },
    {
      method: 'POST',
      pattern: base,
      auth: false,
      handle: (req) => {
        const tracked = byToken(req);
        const body = (req.body ?? {}) as MessageBody;
        validateMessageBody(body, req.files.length, true);
        const original = tracked.original;
        // After a deferral, Discord turns the first follow-up into the "thinking" original.
        if (original && (original.flags ?? 0) & MessageFlags.Loading) {
          applyEdit(original, { ...body, flags: (original.flags ?? 0) & ~MessageFlags.Loading }, state.attachmentsFor(body, req.files));
          tracker.record(tracked, summary('followup', null, body));
          return json(original);
        }
        const message = responseMessage(tracked, req, body, body.flags ?? 0);
        tracked.followups.push(message);
        store(message);
        tracker.record(tracked, summary('followup', null, body));
        return json(message);
      },
    },
    {
      method: 'GET',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: (req) => json(followupOf(byToken(req), req.params.messageId)),
    },
    {
      method: 'PATCH',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: (req) => {
        const tracked = byToken(req);
        const message = followupOf(tracked, req.params.messageId);
        const edit = (req.body ?? {}) as MessageBody;
        validateMessageBody(edit, req.files.length, false);
        applyEdit(message, edit, state.attachmentsFor(edit, req.files));
        tracker.record(tracked, summary('edit-followup', null, edit));
        return json(message);
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: (req) => {
        const tracked = byToken(req);
        const message = followupOf(tracked, req.params.messageId);
        state.store.remove(message.channel_id, message.id);
        tracked.followups = tracked.followups.filter((m) => m.id !== message.id);
        return noContent();
      },
    },
  ];
}

function originalOf(tracked: TrackedInteraction): APIMessage {
  if (!tracked.original) throw unknownMessage();
  return tracked.original;
}

function followupOf(tracked: TrackedInteraction, messageId: string | undefined): APIMessage {
  const message =
    tracked.followups.find((m) => m.id === messageId) ?? (tracked.original?.id === messageId ? tracked.original : undefined);
  if (!message) throw unknownMessage();
  return message;
}

function validateChoices(choices: unknown): APIApplicationCommandOptionChoice[] {
  const errors = new FormErrors();
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    errors.throwIfAny();
    return [];
  }
  if (choices.length > 25) errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice: { name?: unknown; value?: unknown }, i) => {
    lengthBetween(errors, ['data', 'choices', i, 'name'], choice?.name, 1, 100);
    if (typeof choice?.value === 'string') lengthBetween(errors, ['data', 'choices', i, 'value'], choice.value, 1, 100);
    else if (typeof choice?.value !== 'number') {
      errors.add(['data', 'choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  });
  errors.throwIfAny();
  return choices as APIApplicationCommandOptionChoice[];
}
