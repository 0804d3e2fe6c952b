import type { Action, Platform } from '../announcements/announcement.ts';

/** One report of a story: an item from one source. */
export interface StoryReport {
  sourceId: string;
  /** The outlet, for display: the feed's title or the link's host. */
  outlet: string;
  itemKey: string;
  title: string;
  link: string | null;
  evidence: string;
  published: string | null;
  confidence: number;
  lang: string | null;
  /** From a source the operator trusts; else from a server's own feed, shown only to the servers that added it. */
  trusted: boolean;
}

/** One event told by any number of items: "Red Star FC leaves X", reported by 12 outlets. */
export interface Story {
  id: number;
  /** Catalog id, or null for a club missing from the catalog (then `clubName` names it). */
  clubId: string | null;
  clubName: string;
  platform: Platform;
  action: Action;
  /** When it happened: the earliest report's publication time (or when first seen). */
  occurredAt: string;
  firstSeenAt: string;
  confidence: number;
  /**
   * True once a source the operator trusts (config, command line, clubs' accounts) reports it. Until
   * then the story belongs to the servers whose own feeds reported it, and goes nowhere else.
   */
  shared: boolean;
  reports: StoryReport[];
}

/** A club's standing on one platform, moved by stories. */
export interface BoardEntry {
  clubId: string;
  platform: Platform;
  action: Action;
  since: string;
  storyId: number;
}
