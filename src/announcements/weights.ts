/**
 * How sure the sentence rules are of what they read, each figure named once. A reading's confidence
 * is the weight of the action words times the weight of the way its club was found, times the
 * discounts of the cases below. The scorer's own weights are learned and live in `model/scorer.json`.
 */

/** The action words, read through negation and modality. */
export const actionWeight = {
  /** "quitte X", "verlässt X". */
  leave: 0.92,
  /** "rejoint Bluesky", "boycotts", "returns to", "relaunches". */
  join: 0.9,
  /** "supprime son compte". */
  delete: 0.85,
  /** "reste sur X". */
  stay: 0.85,
  /** "ne quittera pas X": a refused departure is a stay. */
  refusedLeave: 0.85,
  /** "quitte X pour une semaine", "n'utilisera pas X ce week-end". */
  pause: 0.85,
  /** "dément quitter X". */
  deniedLeave: 0.8,
  /** "n'utilisera plus X". */
  ceasedUse: 0.9,
  /** "continue d'utiliser X", "mantiene su apuesta por X". */
  continuedUse: 0.8,
  /** "utilise désormais Bluesky". */
  startedUse: 0.8,
} as const;

/** How the club of a reading was found. */
export const subjectWeight = {
  /** Named as the subject of the verb. */
  named: 1,
  /** Named after the verb ("a quitté X le club de…"), or by a name several clubs share. */
  namedLoosely: 0.9,
  /** The club named earlier in the same sentence, or "the club" for it. */
  sameSentence: 0.95,
  /** "the club", "le club" for the club of the sentence before. */
  anaphor: 0.95,
  /** "we" in a text that is not the club's own post; "il", "it". */
  pronounOrFirst: 0.85,
  /** A sentence with no subject of its own, in a club's own post. */
  authorClub: 0.85,
  /** A sentence with no subject: the club the item is about. */
  implied: 0.8,
} as const;

/** Discounts for readings that rest on less. */
export const discount = {
  /** "follows suit": the action is the one said before. */
  followed: 0.9,
  /** The platform is named before the action words ("sur X, le club annonce son départ"). */
  platformFirst: 0.95,
  /** "passe de X à Bluesky": leaving the platform it moves from. */
  migratedFrom: 0.9,
  /** "quitte X pour Bluesky": joining where the club goes. */
  leftFor: 0.8,
  /** "après St. Pauli", "including Werder", "comme le Red Star": clubs said to have done the same. */
  sameAs: 0.85,
} as const;
