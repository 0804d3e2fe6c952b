import { FeedServer, type FeedRoute } from './feed-server.ts';
import { startTestApp, type TestApp, type TestEnvironment, testEnvironment } from './test-app.ts';

/** A feed server on 127.0.0.1 and a bot whose only source is one of its feeds. */
export interface FeedBot {
  feeds: FeedServer;
  env: TestEnvironment;
  bot: TestApp;
  /** Stops the bot and the server and removes the bot's data. */
  close(): Promise<void>;
}

export async function startFeedBot(path: string, route: FeedRoute, vars: Record<string, string> = {}): Promise<FeedBot> {
  const feeds = new FeedServer({ [path]: route });
  await feeds.start();
  const env = testEnvironment({ sources: [`${feeds.url}${path}`], vars });
  const bot = await startTestApp(env);
  return {
    feeds,
    env,
    bot,
    async close() {
      await bot.close();
      await feeds.close();
      env.remove();
    },
  };
}
