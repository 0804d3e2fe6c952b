import { describe, expect, it } from 'vitest';
import { digestEmbed, fitEmbed, storyEmbed } from '../../src/discord/embeds.ts';
import { embedLimits } from '../../src/discord/limits.ts';
import { inert } from '../../src/discord/text.ts';
import type { StorySummary } from '../../src/summaries/compose.ts';

function summary(index: number, size = 1): StorySummary {
  return {
    storyId: index,
    language: 'en',
    headline: `Club number ${index} with a rather long name ${'x'.repeat(size)} leaves X`,
    clubId: null,
    clubName: `Club ${index}`,
    platform: 'x',
    action: 'leave',
    occurredAt: '2024-12-04T09:00:00.000Z',
    date: '4 Dec 2024',
    evidence: `The club said it leaves X. ${'Because. '.repeat(size)}`,
    reportedBy: 'Reported by 40 outlets',
    outletCount: 40,
    sources: Array.from({ length: 40 }, (_, n) => ({ outlet: `Outlet ${n} ${'o'.repeat(size)}`, title: 't', link: `https://news.example/${index}/${n}/${'p'.repeat(size)}` })),
    confidence: 0.9,
  };
}

function size(embed: ReturnType<typeof fitEmbed>): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

describe('embeds within Discord’s limits', () => {
  it('keeps a story with huge text and forty outlets within every limit', () => {
    const embed = storyEmbed(summary(1, 3_000), 'ref 0123456789abcdef01234567');
    expect(embed.title?.length).toBeLessThanOrEqual(embedLimits.title);
    expect(embed.description?.length).toBeLessThanOrEqual(embedLimits.description);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(embedLimits.fieldValue);
    expect(size(embed)).toBeLessThanOrEqual(embedLimits.total);
    expect(embed.footer?.text).toContain('ref 0123456789abcdef01234567');
  });

  it('keeps a digest of two hundred stories within every limit and says how many were left out', () => {
    const embed = digestEmbed({ language: 'en', headline: 'Many clubs leave X', stories: Array.from({ length: 200 }, (_, i) => summary(i, 20)) }, 'ref abc', (n) => `…and ${n} more`);
    expect(embed.description?.length).toBeLessThanOrEqual(embedLimits.description);
    expect(embed.description).toMatch(/…and \d+ more$/);
    expect(size(embed)).toBeLessThanOrEqual(embedLimits.total);
  });

  it('trims fields until the whole embed fits in 6,000 characters', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(1_500) }));
    const embed = fitEmbed({ title: 't', description: 'd'.repeat(5_000), fields });
    expect(embed.fields?.length).toBeLessThanOrEqual(25);
    expect(size(embed)).toBeLessThanOrEqual(embedLimits.total);
  });

  it('makes feed text inert: no mention, markdown or masked link survives', () => {
    const text = inert('@everyone @here <@123456789012345678> <@&123456789012345678> **bold** [click](https://evil.example) \u202Eevil');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&\d|\*\*bold|\[click\]|\u202E/);
  });
});
