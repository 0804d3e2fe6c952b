import type { Store } from '../../../src/store/store.ts';
import type { Announcement } from '../../../src/announcements/announcement.ts';
import type { NewSource, SeenItem } from '../../../src/store/store.ts';
import type { StoryReport } from '../../../src/stories/story.ts';

export const t0 = '2024-12-04T10:00:00.000Z';
export const later = (ms: number): string => new Date(Date.parse(t0) + ms).toISOString();

export const source = (id: string, change: Partial<NewSource> = {}): NewSource => ({
  id,
  url: `https://news.example/${id}.xml`,
  kind: 'feed',
  origin: 'config',
  intervalSeconds: 600,
  nextFetchAt: t0,
  ...change,
});

export const item = (key: string, change: Partial<SeenItem> = {}): SeenItem => ({
  sourceId: 's1',
  key,
  title: `Title ${key}`,
  text: `Text of ${key}`,
  link: null,
  published: null,
  lang: null,
  ...change,
});

export const announcement: Announcement = {
  club: { id: 'om', name: 'Olympique de Marseille' },
  platform: 'x',
  action: 'leave',
  confidence: 0.8,
  evidence: 'OM quitte X',
};

export const report = (itemKey: string, change: Partial<StoryReport> = {}): StoryReport => ({
  sourceId: 's1',
  outlet: 'News',
  itemKey,
  title: `Title ${itemKey}`,
  link: `https://news.example/${itemKey}`,
  evidence: 'OM quitte X',
  published: t0,
  confidence: 0.8,
  lang: 'fr',
  trusted: true,
  ...change,
});

export const newStory = {
  clubId: 'om',
  clubName: 'Olympique de Marseille',
  platform: 'x' as const,
  action: 'leave' as const,
  occurredAt: t0,
  firstSeenAt: t0,
  confidence: 0.8,
  shared: true,
};

/** Gives each test a store of its own; the contract suites read it through `current()`. */
export type CurrentStore = () => Store;
