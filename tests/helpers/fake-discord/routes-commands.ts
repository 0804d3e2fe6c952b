import type { APIApplicationCommand } from 'discord-api-types/v10';
import { toStoredCommand, validateCommand, validateCommandList } from './command-validation.ts';
import type { FakeDiscordState } from './core.ts';
import { missingAccess, unknownApplication, unknownCommand } from './errors.ts';
import { json, noContent, type Route, type RouteRequest } from './router.ts';

/** Global and guild command registration, validated as Discord validates it. */
export function commandRoutes(state: FakeDiscordState): Route[] {
  const listFor = ({ params }: RouteRequest): { list: APIApplicationCommand[]; guildId: string | null } => {
    if (params.applicationId !== state.applicationId) throw unknownApplication();
    const guildId = params.guildId ?? null;
    if (guildId === null) return { list: state.globalCommands, guildId };
    if (!state.guilds.has(guildId)) throw missingAccess();
    let list = state.guildCommands.get(guildId);
    if (!list) {
      list = [];
      state.guildCommands.set(guildId, list);
    }
    return { list, guildId };
  };
  const find = (list: APIApplicationCommand[], id: string | undefined): number => {
    const index = list.findIndex((c) => c.id === id);
    if (index === -1) throw unknownCommand();
    return index;
  };

  const routesUnder = (base: string): Route[] => [
    { method: 'GET', pattern: base, auth: true, handle: (req) => json(listFor(req).list) },
    {
      method: 'PUT',
      pattern: base,
      auth: true,
      handle: (req) => {
        const { list, guildId } = listFor(req);
        const bodies = validateCommandList(req.body);
        const next = bodies.map((body) => {
          const kept = list.find((c) => c.name === body.name && c.type === (body.type ?? 1));
          return toStoredCommand(body, state.applicationId, guildId, state.ids, kept?.id);
        });
        list.splice(0, list.length, ...next);
        return json(next);
      },
    },
    {
      method: 'POST',
      pattern: base,
      auth: true,
      handle: (req) => {
        const { list, guildId } = listFor(req);
        const body = validateCommand(req.body);
        const index = list.findIndex((c) => c.name === body.name && c.type === (body.type ?? 1));
        const stored = toStoredCommand(body, state.applicationId, guildId, state.ids, list[index]?.id);
        if (index === -1) list.push(stored);
        else list[index] = stored;
        return json(stored, index === -1 ? 201 : 200);
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: (req) => {
        const { list } = listFor(req);
        return json(list[find(list, req.params.commandId)]);
      },
    },
    {
      method: 'PATCH',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: (req) => {
        const { list, guildId } = listFor(req);
        const index = find(list, req.params.commandId);
        const merged = { ...list[index], ...(req.body as object) };
        const body = validateCommand(merged);
        const stored = toStoredCommand(body, state.applicationId, guildId, state.ids, list[index]?.id);
        list[index] = stored;
        return json(stored);
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: (req) => {
        const { list } = listFor(req);
        list.splice(find(list, req.params.commandId), 1);
        return noContent();
      },
    },
  ];

  return [
    ...routesUnder('/applications/:applicationId/commands'),
    ...routesUnder('/applications/:applicationId/guilds/:guildId/commands'),
  ];
}
