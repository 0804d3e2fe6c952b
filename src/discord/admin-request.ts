import type { APIEmbed } from 'discord.js';
import type { clubwatchDefinition } from '../../commands/clubwatch.ts';
import type { ServerSettings } from '../store/store.ts';
import type { CommandArgs } from './command-args.ts';
import type { Messages } from './i18n/types.ts';
import type { BotServices } from './services.ts';

/** `/clubwatch`'s arguments, typed from its definition: one member per subcommand (`watch`, `sources add`, …). */
export type ClubwatchArgs = CommandArgs<typeof clubwatchDefinition>;

/** The options of one `/clubwatch` subcommand. */
export type ClubwatchOptions<S extends ClubwatchArgs['subcommand']> = Extract<ClubwatchArgs, { subcommand: S }>['options'];

/** What one `/clubwatch` subcommand answers, shown to the admin only. */
export interface AdminReply {
  content?: string;
  embeds?: APIEmbed[];
}

/** One `/clubwatch` call, with the server's settings and words already looked up. */
export interface AdminRequest {
  bot: BotServices;
  guildId: string;
  settings: ServerSettings;
  messages: Messages;
}
