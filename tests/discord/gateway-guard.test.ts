import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERAL, GUILD, Harness, MEMBER, OM, option } from './harness.ts';

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('gateway events from a Discord-compatible server that leaves fields out', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('answers an interaction sent without entitlements, integration owners or channel object', async () => {
    harness.discord.dispatch('INTERACTION_CREATE', {
      id: '900000000000000001',
      application_id: harness.discord.applicationId,
      type: 2,
      token: 'sparse-token',
      version: 1,
      guild_id: GUILD,
      channel_id: GENERAL,
      locale: 'en-US',
      member: { user: { id: MEMBER.id, username: MEMBER.username, discriminator: '0', avatar: null, global_name: null }, roles: [], permissions: '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      data: { id: '900000000000000002', name: 'clubs', type: 1, options: [{ type: 1, name: 'status', options: [option('club', OM)] }] },
    });
    await until(() => harness.discord.requests.some((request) => request.path.startsWith('/interactions/900000000000000001/')));
  });

  it('drops an event it cannot read and keeps running', async () => {
    harness.discord.dispatch('INTERACTION_CREATE', { id: '900000000000000003', type: 2, token: 'broken', data: { name: 'clubs', type: 1 } });
    const result = await harness.command(MEMBER, 'clubs', 'status', [option('club', OM)]);
    expect(result.reply?.embeds[0]?.title).toContain('Olympique de Marseille');
  });
});
