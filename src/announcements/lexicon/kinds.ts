import type { Platform } from '../announcement.ts';

/** What a cue word or phrase tells the extractor. */
export type CueKind =
  /** Verbs and nouns that say what a club does on a platform. */
  | 'leave'
  | 'stay'
  | 'join'
  | 'pause'
  | 'return'
  | 'delete'
  /** "posts on", "uses": an action only with `cease` ("no longer uses") or `continue`. */
  | 'use'
  | 'cease'
  | 'continue'
  /** "follows suit": repeats the action of the sentence or item before. */
  | 'follow'
  /** "moves to", "switches to": join the target, leave the source when "from X" is said. */
  | 'migrate'
  /** Modifiers in the clause before the cue. */
  | 'neg'
  | 'negEnd'
  | 'modal'
  | 'undecided'
  | 'deny'
  | 'report'
  | 'temp'
  /** "seit Mittwoch", "désormais", "now": a state that has just begun. */
  | 'onset'
  /** Reasons to set a sentence aside. */
  | 'nocomment'
  | 'hack'
  | 'fake'
  | 'post'
  | 'account'
  /** Who the subject is. */
  | 'person'
  | 'generic'
  | 'anaphor'
  | 'pronoun'
  | 'first'
  /** Other clubs in the sentence. */
  | 'precedent'
  | 'including'
  | 'contrast'
  | 'against'
  | 'also'
  | 'conj'
  /** Small words. */
  | 'loc'
  | 'from'
  | 'to'
  | 'article'
  | 'platformAnaphor'
  /** Idioms holding a modifier's word that modify nothing ("a franchi le pas", "not only"): the word inside is no cue. */
  | 'idiom';

/** One language's cue lists: phrases separated by `|`; see PhraseIndex for the phrase syntax. */
export type Lexicon = Partial<Record<CueKind, string>>;

export const actionKinds: ReadonlySet<CueKind> = new Set<CueKind>([
  'leave',
  'stay',
  'join',
  'pause',
  'return',
  'delete',
  'use',
  'follow',
  'migrate',
]);


/** Platform names in every language; `X` alone is checked apart because it is also a letter. */
export const platformNames: Record<Exclude<Platform, 'other'>, string> & { other: string } = {
  x: 'twitter|x com|x twitter|twitter x|x ex twitter|x formerly twitter|x formerly known as twitter|x anciennement twitter|x ex twitter|x vormals twitter|x ehemals twitter|x fruher twitter|ex twitter|x antes twitter|x antiguo twitter|x antigo twitter|x gia twitter|x ex twitter|x anteriormente twitter|twitter x|kurznachrichtendienst x|kurznachrichtendienst twitter|plattform x|reseau social x|reseau x|red social x|social x|social network x|rede social x|x com|tweets|twitter account|twitterkonto|twitteraccount|x voorheen twitter|x voormalig twitter|x vroeger twitter|x ex twitter|voormalige twitter|twitterpagina',
  bluesky: 'bluesky|blue sky|bsky|bsky social|bsky app|bluesky social',
  threads: 'threads',
  mastodon: 'mastodon|fediverse|fediversum|fediverso',
  instagram: 'instagram|insta|instagramaccount|instagrampagina|instagramkanaal',
  tiktok: 'tiktok|tik tok|tiktokaccount|tiktokkanaal',
  facebook: 'facebook|facebookpagina|facebookaccount',
  youtube: 'youtube|youtubekanaal',
  other: 'linkedin|telegram|whatsapp|whats app|snapchat|twitch|weibo|sina weibo|discord|wechat|we chat|douyin|kwai|bilibili|vkontakte|toutiao|tumblr|pinterest|reddit|clubhouse|dugout|kuaishou|zhihu|dailymotion|periscope|youku|vk|naver|kakaotalk|kakao talk|foursquare|flickr|myspace|vine',
};
