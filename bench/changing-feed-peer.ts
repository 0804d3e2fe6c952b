import { FeedServer } from '../tests/helpers/feed-server.ts';

/**
 * Publishers whose feeds change, in their own process so their CPU is not counted as clubwatch's:
 * - `/big.xml`: about 4.8 MB, 50,000 items; one new item each second (the body changes every second);
 * - `/rotating.xml`: 1,000 items, all new at each request (a feed that rotates its whole window).
 * Started with `fork`; answers the first IPC message with its base URL.
 */
const lead =
  'Le club a présenté son nouveau maillot extérieur lors d’une soirée au stade, devant plusieurs centaines de supporters. ' +
  'The coach said the squad was ready for the weekend and that the injured players were back in training this week.';

function item(n: number): string {
  return (
    `<item><title>Match report number ${n}: the club wins again at home</title><link>https://news.example/articles/${n}</link>` +
    `<guid isPermaLink="false">article-${n}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + n * 1000).toUTCString()}</pubDate>` +
    `<description><![CDATA[<p>${lead}</p>]]></description></item>`
  );
}

/** About 95 bytes: 50,000 of them make the 4.8 MB feed the issue measured. */
function shortItem(n: number): string {
  return `<item><title>Report ${n} of the day</title><link>https://news.example/a/${n}</link><guid>a-${n}</guid></item>`;
}

function feed(from: number, count: number, write = item): string {
  const items: string[] = [];
  for (let n = from + count - 1; n >= from; n--) items.push(write(n));
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench outlet</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}

process.once('message', () => {
  const bigCount = 50_000;
  const startedAt = Date.now();
  let bigBody = '';
  let bigAt = -1;
  let rotation = 0;
  const server = new FeedServer({
    '/big.xml': {
      handler: (_req, res) => {
        const second = Math.floor((Date.now() - startedAt) / 1000);
        if (second !== bigAt) {
          bigAt = second;
          bigBody = feed(second, bigCount, shortItem);
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(bigBody);
      },
    },
    '/rotating.xml': {
      handler: (_req, res) => {
        const body = feed(1_000_000 + rotation * 1_000, 1_000);
        rotation += 1;
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
      },
    },
  });
  setInterval(() => server.requests.splice(0), 1000).unref();
  void server.start().then((url) => process.send?.({ url, bigBytes: Buffer.byteLength(feed(0, bigCount, shortItem)) }));
  process.once('disconnect', () => void server.close().then(() => process.exit(0)));
});
