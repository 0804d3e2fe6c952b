import type { Action, ClubRef, Platform } from './announcement.ts';
import type { SentenceInfo } from './sentence.ts';

/** What the scorer weighs of each candidate: one number per named fact. */
export const featureNames = [
  'bias',
  'act_leave',
  'act_stay',
  'act_join',
  'act_pause',
  'act_return',
  'act_delete',
  'cue_use',
  'cue_follow',
  'cue_migrate',
  'cue_noun',
  'cue_account',
  'cue_object_person',
  'cue_year',
  'cue_dated',
  'also',
  'neg_flipped',
  'report',
  'p_strict',
  'p_sentence',
  'p_context',
  'p_near',
  'p_neighbour',
  'p_list',
  'p_target',
  'p_medium',
  'p_item_list',
  'p_anaphor',
  'switch_to',
  'switch_from',
  'c_subject',
  'c_context',
  'c_sentence',
  'c_before_cue',
  'c_near',
  'c_neighbour',
  'c_precedent',
  'c_including',
  'c_against',
  'c_possessor',
  'c_person_subject',
  'c_generic_subject',
  'c_listed',
  'headline',
  'early',
  'question',
  'blocked',
  'embed_other',
  'club_mentions',
  'club_topic',
  'club_author',
  'club_unknown',
  'club_league',
  'rule',
  'rule_other_action',
  'rule_club',
  'strong',
  'occurrences',
  'item_clubs',
  'item_level',
  'bare',
  'item_actions',
  'co_same',
  'co_club',
  'co_platform',
  'co_headline',
  'platform_share',
  'dest_left',
  'dest_new',
  'dest_cue',
  'dest_other',
  'plat_x',
  'plat_alt',
  'plat_meta',
  'plat_video',
  'plat_other',
  'leave_x',
  'leave_alt',
  'leave_meta',
  'leave_video',
  'leave_other',
  'stay_x',
  'stay_alt',
  'stay_meta',
  'stay_video',
  'stay_other',
  'join_x',
  'join_alt',
  'join_meta',
  'join_video',
  'join_other',
  'pause_x',
  'pause_alt',
  'pause_meta',
  'pause_video',
  'pause_other',
] as const;
export type FeatureName = (typeof featureNames)[number];
export type Features = Record<FeatureName, number>;

export interface Candidate {
  club: ClubRef;
  platform: Platform;
  action: Action;
  features: Features;
  /** The sentence of the strongest occurrence, for evidence. */
  sentence: SentenceInfo;
  cues: string[];
  strength: number;
  /** The year the item gives a join ("launched its account in 2012", "on Twitter since 2009"), else null. */
  year: number | null;
}

export interface RuleDecision {
  club: ClubRef;
  platform: Platform;
  action: Action;
  confidence: number;
}

export interface ItemFacts {
  /** Clubs by key: how many times the item names each. */
  clubCounts: Map<string, number>;
  /** Platforms named anywhere, most named first. */
  platformsByCount: Platform[];
  /** Sentence index → the club that wrote an embedded post there ("— Red Star FC (@RedStarFC) December 4, 2024"). */
  embedAuthor: Map<number, string | null>;
  /** Platforms named in a list anywhere in the item ("Facebook, Twitter et Instagram"). */
  listedPlatforms: Platform[];
  leagueIds: ReadonlySet<string>;
}

/** One club, catalog or not, as a map key. */
export const clubKey = (c: ClubRef): string => c.id ?? `?${c.name.toLowerCase()}`;

/**
 * Where actions compete: one action per club and platform, except a join stated with its year
 * ("joined in May 2008"), which stands beside what the club does now ("… and leaves X").
 */
export function decisionSlot(c: Pick<Candidate, 'club' | 'platform' | 'action' | 'features'>): string {
  const since = c.action === 'join' && (c.features.cue_year || c.features.cue_dated) ? '|since' : '';
  return `${c.club.id ?? c.club.name.toLowerCase()}|${c.platform}${since}`;
}

/**
 * Every candidate's features share one object shape: an object filled name by name turns into a
 * hash table (slow to read, and large), and shapes made on the fly die at each full collection,
 * throwing away the compiled extractor with them. A copy of this template keeps its shape.
 */
const zeroFeatures: Features = (() => {
  const f = {} as Features;
  for (const n of featureNames) f[n] = 0;
  f.bias = 1;
  return { ...f };
})();

export function emptyFeatures(): Features {
  return { ...zeroFeatures };
}

/** The features of one occurrence, on the common shape: the parts' values, the rest zero. */
export function occurrenceFeatures(...parts: ReadonlyArray<Partial<Features>>): Features {
  const f = emptyFeatures();
  for (const part of parts) for (const name in part) f[name as FeatureName] = part[name as FeatureName] as number;
  return f;
}
