import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runExtractCommand } from '../../src/announcements/extract-command.ts';
import { createExtractor } from '../../src/announcements/extractor.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

const extractor = createExtractor(loadCatalog());

async function run(lines: string, explain = false): Promise<{ out: string[]; err: string }> {
  const output = new PassThrough();
  const errors = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (c: Buffer) => (out += c.toString()));
  errors.on('data', (c: Buffer) => (err += c.toString()));
  await runExtractCommand({ input: Readable.from([lines]), output, errors, extractor, explain });
  return { out: out.split('\n').filter((l) => l !== ''), err };
}

describe('runExtractCommand', () => {
  it('writes one line per item, in order, with the announcements', async () => {
    const { out, err } = await run(
      [
        JSON.stringify({ id: 'a', text: 'Le Red Star quitte X.', lang: 'fr' }),
        JSON.stringify({ id: 'b', text: 'Nothing to see here.', url: 'https://example.org/b', published: '2024-11-14' }),
      ].join('\n'),
    );
    expect(err).toBe('');
    expect(out).toHaveLength(2);
    const a = JSON.parse(out[0] ?? '');
    expect(a.id).toBe('a');
    expect(a.announcements).toEqual([
      {
        club: { id: 'red-star-fc', name: 'Red Star FC' },
        platform: 'x',
        action: 'leave',
        confidence: expect.any(Number),
        evidence: 'Le Red Star quitte X.',
      },
    ]);
    expect(JSON.parse(out[1] ?? '')).toEqual({ id: 'b', announcements: [] });
  });

  it('reports unreadable lines by number on the error stream and goes on; skips blank lines', async () => {
    const { out, err } = await run(['{"id": "1", "text": "x"}', '', '{not json', '{"text": "no id"}', '   ', '{"id": "5", "text": "y"}'].join('\n'));
    expect(out.map((l) => JSON.parse(l).id)).toEqual(['1', '5']);
    expect(err).toMatch(/line 3: not valid JSON/);
    expect(err).toMatch(/line 4: missing "id"/);
    expect(err.split('\n').filter((l) => l !== '')).toHaveLength(2);
  });

  it('adds cues and rejected candidates with --explain', async () => {
    const { out } = await run(JSON.stringify({ id: 'e', text: 'Werder Bremen verlässt X. Der BVB erwägt einen Rückzug von X.', lang: 'de' }), true);
    const e = JSON.parse(out[0] ?? '');
    expect(e.announcements[0].cues.length).toBeGreaterThan(0);
    expect(e.rejected.length).toBeGreaterThan(0);
    expect(e.announcements.map((a: { club: { id: string } }) => a.club.id)).toEqual(['werder-bremen']);
  });

  it('reports an unlisted club with a null id', async () => {
    const { out } = await run(JSON.stringify({ id: 'u', text: 'Stade Briochin quitte X.', lang: 'fr' }));
    expect(JSON.parse(out[0] ?? '').announcements[0].club).toEqual({ id: null, name: 'Stade Briochin' });
  });

  it('lists each club, platform and action once per item', async () => {
    const { out } = await run(JSON.stringify({ id: 'd', text: 'Le Red Star quitte X.\nLe Red Star quitte X, a annoncé le club.', lang: 'fr' }));
    expect(JSON.parse(out[0] ?? '').announcements).toHaveLength(1);
  });
});
