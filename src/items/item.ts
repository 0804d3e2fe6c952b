/** One entry read from a source: an article from a feed, a post from a club's account. */
export interface Item {
  /** Stable identity inside its source: guid, else normalised link, else a hash of the title. */
  key: string;
  title: string;
  /** Lead, summary or post text, as plain text. */
  text: string;
  link: string | null;
  /** ISO 8601, when the source gave one. */
  published: string | null;
  /** BCP 47 language tag when the source declared it ("fr", "de-DE"). */
  lang: string | null;
  /** For a club's own post: the catalog id of the club whose account wrote it. */
  authorClubId?: string;
}

/** What a feed reader returns for one feed body. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  link: string | null;
  lang: string | null;
  items: Item[];
}
