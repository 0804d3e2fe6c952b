import { describe, expectTypeOf, it } from 'vitest';
import type { clubsDefinition } from '../../commands/clubs.ts';
import type { Platform } from '../../src/announcements/announcement.ts';
import type { ClubwatchArgs, ClubwatchOptions } from '../../src/discord/admin-request.ts';
import type { CommandArgs, FocusedOption } from '../../src/discord/command-args.ts';

// These are checked by the compiler (`npm run typecheck`): a handler's arguments follow its command's definition.
type ClubsArgs = CommandArgs<typeof clubsDefinition>;

describe('command arguments typed from their definitions', () => {
  it('names each subcommand by its path, groups included', () => {
    expectTypeOf<ClubsArgs['subcommand']>().toEqualTypeOf<'status' | 'latest' | 'board' | 'history'>();
    expectTypeOf<ClubwatchArgs['subcommand']>().toEqualTypeOf<
      'watch' | 'unwatch' | 'channel' | 'cadence' | 'language' | 'mention' | 'sources add' | 'sources remove' | 'sources list' | 'why' | 'settings'
    >();
  });

  it('makes a required option a value and an optional one possibly missing', () => {
    expectTypeOf<Extract<ClubsArgs, { subcommand: 'history' }>['options']['club']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<ClubsArgs, { subcommand: 'status' }>['options']['club']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ClubwatchOptions<'sources add'>['url']>().toEqualTypeOf<string>();
    expectTypeOf<ClubwatchOptions<'mention'>['role']>().toEqualTypeOf<string | undefined>();
  });

  it('narrows an option with choices to its values, and a boolean to a boolean', () => {
    expectTypeOf<ClubwatchOptions<'cadence'>['mode']>().toEqualTypeOf<'immediate' | 'hourly' | 'daily'>();
    expectTypeOf<ClubwatchOptions<'cadence'>['picture']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Extract<ClubsArgs, { subcommand: 'latest' }>['options']['platform']>().toEqualTypeOf<Exclude<Platform, 'other'> | undefined>();
  });

  it('has no option a subcommand does not define', () => {
    expectTypeOf<ClubwatchOptions<'settings'>>().toEqualTypeOf<Record<never, never>>();
    expectTypeOf<keyof ClubwatchOptions<'cadence'>>().toEqualTypeOf<'mode' | 'time' | 'timezone' | 'picture'>();
  });

  it('offers suggestions only for the options that ask for them', () => {
    expectTypeOf<FocusedOption<typeof clubsDefinition>['name']>().toEqualTypeOf<'club' | 'league' | 'country'>();
  });
});
