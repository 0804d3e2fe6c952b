import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type CurrentStore, announcement, item, later, newStory, report, source, t0 } from './fixtures.ts';

export function storyContract(store: CurrentStore): void {
  describe('announcements, stories and the board', () => {
    it('keeps an item’s announcements in order, with their stories', async () => {
      await store().recordAnnouncements([
        { item: item('a'), announcement, storyId: null },
        { item: item('a'), announcement: { ...announcement, action: 'join', platform: 'bluesky', confidence: 0.9 }, storyId: 7 },
      ]);
      await store().recordAnnouncements([]);
      const found = await store().listAnnouncementsForItem('s1', 'a');
      expect(found.map((a) => [a.action, a.platform, a.storyId])).toEqual([
        ['leave', 'x', null],
        ['join', 'bluesky', 7],
      ]);
      expect(found[1]?.confidence).toBe(0.9);
    });

    it('finds the latest story of an event within the window, and a club missing from the catalog by its name', async () => {
      const story = await store().createStory(newStory, report('a'));
      expect((await store().findRecentStory(announcement.club, 'x', 'leave', later(-1000)))?.id).toBe(story.id);
      expect(await store().findRecentStory(announcement.club, 'x', 'leave', later(1000))).toBeUndefined();
      expect(await store().findRecentStory(announcement.club, 'x', 'stay', later(-1000))).toBeUndefined();
      const unlisted = await store().createStory({ ...newStory, clubId: null, clubName: 'FC Nowhere' }, report('b'));
      expect((await store().findRecentStory({ id: null, name: 'fc nowhere' }, 'x', 'leave', later(-1000)))?.id).toBe(unlisted.id);
    });

    it('takes each report once; the story is as sure as its surest report and dated by its earliest', async () => {
      const story = await store().createStory(newStory, report('a'));
      expect(await store().addReport(story.id, report('b', { confidence: 0.95, published: later(-3_600_000) }))).toBe(true);
      expect(await store().addReport(story.id, report('b'))).toBe(false);
      expect(await store().addReport(story.id, report('c', { confidence: 0.5, published: null }))).toBe(true);
      const stored = await store().getStory(story.id);
      expect(stored?.confidence).toBe(0.95);
      expect(stored?.occurredAt).toBe(later(-3_600_000));
      expect(stored?.reports.map((r) => r.itemKey)).toEqual(['c', 'b', 'a']);
    });

    it('shows a story only its servers’ own feeds told to those servers, until a trusted source shares it', async () => {
      await store().addSource(source('own', { origin: 'server' }));
      await store().subscribeServerSource('g1', 'own');
      const story = await store().createStory({ ...newStory, shared: false }, report('a', { sourceId: 'own', trusted: false }));
      expect(await store().listStories()).toHaveLength(0);
      expect(await store().listStories({ visibleTo: 'g1' })).toHaveLength(1);
      expect(await store().listStories({ visibleTo: 'g2' })).toHaveLength(0);
      expect(await store().listStories({ visibleTo: 'all' })).toHaveLength(1);
      expect(await store().shareStory(story.id)).toBe(true);
      expect(await store().shareStory(story.id)).toBe(false);
      expect((await store().listStories({ visibleTo: 'g2', clubId: 'om', platform: 'x', action: 'leave' })).map((s) => s.id)).toEqual([story.id]);
    });

    it('lists stories newest first, gets them in the order asked, and tells a club’s history oldest first', async () => {
      const first = await store().createStory({ ...newStory, occurredAt: later(-2000) }, report('a'));
      const second = await store().createStory({ ...newStory, action: 'join', platform: 'bluesky', occurredAt: later(-1000) }, report('b'));
      expect((await store().listStories()).map((s) => s.id)).toEqual([second.id, first.id]);
      expect((await store().listStories({ limit: 1 })).map((s) => s.id)).toEqual([second.id]);
      expect((await store().getStories([first.id, second.id, 999])).map((s) => s.id)).toEqual([first.id, second.id]);
      expect((await store().clubHistory('om')).map((s) => s.id)).toEqual([first.id, second.id]);
      expect(await store().clubHistory('psg')).toHaveLength(0);
    });

    it('keeps one board place per club and platform', async () => {
      await store().setBoardEntry({ clubId: 'om', platform: 'x', action: 'leave', since: t0, storyId: 1 });
      await store().setBoardEntry({ clubId: 'om', platform: 'x', action: 'return', since: later(1000), storyId: 2 });
      await store().setBoardEntry({ clubId: 'psg', platform: 'x', action: 'stay', since: t0, storyId: 3 });
      expect(await store().getBoard('om')).toEqual([{ clubId: 'om', platform: 'x', action: 'return', since: later(1000), storyId: 2 }]);
      expect((await store().getBoard()).map((entry) => entry.clubId)).toEqual(['om', 'psg']);
    });

    it('moves a board place to a newer status, never back to an older one nor to the same action', async () => {
      expect(await store().advanceBoard({ clubId: 'om', platform: 'x', action: 'leave', since: later(1000), storyId: 1 })).toBe(true);
      expect(await store().advanceBoard({ clubId: 'om', platform: 'x', action: 'return', since: t0, storyId: 2 })).toBe(false);
      expect(await store().advanceBoard({ clubId: 'om', platform: 'x', action: 'leave', since: later(2000), storyId: 3 })).toBe(false);
      expect(await store().getBoard('om')).toEqual([{ clubId: 'om', platform: 'x', action: 'leave', since: later(1000), storyId: 1 }]);
      expect(await store().advanceBoard({ clubId: 'om', platform: 'x', action: 'return', since: later(1000), storyId: 4 })).toBe(true);
      expect(await store().advanceBoard({ clubId: 'om', platform: 'bluesky', action: 'join', since: t0, storyId: 5 })).toBe(true);
      expect(await store().getBoard('om')).toEqual([
        { clubId: 'om', platform: 'bluesky', action: 'join', since: t0, storyId: 5 },
        { clubId: 'om', platform: 'x', action: 'return', since: later(1000), storyId: 4 },
      ]);
    });

    it('forgets the stories only the bundled sample told, with their board places', async () => {
      await store().addSource(source('sample', { origin: 'sample' }));
      await store().addSource(source('s1'));
      const sampleOnly = await store().createStory(newStory, report('a', { sourceId: 'sample' }));
      const real = await store().createStory({ ...newStory, action: 'stay' }, report('b'));
      await store().setBoardEntry({ clubId: 'om', platform: 'x', action: 'leave', since: t0, storyId: sampleOnly.id });
      expect(await store().forgetSampleStories()).toBe(1);
      expect(await store().getStory(sampleOnly.id)).toBeUndefined();
      expect(await store().getStory(real.id)).toBeDefined();
      expect(await store().getBoard()).toHaveLength(0);
    });

    it('files one story for one event when two transactions find and create it at the same moment', async () => {
      const fileOnce = (key: string, pause: number) =>
        store().transaction(async (tx) => {
          const found = await tx.findRecentStory(announcement.club, 'x', 'leave', later(-86_400_000));
          await sleep(pause);
          if (found) return tx.addReport(found.id, report(key));
          await tx.createStory(newStory, report(key));
          return true;
        });
      await Promise.all([fileOnce('a', 50), fileOnce('b', 0)]);
      const stories = await store().listStories({ visibleTo: 'all' });
      expect(stories).toHaveLength(1);
      expect(stories[0]?.reports.map((r) => r.itemKey).sort()).toEqual(['a', 'b']);
    });

    it('files one story per event when transactions take their events up front, in whatever order they name them', async () => {
      const events = [
        { club: announcement.club, platform: 'x' as const, action: 'leave' as const },
        { club: { id: null, name: 'FC Nowhere' }, platform: 'bluesky' as const, action: 'join' as const },
      ];
      const fileBoth = (key: string, order: typeof events, pause: number) =>
        store().transaction(async (tx) => {
          await tx.lockStoryEvents(order);
          await tx.lockStoryEvents([]);
          await sleep(pause);
          for (const event of order) {
            const found = await tx.findRecentStory(event.club, event.platform, event.action, later(-86_400_000));
            if (found) await tx.addReport(found.id, report(key));
            else await tx.createStory({ ...newStory, clubId: event.club.id, clubName: event.club.name, platform: event.platform, action: event.action }, report(key));
          }
        });
      await Promise.all([fileBoth('a', events, 50), fileBoth('b', [...events].reverse(), 0)]);
      const stories = await store().listStories({ visibleTo: 'all' });
      expect(stories).toHaveLength(2);
      expect(stories.map((story) => story.reports.map((r) => r.itemKey).sort())).toEqual([
        ['a', 'b'],
        ['a', 'b'],
      ]);
    });
  });
}
