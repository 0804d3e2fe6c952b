import { PermissionFlagsBits } from 'discord-api-types/v10';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueDueDigests } from '../../src/deliveries/digests.ts';
import { DEFAULT_BOT_PERMISSIONS } from '../helpers/fake-discord/index.ts';
import { GUILD, Harness, NEWS, OM, option } from './harness.ts';

describe('a daily digest with the board’s picture', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  async function digestDue(bot: Harness, picture: boolean | null): Promise<void> {
    await bot.admin('channel', [option('channel', NEWS, 7)]);
    await bot.admin('watch', [option('club', OM)]);
    await bot.admin('cadence', [option('mode', 'daily'), option('time', '00:00'), ...(picture === null ? [] : [option('picture', picture, 5)])]);
    await bot.story({ occurredAt: '2024-12-04T09:00:00.000Z' });
    await bot.story({ platform: 'bluesky', action: 'join', occurredAt: '2024-12-04T09:00:00.000Z' });
    await enqueueDueDigests(bot.context.store, new Date(Date.now() - 86_400_000));
    await enqueueDueDigests(bot.context.store, new Date());
    await bot.app.dispatcher.runOnce();
  }

  it('is text only unless the server asks for the picture', async () => {
    harness = await Harness.start();
    await digestDue(harness, null);
    expect((await harness.context.store.getServerSettings(GUILD)).digestBoard).toBe(false);
    const [post] = harness.posts();
    expect(post?.embeds[0]?.title).toBe('OM leaves X; OM joins Bluesky');
    expect(post?.attachments).toEqual([]);
  });

  it('carries the board of the clubs it names, as a PNG inside the embed with alt text, when the server turned it on', async () => {
    harness = await Harness.start();
    await digestDue(harness, true);
    const settingsReply = await harness.admin('settings');
    expect(settingsReply.reply?.embeds[0]?.fields?.find((field) => field.name === 'Cadence')?.value).toContain(
      'The digests will carry a picture of the board of the clubs they name.',
    );
    const [post] = harness.posts();
    expect(post?.embeds[0]?.title).toBe('OM leaves X; OM joins Bluesky');
    expect(post?.embeds[0]?.image?.url).toMatch(/clubwatch-board\.png$/);
    expect(post?.attachments[0]).toMatchObject({
      filename: 'clubwatch-board.png',
      description: 'The clubs in this digest: the board on 4 Dec 2024. Olympique de Marseille: X left 4 Dec 2024, Bluesky joined 4 Dec 2024.',
    });
    const upload = harness.sends().find((request) => request.files.length > 0);
    const bytes = Buffer.from(upload?.files[0]?.data ?? []);
    expect(bytes.length).toBeLessThan(1_000_000);
    expect((await sharp(bytes).metadata()).format).toBe('png');
  });

  it('goes as text, and keeps posting, where the bot may not attach files', async () => {
    harness = await Harness.start();
    harness.discord.setBotPermissions(GUILD, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.AttachFiles);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await digestDue(harness, true);
    const [post] = harness.posts();
    expect(post?.embeds[0]?.title).toBe('OM leaves X; OM joins Bluesky');
    expect(post?.attachments).toEqual([]);
    expect((await harness.context.store.getServerSettings(GUILD)).pausedReason).toBeNull();
  });
});
