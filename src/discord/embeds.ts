import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Action } from '../announcements/announcement.ts';
import type { DigestSummary, StorySummary } from '../summaries/compose.ts';
import { labels } from '../summaries/phrases.ts';
import { embedLimits } from './limits.ts';
import { inert, maskedLink, safeLink, truncate } from './text.ts';


const colours: Record<Action, number> = {
  leave: 0xd9534f,
  stay: 0x6c757d,
  join: 0x1185fe,
  pause: 0xf0ad4e,
  return: 0x5cb85c,
  delete: 0x8b0000,
};

/**
 * The marker in a post's footer that lets a later attempt find the post it may already have made
 * (Discord does not return nonces with fetched messages). Twelve hex digits tell apart the last 50 posts.
 */
export function deliveryMarker(idempotencyKey: string): string {
  return `ref ${idempotencyKey.slice(0, 12)}`;
}

function sourceLines(summary: StorySummary, max: number): string {
  const lines: string[] = [];
  let length = 0;
  for (const source of summary.sources) {
    const line = `• ${maskedLink(source.outlet, source.link)}`;
    if (length + line.length + 1 > max) break;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

export function storyEmbed(summary: StorySummary, marker: string | null): APIEmbed {
  const first = summary.sources.find((source) => safeLink(source.link));
  const sources = sourceLines(summary, embedLimits.fieldValue);
  const fields: APIEmbedField[] = sources ? [{ name: labels[summary.language].sources, value: sources }] : [];
  const embed: APIEmbed = {
    title: truncate(inert(summary.headline), embedLimits.title),
    color: colours[summary.action],
    fields,
    footer: { text: [summary.date, summary.reportedBy, marker].filter(Boolean).join(' · ') },
  };
  const url = safeLink(first?.link);
  if (url) embed.url = url;
  if (summary.evidence) embed.description = truncate(`> ${inert(summary.evidence).replace(/\n+/g, ' ')}`, embedLimits.description);
  if (!Number.isNaN(Date.parse(summary.occurredAt))) embed.timestamp = new Date(summary.occurredAt).toISOString();
  return fitEmbed(embed);
}

/** One line per story, as many as fit, then "…and N more". */
export function digestEmbed(digest: DigestSummary, marker: string | null, andMore: (count: number) => string): APIEmbed {
  const lines: string[] = [];
  let length = 0;
  for (const [index, story] of digest.stories.entries()) {
    const source = story.sources[0];
    const line = `• **${inert(story.headline)}** (${story.date}) · ${story.reportedBy}${source ? ` · ${maskedLink(source.outlet, source.link)}` : ''}`;
    const rest = digest.stories.length - index - 1;
    const reserve = rest > 0 ? 40 : 0;
    if (length + line.length + 1 + reserve > embedLimits.description - 40) {
      lines.push(andMore(digest.stories.length - index));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return fitEmbed({
    title: truncate(inert(digest.headline), embedLimits.title),
    description: lines.join('\n'),
    color: 0x2b2d31,
    ...(marker ? { footer: { text: marker } } : {}),
  });
}

function embedSize(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

/** Applies every limit: lengths per part, 25 fields, and the 6,000 characters of all parts together. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, embedLimits.title);
  if (fitted.description !== undefined) fitted.description = truncate(fitted.description, embedLimits.description);
  if (fitted.author) fitted.author = { ...fitted.author, name: truncate(fitted.author.name, embedLimits.author) };
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, embedLimits.footer) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, embedLimits.fields).map((field) => ({
      ...field,
      name: truncate(field.name, embedLimits.fieldName) || '\u200B',
      value: truncate(field.value, embedLimits.fieldValue) || '\u200B',
    }));
  }
  while (embedSize(fitted) > embedLimits.total && fitted.fields && fitted.fields.length > 0) fitted.fields = fitted.fields.slice(0, -1);
  const excess = embedSize(fitted) - embedLimits.total;
  if (excess > 0 && fitted.description) fitted.description = truncate(fitted.description, Math.max(1, fitted.description.length - excess));
  return fitted;
}
