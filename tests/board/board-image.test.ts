import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { boardSvg, BoardImageCache, renderBoardImage } from '../../src/board/image.ts';
import { boardTitle } from '../../src/board/labels.ts';
import { fixedBoard } from './fixed-board.ts';

const reference = fileURLToPath(new URL('../fixtures/board/board-reference.png', import.meta.url));
const artefacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('the board as a picture', () => {
  const title = boardTitle(null, new Date('2026-11-30T10:00:00Z'), 'de');

  it('draws a fixed board like the committed reference, within a small pixel tolerance', async () => {
    const image = await renderBoardImage(fixedBoard(), title, 'de');
    mkdirSync(artefacts, { recursive: true });
    writeFileSync(`${artefacts}board.png`, image.png);
    // Set UPDATE_BOARD_REFERENCE=1 to draw the reference again after a deliberate change, then look at it.
    if (process.env.UPDATE_BOARD_REFERENCE === '1') writeFileSync(reference, image.png);
    expect(existsSync(reference)).toBe(true);
    const actual = await pixels(image.png);
    const expected = await pixels(readFileSync(reference));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    let differing = 0;
    for (let i = 0; i < actual.data.length; i += 4) {
      const delta = Math.max(
        Math.abs((actual.data[i] ?? 0) - (expected.data[i] ?? 0)),
        Math.abs((actual.data[i + 1] ?? 0) - (expected.data[i + 1] ?? 0)),
        Math.abs((actual.data[i + 2] ?? 0) - (expected.data[i + 2] ?? 0)),
      );
      if (delta > 48) differing += 1;
    }
    expect(differing / (actual.width * actual.height)).toBeLessThan(0.002);
  });

  it('is a PNG under 1 MB, with the title, the standings and the dates in the server’s language, and alt text', async () => {
    const image = await renderBoardImage(fixedBoard(), title, 'de');
    expect(image.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image.png.length).toBeLessThan(1_000_000);
    expect(image.width).toBeGreaterThanOrEqual(640);
    expect(image.title).toBe('Alle Vereine: die Übersicht am 30. Nov. 2026');
    expect(image.alt).toContain('FC St. Pauli: X weg 14. Nov. 2024, Bluesky dabei 14. Nov. 2024.');
    expect(image.alt.length).toBeLessThanOrEqual(1_000);
  });

  it('draws hostile names as text: markup escaped, direction overrides dropped', async () => {
    const { svg } = boardSvg(fixedBoard(), title, 'de');
    expect(svg).toContain('>&lt;script&gt;&quot;x&quot;&lt;/script&gt; evil</text>');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u202E');
    const alt = (await renderBoardImage(fixedBoard(), title, 'de')).alt;
    expect(alt).toContain('<script>"x"</script> evil: Bluesky gelöscht 1. Juni 2026.');
  });

  it('keeps a rendered board until the board changes', async () => {
    const cache = new BoardImageCache();
    const first = await cache.get(fixedBoard(), title, 'de');
    expect(await cache.get(fixedBoard(), title, 'de')).toBe(first);
    const moved = { ...fixedBoard(), signature: 'fixed-board-v2' };
    expect(await cache.get(moved, title, 'de')).not.toBe(first);
    expect(await cache.get(fixedBoard(), title, 'fr')).not.toBe(first);
    expect(cache.size).toBe(3);
  });

  it('keeps a board of many clubs readable: 30 rows, then "and N more"', () => {
    const board = fixedBoard();
    const many = Array.from({ length: 45 }, (_, i) => ({ id: `club-${i}`, name: `Club ${i}`, country: 'DE', league: 'bundesliga', cells: {} }));
    const view = { ...board, groups: [{ leagueId: 'bundesliga', title: 'Bundesliga', clubs: many }] };
    const { svg, height } = boardSvg(view, title, 'en');
    expect(svg).toContain('… and 15 more');
    expect(svg).not.toContain('Club 30<');
    expect(height).toBeLessThan(1_800);
  });
});
