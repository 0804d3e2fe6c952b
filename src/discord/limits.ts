// Discord's limits, each stated once. The bot keeps under them instead of learning them from 400s
// (Discord's API reference: messages, embeds, application commands, rate limits, uploads).

/** Characters of a message's text. */
export const messageContentLength = 2_000;

/** Embeds in one message. */
export const embedsPerMessage = 10;

/** The characters of each part of an embed, its field count, and the characters of all its parts together. */
export const embedLimits = { title: 256, description: 4_096, author: 256, fields: 25, fieldName: 256, fieldValue: 1_024, footer: 2_048, total: 6_000 } as const;

/** Characters of a link in an embed (its url, an image's, a masked link's address). */
export const embedUrlLength = 2_048;

/** Suggestions in one autocomplete answer, and the characters of a suggestion's name. */
export const autocompleteChoices = 25;
export const choiceNameLength = 100;

/** Characters of a message's nonce. */
export const nonceLength = 25;

/** Requests a bot may send in one second, all routes together. */
export const requestsPerSecond = 50;

/** Bytes of one uploaded file in a server without boosts. */
export const uploadBytes = 10 * 1024 * 1024;
