import type { Client } from 'discord.js';
import type { Logger } from '../logger.ts';

interface Packet {
  t?: string | null;
  d?: Record<string, unknown> | null;
}

type PacketHandler = (packet?: Packet, shard?: unknown) => boolean;

/**
 * discord.js handles gateway events inside the socket's event handler, so one event it cannot read
 * (a field it expects missing, as from a proxy or a Discord-compatible server that omits it) throws
 * out of the process. Here such an event is completed where a default is harmless, and an event that
 * still fails is logged and dropped: one bad event costs one interaction, not the bot.
 */
export function guardGatewayEvents(client: Client, applicationId: string, logger: Logger): void {
  const manager = client.ws as unknown as { handlePacket: PacketHandler };
  const handle = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet, shard) => {
    if (packet?.t === 'INTERACTION_CREATE' && packet.d) completeInteraction(packet.d);
    if (packet?.t === 'READY' && packet.d) completeReady(packet.d, applicationId);
    try {
      return handle(packet, shard);
    } catch (err) {
      logger.error({ err, event: packet?.t }, 'dropped a gateway event that could not be read');
      return true;
    }
  };
}

function completeReady(data: Record<string, unknown>, applicationId: string): void {
  data.application ??= { id: applicationId, flags: 0 };
  data.guilds ??= [];
}

function completeInteraction(data: Record<string, unknown>): void {
  data.entitlements ??= [];
  data.authorizing_integration_owners ??= {};
  data.app_permissions ??= '0';
  if (!data.channel && typeof data.channel_id === 'string') data.channel = { id: data.channel_id, type: 0 };
}
