import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD, Harness, MEMBER, OM, OTHER_GUILD, OTHER_NEWS, option } from './harness.ts';

describe('/clubs, for every member', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start();
    await harness.story({ occurredAt: '2024-12-04T09:00:00.000Z', outlets: ['Le Fil Test', 'Matchday Wire'] });
    await harness.story({ platform: 'bluesky', action: 'join', occurredAt: '2024-11-14T09:00:00.000Z' });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('answers /clubs status with the club’s standing on each platform, its sources and outlet count', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'status', [option('club', OM)]);
    expect(result.deadlineMissed).toBe(false);
    const embed = result.reply?.embeds[0];
    expect(embed?.title).toContain('Olympique de Marseille');
    const fields = Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));
    expect(Object.keys(fields).sort()).toEqual(['Bluesky: joined on 14 Nov 2024', 'X: left on 4 Dec 2024']);
    expect(fields['X: left on 4 Dec 2024']).toMatch(/^Reported by 2 outlets: \[Le Fil Test\]\(https:\/\/news\.example\/.+\) · \[Matchday Wire\]/);
    expect(fields['Bluesky: joined on 14 Nov 2024']).toMatch(/^Reported by 1 outlet: /);
  });

  it('finds a club by a nickname typed without its accents', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'status', [{ ...option('club', 'phoceen'), focused: true } as never], { type: 'autocomplete' });
    expect(result.choices?.[0]).toEqual({ name: 'Olympique de Marseille (OM) · FR', value: OM });
  });

  it('accepts a name typed by hand as well as a catalog id', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'status', [option('club', 'OLYMPIQUE DE MARSEILLE')]);
    expect(result.reply?.embeds[0]?.fields?.map((field) => field.name)).toContain('X: left on 4 Dec 2024');
  });

  it('says plainly when no club matches', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'status', [option('club', 'Nowhere Rovers @everyone')]);
    expect(result.reply?.content).toMatch(/No club in the catalog matches/);
    expect(result.reply?.flags).toBe(64);
  });

  it('shows the latest stories when the server watches nothing', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'status', []);
    expect(result.reply?.embeds[0]?.title).toBe('Latest stories');
    expect(result.reply?.embeds[0]?.description).toContain('OM leaves X');
  });

  it('lists one line per watched club once the server watches some', async () => {
    await harness.context.store.addWatch(GUILD, { kind: 'club', value: OM });
    await harness.context.store.addWatch(GUILD, { kind: 'club', value: 'olympique-lyonnais' });
    const result = await harness.command(MEMBER, 'clubs', 'status', []);
    const lines = result.reply?.embeds[0]?.description?.split('\n') ?? [];
    expect(lines).toEqual(['**Olympique de Marseille**: Bluesky: joined on 14 Nov 2024 · X: left on 4 Dec 2024', '**Olympique Lyonnais**: no news yet']);
  });

  it('filters the latest stories by platform and action', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'latest', [option('platform', 'bluesky'), option('action', 'join')]);
    const description = result.reply?.embeds[0]?.description ?? '';
    expect(description).toContain('OM joins Bluesky');
    expect(description).not.toContain('leaves X');
  });

  it('tells a club’s timeline, oldest first', async () => {
    const result = await harness.command(MEMBER, 'clubs', 'history', [option('club', OM)]);
    const description = result.reply?.embeds[0]?.description ?? '';
    expect(description.indexOf('joins Bluesky')).toBeLessThan(description.indexOf('leaves X'));
  });

  it('answers in French when the server speaks French', async () => {
    await harness.admin('language', [option('language', 'fr')]);
    const result = await harness.command(MEMBER, 'clubs', 'status', [option('club', OM)]);
    const names = result.reply?.embeds[0]?.fields?.map((field) => field.name);
    expect(names).toContain('X: a quitté le 4 déc. 2024');
    expect(result.reply?.embeds[0]?.fields?.find((field) => field.name.startsWith('X'))?.value).toMatch(/^Rapporté par 2 médias/);
    await harness.admin('language', [option('language', 'en')]);
  });

  it('shows another server only its own watches', async () => {
    const result = await harness.discord.interact({
      guildId: OTHER_GUILD,
      channelId: OTHER_NEWS,
      user: MEMBER,
      commandName: 'clubs',
      options: [{ type: 1, name: 'status', options: [] }],
    });
    expect(result.reply?.embeds[0]?.title).toBe('Latest stories');
  });
});
