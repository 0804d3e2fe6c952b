import type { AppContext } from './context.ts';
import type { PlatformModule } from './platform.ts';

/**
 * The one place that knows which platforms exist. Adding one is a line here and a folder beside.
 * Each is loaded only when configured, so preview mode and the command line start quickly.
 */
export async function platformsFor(context: AppContext): Promise<PlatformModule[]> {
  const platforms: PlatformModule[] = [];
  const { role } = context;
  if (context.config.discord) {
    const { createDiscordPlatform } = await import('../discord/index.ts');
    // The gateway answers commands; workers post over REST alone; one process alone does both.
    platforms.push(createDiscordPlatform(context, {}, role === 'gateway' ? 'gateway' : role === 'worker' ? 'rest' : 'both'));
  }
  if (role !== 'gateway' && (context.config.bluesky || context.config.blueskySource.readClubAccounts)) {
    const { createBlueskyPlatform } = await import('../bluesky/index.ts');
    const jetstream = context.config.blueskySource.jetstream;
    const bluesky = createBlueskyPlatform(context, jetstream ? { jetstreamUrl: jetstream } : {});
    if (bluesky) platforms.push(bluesky);
  }
  if (role !== 'worker' && context.config.web) {
    const { createWebServer } = await import('../web/server.ts');
    platforms.push(createWebServer(context, context.config.web));
  }
  return platforms;
}
