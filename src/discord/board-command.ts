import type { AttachmentPayload, ChatInputCommandInteraction } from 'discord.js';
import { platforms } from '../announcements/announcement.ts';
import { loadBoard, type BoardFilter } from '../board/board.ts';
import type { BoardImage } from '../board/image.ts';
import { boardTitle, countryName } from '../board/labels.ts';
import { UserError } from '../errors.ts';
import type { AppContext } from '../app/context.ts';
import { summaryLanguage } from '../summaries/phrases.ts';
import { resolveCountry, resolveEntry } from './catalog-lookup.ts';
import { messagesFor } from './i18n/messages.ts';

interface BoardScope {
  league?: string | null | undefined;
  country?: string | null | undefined;
  platform?: string | null | undefined;
}

/** What the member asked for, checked: an unknown league or country is a one-line error, before anything else. */
function resolveScope(context: AppContext, scope: BoardScope, language: string): { filter: BoardFilter; name: string | null } {
  const messages = messagesFor(language);
  const lang = summaryLanguage(language);
  if (scope.league && scope.country) throw new UserError(messages.chooseOneTarget);
  const filter: BoardFilter = {};
  let name: string | null = null;
  if (scope.league) {
    const league = resolveEntry(context.catalog, scope.league, ['league'], messages, messages.unknownLeague);
    filter.league = league.id;
    name = league.name;
  }
  if (scope.country) {
    filter.country = resolveCountry(context.catalog, scope.country, language, messages);
    name = countryName(filter.country, lang);
  }
  if (scope.platform && (platforms as readonly string[]).includes(scope.platform)) filter.platform = scope.platform as BoardFilter['platform'];
  return { filter, name };
}

async function drawBoard(context: AppContext, { filter, name }: { filter: BoardFilter; name: string | null }, language: string): Promise<BoardImage | null> {
  const lang = summaryLanguage(language);
  const view = await loadBoard(context.store, context.catalog, filter);
  if (view.groups.length === 0) return null;
  const title = boardTitle(name, new Date(view.updatedAt ?? Date.now()), lang);
  return context.boardImages.get(view, title, lang);
}

/** The board of a league or a country (or everything), for one platform or all, in the server's language. */
export async function boardImageFor(context: AppContext, scope: BoardScope, language: string): Promise<BoardImage | null> {
  return drawBoard(context, resolveScope(context, scope, language), language);
}

/** The picture as Discord wants a file: a PNG with its alt text as the attachment's description. */
function boardAttachment(image: BoardImage): AttachmentPayload {
  return { attachment: image.png, name: 'clubwatch-board.png', description: image.alt };
}

/** `/clubs board [league|country] [platform]`: the board as a picture. */
export async function runBoard(interaction: ChatInputCommandInteraction, options: BoardScope, context: AppContext, language: string): Promise<void> {
  const scope = resolveScope(context, options, language);
  // Drawing a board not drawn before can take longer than Discord's three seconds on a busy machine.
  await interaction.deferReply();
  const image = await drawBoard(context, scope, language);
  if (!image) {
    await interaction.editReply({ content: messagesFor(language).boardEmpty });
    return;
  }
  await interaction.editReply({ content: image.title, files: [boardAttachment(image)] });
}
