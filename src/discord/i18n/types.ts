import type { Action } from '../../announcements/announcement.ts';

/** What the bot says to people, in each language a server can choose. */
export interface Messages {
  genericError: string;
  optionRefused: (option: string) => string;
  onlyInServer: string;
  needManageServer: string;
  tooLong: (what: string, max: number) => string;
  unknownClub: (query: string) => string;
  ambiguous: (query: string, names: string[]) => string;
  unknownLeague: (query: string) => string;
  unknownCountry: (query: string) => string;
  chooseOneTarget: string;

  statusTitle: (club: string) => string;
  noNewsFor: (club: string) => string;
  watchedTitle: string;
  noNewsYet: string;
  noStories: string;
  boardEmpty: string;
  latestTitle: string;
  historyTitle: (club: string) => string;
  standing: Record<Action, (date: string) => string>;
  andMore: (count: number) => string;

  nowWatching: (name: string) => string;
  alreadyWatching: (name: string) => string;
  stoppedWatching: (name: string) => string;
  notWatching: (name: string) => string;
  tooManyWatches: (max: number) => string;
  setChannelHint: string;

  channelSet: (channel: string) => string;
  channelMissing: (channel: string, permissions: string[]) => string;
  channelNotHere: string;
  channelNotText: string;
  channelHistoryWarning: string;
  channelUnchecked: string;
  unpaused: string;
  /** After a pause: how many held updates go out now (more than five as one catch-up digest). */
  heldResumed: (count: number) => string;
  /** After a pause: how many held updates were too old and dropped. */
  heldDropped: (count: number, days: number) => string;
  permissionNames: Record<'ViewChannel' | 'SendMessages' | 'EmbedLinks' | 'ReadMessageHistory', string>;

  cadenceImmediate: string;
  cadenceHourly: string;
  cadenceDaily: (time: string, timeZone: string) => string;
  digestPictureOn: string;
  badTime: (value: string) => string;
  badTimeZone: (value: string) => string;
  languageSet: string;
  mentionSet: (role: string) => string;
  mentionNone: string;
  mentionEveryone: string;
  roleNotHere: string;

  badUrl: string;
  urlNotHttp: string;
  urlCredentials: string;
  tooManySources: (max: number) => string;
  /** The fetcher's reasons, in the server's language (see fetch-reasons.ts). */
  fetchReasons: {
    http: (status: string) => string;
    timeout: (duration: string) => string;
    tooLarge: (size: string) => string;
    redirects: (count: string) => string;
    port: (port: string) => string;
    /** `original`: the fetcher's own words, which name the kind of address. */
    privateAddress: (host: string, original: string) => string;
    connectionRefused: string;
    noSuchHost: string;
    closedEarly: string;
  };
  fetchFailed: (reason: string) => string;
  notAFeed: (reason: string) => string;
  sourceAdded: (title: string, items: number) => string;
  sourceAlready: (title: string) => string;
  sourceRemoved: (title: string) => string;
  sourceNotFound: string;
  sourcesTitle: string;
  sourcesNone: string;
  sourceOk: (date: string) => string;
  sourceFailing: (since: string, error: string) => string;
  sourceNotReadYet: string;

  whyTitle: string;
  whyNotFound: string;
  whyRead: (outlet: string, date: string) => string;
  whyFound: string;
  whyNothing: string;
  whySetAside: string;
  whyPosted: (storyId: number) => string;
  /** Sent to this server's outbox but held: posting is paused. */
  whyHeld: (storyId: number) => string;
  /** In this server's outbox or digest queue, not sent yet. */
  whyWaiting: (storyId: number) => string;
  /** Given up for this server, with the reason kept in the outbox. */
  whyFailed: (storyId: number, reason: string) => string;
  /** The story only this server's own feeds told: it stays with this server. */
  whyOwnOnly: (storyId: number) => string;
  /** The story a trusted source told as well: every server watching the club has it. */
  whyShared: (storyId: number, outlets: string) => string;
  whyBelow: (confidence: string, min: string) => string;
  /** A join the item dates to an earlier year: recorded, posted nowhere. */
  whyHistory: (year: number) => string;
  whyNotExamined: string;
  whyWatched: (club: string) => string;
  whyNotWatched: (club: string) => string;

  settingsTitle: string;
  fieldChannel: string;
  fieldCadence: string;
  fieldLanguage: string;
  fieldMention: string;
  fieldWatches: string;
  fieldSources: string;
  fieldState: string;
  notSet: string;
  none: string;
  active: string;
  paused: (since: string, reason: string) => string;
  sourcesSummary: (count: number, failing: number) => string;
  pausedReasons: Record<string, string>;
  pauseNotice: (channel: string, reason: string) => string;
  systemChannelNotice: (channel: string, reason: string) => string;
  notice: string;
}
