import type { APIEmbed, ChatInputCommandInteraction } from 'discord.js';
import type { ServerSettings } from '../store/store.ts';
import type { Messages } from './i18n/types.ts';
import type { BotServices } from './services.ts';

/** What one `/clubwatch` subcommand answers, shown to the admin only. */
export interface AdminReply {
  content?: string;
  embeds?: APIEmbed[];
}

/** One `/clubwatch` call, with the server's settings and words already looked up. */
export interface AdminRequest {
  interaction: ChatInputCommandInteraction;
  bot: BotServices;
  guildId: string;
  settings: ServerSettings;
  messages: Messages;
}
