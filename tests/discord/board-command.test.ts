import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardImageFor } from '../../src/discord/board-command.ts';
import { GENERAL, GUILD, Harness, MEMBER, OM, option } from './harness.ts';

describe('/clubs board', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start();
    await harness.story({ occurredAt: '2024-12-04T09:00:00.000Z' });
    await harness.story({ platform: 'bluesky', action: 'join', occurredAt: '2024-11-14T09:00:00.000Z' });
    await harness.story({ clubId: 'fc-st-pauli', clubName: 'FC St. Pauli', occurredAt: '2024-11-14T09:00:00.000Z' });
  });
  afterAll(async () => {
    await harness.close();
  });

  const uploads = () => harness.discord.requests.filter((request) => request.files.length > 0);

  it('replies with the board as a PNG under 1 MB with alt text, sent through the real discord.js client, bytes intact', async () => {
    const before = uploads().length;
    const result = await harness.command(MEMBER, 'clubs', 'board', [option('league', 'ligue-1')]);
    expect(result.deadlineMissed).toBe(false);
    expect(result.reply?.content).toBe('Ligue 1: the board on 4 Dec 2024');
    const [request] = uploads().slice(before);
    const file = request?.files[0];
    expect(file).toMatchObject({ filename: 'clubwatch-board.png', contentType: 'image/png' });
    const bytes = Buffer.from(file?.data ?? []);
    expect(bytes.length).toBe(file?.size);
    // What Discord received is, byte for byte, the picture the bot drew (read back from its cache).
    const drawn = await boardImageFor(harness.context, { league: 'ligue-1' }, 'en');
    expect(bytes.equals(drawn?.png ?? Buffer.alloc(0))).toBe(true);
    expect(bytes.length).toBeLessThan(1_000_000);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBeGreaterThanOrEqual(640);
    const message = harness.discord.messages(GENERAL).at(-1);
    expect(message?.attachments[0]).toMatchObject({ filename: 'clubwatch-board.png', size: bytes.length });
    expect(message?.attachments[0]?.description).toBe(
      'Ligue 1: the board on 4 Dec 2024. Olympique de Marseille: X left 4 Dec 2024, Bluesky joined 14 Nov 2024.',
    );
  });

  it('draws the same board once and sends the cached picture until the board changes', async () => {
    const sizeBefore = harness.context.boardImages.size;
    await harness.command(MEMBER, 'clubs', 'board', [option('league', 'ligue-1')]);
    expect(harness.context.boardImages.size).toBe(sizeBefore);
    await harness.story({ clubId: 'as-monaco', clubName: 'AS Monaco', action: 'stay', occurredAt: '2024-12-05T09:00:00.000Z' });
    const result = await harness.command(MEMBER, 'clubs', 'board', [option('league', 'ligue-1')]);
    expect(harness.context.boardImages.size).toBe(sizeBefore + 1);
    expect(result.reply?.content).toBe('Ligue 1: the board on 5 Dec 2024');
  });

  it('filters by country and platform, in the server’s language', async () => {
    await harness.admin('language', [option('language', 'de')]);
    const result = await harness.command(MEMBER, 'clubs', 'board', [option('country', 'DE'), option('platform', 'x')]);
    expect(result.reply?.content).toBe('Deutschland: die Übersicht am 14. Nov. 2024');
    const description = harness.discord.messages(GENERAL).at(-1)?.attachments[0]?.description;
    expect(description).toBe('Deutschland: die Übersicht am 14. Nov. 2024. FC St. Pauli: X weg 14. Nov. 2024.');
    await harness.context.store.updateServerSettings(GUILD, { language: 'en' });
  });

  it('says in one line when a league is unknown or the board is empty for the choice', async () => {
    const unknown = await harness.command(MEMBER, 'clubs', 'board', [option('league', 'Premier Division of Mars')]);
    expect(unknown.reply?.content).toBe('No league in the catalog matches “Premier Division of Mars”.');
    expect(unknown.reply?.flags).toBe(64);
    const empty = await harness.command(MEMBER, 'clubs', 'board', [option('country', 'MX')]);
    expect(empty.reply?.content).toBe('Nothing on the board for this choice yet.');
  });

  it('suggests leagues and countries as the member types', async () => {
    const leagues = await harness.command(MEMBER, 'clubs', 'board', [{ ...option('league', 'bundes'), focused: true } as never], { type: 'autocomplete' });
    expect(leagues.choices?.map((choice) => choice.value)).toContain('bundesliga');
    const countries = await harness.command(MEMBER, 'clubs', 'board', [{ ...option('country', 'germ'), focused: true } as never], { type: 'autocomplete' });
    expect(countries.choices).toEqual([{ name: 'Germany (DE)', value: 'DE' }]);
    expect(OM).toBe('olympique-de-marseille');
  });
});
