import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { NEWS_ID, QUIET_ID, clubGuild } from './connect-client.ts';

describe('fake Discord rate limits', () => {
  let discord: FakeDiscord;
  const post = (channelId: string, content: string): Promise<Response> =>
    fetch(`${discord.restBase}/v10/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bot fake-bot-token', 'content-type': 'application/json' },
      body: JSON.stringify({ content }),
    });

  beforeAll(async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()], enforceRateLimits: true });
  });
  afterAll(async () => {
    await discord?.close();
  });

  it('answers 429 with retry_after once a channel gets more than 5 messages in 5 s', async () => {
    const responses: Response[] = [];
    for (let i = 0; i < 7; i++) responses.push(await post(NEWS_ID, `burst ${i}`));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(responses[4]?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(responses[0]?.headers.get('x-ratelimit-limit')).toBe('5');
    const limited = responses[5];
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited?.headers.get('x-ratelimit-scope')).toBe('user');
    const body = (await limited?.json()) as { retry_after: number; global: boolean; message: string };
    expect(body.global).toBe(false);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(discord.messages(NEWS_ID)).toHaveLength(5);
  });

  it('limits each channel on its own', async () => {
    expect((await post(QUIET_ID, 'another channel')).status).toBe(200);
  });

  it('answers a global 429 past 50 requests in one second', async () => {
    // 110 at once cannot all fit in two one-second windows of 50, wherever the window turns.
    const statuses = await Promise.all(
      Array.from({ length: 110 }, () =>
        fetch(`${discord.restBase}/v10/users/@me`, { headers: { authorization: 'Bot fake-bot-token' } }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const global = discord.requests.find((r) => r.status === 429 && r.path === '/users/@me');
    expect(global?.responseBody).toMatchObject({ global: true });
    expect(discord.requestStats.byStatus[429]).toBeGreaterThanOrEqual(statuses.filter((s) => s === 429).length);
  });
});
