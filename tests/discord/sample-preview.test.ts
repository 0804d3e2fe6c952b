import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { GUILD, Harness, MEMBER, NEWS, option } from './harness.ts';

/** The bundled sample is made up by the team: a preview of what clubwatch prints, never news for a real server. */
describe('the bundled sample with Discord configured', () => {
  let harness: Harness | null = null;
  let preview: TestEnvironment | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
    preview?.remove();
    preview = null;
  });

  async function watchSampleClubs(bot: Harness): Promise<void> {
    await bot.admin('channel', [option('channel', NEWS, 7)]);
    for (const club of ['red-star-fc', 'fc-st-pauli', 'werder-bremen', 'olympique-de-marseille']) await bot.admin('watch', [option('club', club)]);
  }

  async function readEverything(bot: Harness): Promise<void> {
    for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
    await bot.app.dispatcher.runOnce();
  }

  it('is off by default, so a server watching the sample’s clubs hears nothing of it', async () => {
    const bot = (harness = await Harness.start());
    expect(bot.config.sources.sample).toBe(false);
    await watchSampleClubs(bot);
    await readEverything(bot);
    expect((await bot.context.store.listSources()).filter((source) => source.origin === 'sample')).toEqual([]);
    expect(bot.posts()).toEqual([]);
    const latest = await bot.command(MEMBER, 'clubs', 'latest');
    expect(latest.reply?.embeds[0]?.description).toBe('No stories yet.');
  });

  it('when turned on, is read but never posted nor shown to a server', async () => {
    const bot = (harness = await Harness.start({ env: { sample: 'true' } }));
    await watchSampleClubs(bot);
    await readEverything(bot);
    expect((await bot.context.store.listStories({ visibleTo: 'all' })).length).toBeGreaterThan(2);
    expect(bot.posts()).toEqual([]);
    expect(await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` })).toEqual([]);
    const status = JSON.stringify(await bot.command(MEMBER, 'clubs', 'status'));
    expect(status).not.toMatch(/exemple|Beispiel|sample/);
    const history = JSON.stringify(await bot.command(MEMBER, 'clubs', 'history', [option('club', 'red-star-fc')]));
    expect(history).not.toMatch(/exemple|Beispiel|sample/);
    expect(JSON.stringify(await bot.command(MEMBER, 'clubs', 'latest'))).toContain('No stories yet.');
  });

  it('forgets the stories an earlier preview told once Discord is configured', async () => {
    preview = testEnvironment({ vars: { CLUBWATCH_SAMPLE: 'true' } });
    const previewBot = await startTestApp(preview);
    await previewBot.app.prepare();
    for (const source of await previewBot.context.store.listSources()) await previewBot.app.poller.poll(source);
    await previewBot.app.dispatcher.runOnce();
    expect(previewBot.printed()).toMatch(/Red Star/);
    const told = (await previewBot.context.store.listStories({ visibleTo: 'all' })).length;
    expect(told).toBeGreaterThan(2);
    await previewBot.close();

    const bot = (harness = await Harness.start({ env: { databasePath: preview.config().databasePath } }));
    expect(await bot.context.store.listStories({ visibleTo: 'all' })).toEqual([]);
    expect(await bot.context.store.getBoard()).toEqual([]);
    await watchSampleClubs(bot);
    await readEverything(bot);
    expect(bot.posts()).toEqual([]);
  });
});
