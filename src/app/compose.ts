import { createBlueskyPlatform } from '../bluesky/index.ts';
import { createDiscordPlatform } from '../discord/index.ts';
import type { AppContext } from './context.ts';
import type { PlatformModule } from './platform.ts';

/** The one place that knows which platforms exist. Adding one is a line here and a folder beside. */
export function platformsFor(context: AppContext): PlatformModule[] {
  const platforms: PlatformModule[] = [];
  if (context.config.discord) platforms.push(createDiscordPlatform(context));
  const bluesky = createBlueskyPlatform(context);
  if (bluesky) platforms.push(bluesky);
  return platforms;
}
