import { FeedServer } from '../tests/helpers/feed-server.ts';

/**
 * A feed publisher in its own process, so that its CPU time is not counted as clubwatch's:
 * `/etag.xml` answers 304 to a matching If-None-Match, `/plain.xml` sends the same body every time
 * with no validators at all (as many small sites do). Started with `fork`; the body arrives as the
 * first IPC message and the base URL goes back as the answer.
 */
process.once('message', (message: { body: string }) => {
  const server = new FeedServer({
    '/etag.xml': { body: message.body, etag: '"bench-v1"', headers: { 'content-type': 'application/rss+xml; charset=utf-8' } },
    '/plain.xml': { body: message.body, headers: { 'content-type': 'application/rss+xml; charset=utf-8' } },
  });
  // The server would otherwise keep every request it answers.
  setInterval(() => server.requests.splice(0), 1000).unref();
  void server.start().then((url) => process.send?.({ url }));
  process.once('disconnect', () => void server.close().then(() => process.exit(0)));
});
