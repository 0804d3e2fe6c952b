/** Small hand-made feeds for the live benchmarks: an outlet with nothing new, and one that breaks a story. */
export interface FeedEntry {
  guid: string;
  title: string;
  text: string;
  published: Date;
}

export type BenchAction = 'leave' | 'join';

const noise: FeedEntry[] = [
  {
    guid: 'noise-1',
    title: 'Matchday preview: five things to watch this weekend',
    text: 'The title race tightens as the leaders travel to a side unbeaten at home since August. Both coaches expect a tight game.',
    published: new Date('2024-11-10T09:00:00Z'),
  },
  {
    guid: 'noise-2',
    title: 'Academy graduate signs first professional contract',
    text: 'The 18-year-old midfielder has put pen to paper on a deal running until 2027, the club confirmed on Monday.',
    published: new Date('2024-11-09T09:00:00Z'),
  },
];

export function rssOf(entries: FeedEntry[]): string {
  const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const items = entries
    .map(
      (entry) => `<item><title>${escape(entry.title)}</title><link>https://wire.bench.invalid/${entry.guid}</link>` +
        `<guid isPermaLink="false">${entry.guid}</guid><pubDate>${entry.published.toUTCString()}</pubDate>` +
        `<description>${escape(entry.text)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Club Wire</title><link>https://wire.bench.invalid/</link><language>en</language>
${items}
</channel></rss>
`;
}

/** An outlet's feed with only ordinary news. */
export function quietFeed(): string {
  return rssOf(noise);
}

/** A story the extractor reads as one announcement: "<club> leave X" or "<club> join Bluesky". */
export function announcementEntry(club: string, action: BenchAction, published: Date, guid: string): FeedEntry {
  return action === 'leave'
    ? {
        guid,
        title: `${club} leave X`,
        text: `${club} said on Wednesday that the club is leaving X, citing the spread of hate speech on the platform.`,
        published,
      }
    : {
        guid,
        title: `${club} join Bluesky`,
        text: `${club} have opened an account on Bluesky and asked supporters to follow them there.`,
        published,
      };
}

export function announcementFeed(stories: Array<{ club: string; action: BenchAction }>, published: Date): string {
  const entries = stories.map((story, n) => announcementEntry(story.club, story.action, published, `story-${n}`));
  return rssOf([...entries, ...noise]);
}
