import { parentPort } from 'node:worker_threads';
import { FeedParseError } from '../../errors.ts';
import { readFeed } from '../feed-reader.ts';
import type { ParseReply, ParseTask } from './parse-pool.ts';

/** A worker thread of the parse pool: reads feed bodies into items, off the main thread. */
const port = parentPort;
if (!port) throw new Error('parse-worker runs as a worker thread');
port.on('message', (task: ParseTask) => {
  let reply: ParseReply;
  try {
    const feed = readFeed(Buffer.from(task.body), { contentType: task.contentType });
    reply = { id: task.id, feed };
  } catch (err) {
    const reason = err instanceof FeedParseError ? err.reason : null;
    reply = { id: task.id, error: { message: err instanceof Error ? err.message : String(err), reason } };
  }
  port.postMessage(reply);
});
