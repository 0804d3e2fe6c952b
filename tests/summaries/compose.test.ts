import { describe, expect, it } from 'vitest';
import type { Action, Platform } from '../../src/announcements/announcement.ts';
import type { Story } from '../../src/stories/story.ts';
import { composeDigest, renderStoryText, summarizeStory } from '../../src/summaries/compose.ts';

const names: Record<string, string> = { 'red-star-fc': 'Red Star', 'olympique-de-marseille': 'OM', 'werder-bremen': 'Werder Bremen', 'fc-st-pauli': 'St. Pauli' };
const nameOf = (story: Pick<Story, 'clubId' | 'clubName'>) => (story.clubId ? (names[story.clubId] ?? story.clubName) : story.clubName);

let nextId = 1;
function story(clubId: string, action: Action, platform: Platform = 'x', outlets: string[] = ['L’Équipe']): Story {
  return {
    id: nextId++,
    clubId,
    clubName: clubId,
    platform,
    action,
    occurredAt: '2024-12-04T10:00:00.000Z',
    firstSeenAt: '2024-12-04T11:00:00.000Z',
    confidence: 0.9,
    shared: true,
    reports: outlets.map((outlet, index) => ({
      sourceId: `s${index}`,
      outlet,
      itemKey: `k${index}`,
      title: `${clubId} ${action}`,
      link: `https://news.example/${clubId}/${index}`,
      evidence: `${clubId} ${action} ${platform}.`,
      published: '2024-12-04T10:00:00.000Z',
      confidence: 0.9 - index * 0.1,
      lang: 'en',
      trusted: true,
    })),
  };
}

describe('summaries', () => {
  it('names the club, the action and the platform of one story, with its outlets and date', () => {
    const summary = summarizeStory(story('red-star-fc', 'leave', 'x', ['L’Équipe', 'Le Parisien', 'L’Équipe']), nameOf, 'en');
    expect(summary.headline).toBe('Red Star leaves X');
    expect(summary.outletCount).toBe(2);
    expect(summary.reportedBy).toBe('Reported by 2 outlets');
    expect(summary.date).toBe('4 Dec 2024');
    expect(renderStoryText(summary)).toContain('https://news.example/red-star-fc/0');
  });

  it('writes one story in French', () => {
    const summary = summarizeStory(story('red-star-fc', 'leave'), nameOf, 'fr');
    expect(summary.headline).toBe('Red Star quitte X');
    expect(summary.reportedBy).toBe('Rapporté par 1 média');
  });

  it('groups a digest the way a person writes it: the platform once, then the other actions', () => {
    const digest = composeDigest([story('olympique-de-marseille', 'stay'), story('red-star-fc', 'leave')], nameOf, 'en');
    expect(digest.headline).toBe('OM stays on X, Red Star leaves');
  });

  it('joins clubs that did the same thing and separates platforms', () => {
    const digest = composeDigest(
      [story('werder-bremen', 'leave'), story('fc-st-pauli', 'leave'), story('fc-st-pauli', 'join', 'bluesky')],
      nameOf,
      'en',
    );
    expect(digest.headline).toBe('Werder Bremen and St. Pauli leave X; St. Pauli joins Bluesky');
  });

  it('writes a digest in French', () => {
    const digest = composeDigest(
      [story('olympique-de-marseille', 'stay'), story('red-star-fc', 'leave'), story('fc-st-pauli', 'join', 'bluesky')],
      nameOf,
      'fr',
    );
    expect(digest.headline).toBe('OM reste sur X, Red Star le quitte; St. Pauli rejoint Bluesky');
  });

  it('falls back to English for a language it does not write', () => {
    expect(summarizeStory(story('red-star-fc', 'leave'), nameOf, 'nl').headline).toBe('Red Star leaves X');
  });
});
