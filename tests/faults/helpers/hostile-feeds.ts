import type http from 'node:http';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';

/** Feeds a fault test serves: a plain one, and the ways a publisher (or an attacker) can break one. */
export interface FeedEntry {
  guid: string;
  title: string;
  description?: string;
}

/** `linkBase` is where items link to: a test that may fetch the pages points it at 127.0.0.1. */
export function rss(title: string, entries: readonly FeedEntry[], linkBase = 'https://news.example'): string {
  const items = entries
    .map(
      (entry) =>
        `<item><title>${entry.title}</title><link>${linkBase}/${entry.guid}</link><guid isPermaLink="false">${entry.guid}</guid>` +
        `<pubDate>${new Date().toUTCString()}</pubDate><description>${entry.description ?? entry.title}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${linkBase}/</link>${items}</channel></rss>`;
}

export const routine: FeedEntry = { guid: 'routine', title: 'Matchday preview', description: 'The coach spoke about the weekend fixture.' };
export const redStarLeaves: FeedEntry = {
  guid: 'red-star-leaves',
  title: 'Red Star FC quitte X',
  description: 'Le Red Star FC a annoncé qu’il quittait le réseau social X, une première pour un club français.',
};

export const redStarJoinsBluesky: FeedEntry = {
  guid: 'red-star-joins-bluesky',
  title: 'Red Star FC joins Bluesky',
  description: 'Red Star FC opened an official account on Bluesky, where the club will now post its news.',
};

/** Ten entities, each ten times the one before: a billion "lol"s once expanded. */
export function billionLaughs(prefix = ''): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return (
    `<?xml version="1.0"?>${prefix}<!DOCTYPE rss [${entities.join('')}]>` +
    `<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>lol</guid></item></channel></rss>`
  );
}

/** External entities: a local file, and a parameter entity that would fetch a DTD from `dtdUrl`. */
export function externalEntities(dtdUrl: string, prefix = ''): string {
  return (
    `<?xml version="1.0"?>${prefix}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "${dtdUrl}"> %remote;]>` +
    `<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><guid>xxe</guid></item></channel></rss>`
  );
}

/**
 * `count` items in as few bytes as a valid RSS item takes (100,000 fit under the 5 MB cap); with
 * `announceEvery`, every n-th item says that a club leaves X.
 */
export function manyItems(count: number, prefix = 'i', announceEvery = 0): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(announceEvery > 0 && i % announceEvery === 0 ? `<item><title>Red Star FC quitte X</title><guid>${prefix}${i}</guid></item>` : `<item><guid>${prefix}${i}</guid></item>`);
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Archive</title>${items.join('')}</channel></rss>`;
}

/** A feed whose text holds bytes that are no UTF-8 at all, though it says UTF-8. */
export function invalidUtf8(): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Broken ');
  const junk = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]);
  const tail = Buffer.from('</title><item><title>Item ');
  const end = Buffer.from('</title><guid>broken-1</guid></item></channel></rss>');
  return Buffer.concat([head, junk, tail, junk, end]);
}

/** `megabytes` of zeros compressed with gzip `layers` times: a few kilobytes on the wire. */
export function gzipBomb(megabytes: number, layers = 1): Buffer {
  let body = gzipSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });
  for (let i = 1; i < layers; i++) body = gzipSync(body, { level: 9 });
  return body;
}

/** `megabytes` of zeros, as a brotli (a few hundred bytes) or deflate body. */
export function otherBombs(megabytes: number): { br: Buffer; deflate: Buffer } {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  return { br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), deflate: deflateSync(zeros, { level: 9 }) };
}

/** Streams `megabytes` of feed-looking text without a Content-Length, as fast as the client reads. */
export function streamedBody(megabytes: number): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const chunk = Buffer.alloc(64 * 1024, '<item><title>x</title></item>');
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    let left = Math.ceil((megabytes * 1024 * 1024) / chunk.length);
    const pump = (): void => {
      while (left > 0) {
        left -= 1;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => {
      left = 0;
    });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless archive</title>');
    pump();
  };
}
