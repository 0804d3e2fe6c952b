import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/errors.ts';
import { readFeed } from '../../src/sources/feed-reader.ts';

function parseFailure(run: () => unknown): FeedParseError {
  try {
    run();
  } catch (err) {
    if (err instanceof FeedParseError) return err;
    throw err;
  }
  throw new Error('expected the feed to be refused');
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Club news</title>
    <link>https://club.example/</link>
    <language>fr</language>
    <item>
      <title>Le club quitte &lt;b&gt;X&lt;/b&gt; &amp;amp; rejoint   Bluesky</title>
      <link>https://club.example/news/1?utm_source=rss</link>
      <guid isPermaLink="false">news-1</guid>
      <pubDate>Wed, 05 Nov 2025 10:00:00 +0100</pubDate>
      <description><![CDATA[<p>Le club a annoncé <em>mercredi</em> son départ.</p><p>Deuxième&nbsp;paragraphe.</p><script>alert(1)</script>]]></description>
    </item>
    <item>
      <title>Second</title>
      <link>https://club.example/news/2</link>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Vereinsnachrichten</title>
  <link rel="self" href="https://verein.example/atom.xml"/>
  <link href="https://verein.example/"/>
  <entry>
    <title type="html">Verein verlässt X</title>
    <link rel="self" href="https://verein.example/api/1"/>
    <link rel="alternate" href="https://verein.example/news/1"/>
    <id>tag:verein.example,2025:1</id>
    <updated>2025-11-05T09:00:00Z</updated>
    <summary>Kurz gesagt</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://club.example/rdf">
    <title>RDF news</title>
    <link>https://club.example/</link>
    <dc:language>es</dc:language>
  </channel>
  <item rdf:about="https://club.example/n/1">
    <title>El club deja X</title>
    <link>https://club.example/n/1</link>
    <dc:date>2025-11-05T08:00:00+01:00</dc:date>
  </item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON news',
  home_page_url: 'https://club.example/',
  language: 'it',
  items: [
    { id: 'j1', url: 'https://club.example/j/1', title: 'Il club lascia X', content_html: '<p>Ciao</p>', date_published: '2025-11-05T10:00:00Z' },
    { id: 'j2', url: 'https://club.example/j/2', content_text: 'A post without a title, only text.' },
  ],
});

describe('formats', () => {
  it('reads an RSS 2.0 item as plain text with its guid, date and language', () => {
    const feed = readFeed(Buffer.from(RSS));
    expect(feed).toMatchObject({ format: 'rss', title: 'Club news', link: 'https://club.example/', lang: 'fr' });
    expect(feed.items[0]).toEqual({
      key: 'news-1',
      guid: 'news-1',
      title: 'Le club quitte X & rejoint Bluesky',
      text: 'Le club a annoncé mercredi son départ.\n\nDeuxième paragraphe.',
      link: 'https://club.example/news/1?utm_source=rss',
      published: '2025-11-05T09:00:00.000Z',
      lang: 'fr',
    });
    expect(feed.items[1]).toMatchObject({ key: 'https://club.example/news/2', published: null, text: '' });
  });

  it('reads an Atom entry with its alternate link rather than its self link', () => {
    const feed = readFeed(ATOM);
    expect(feed).toMatchObject({ format: 'atom', title: 'Vereinsnachrichten', link: 'https://verein.example/', lang: 'de' });
    expect(feed.items[0]).toMatchObject({
      key: 'tag:verein.example,2025:1',
      title: 'Verein verlässt X',
      link: 'https://verein.example/news/1',
      text: 'Kurz gesagt',
      published: '2025-11-05T09:00:00.000Z',
      lang: 'de',
    });
  });

  it('reads an RDF (RSS 1.0) item with its Dublin Core date and language', () => {
    const feed = readFeed(RDF);
    expect(feed).toMatchObject({ format: 'rdf', title: 'RDF news', lang: 'es' });
    expect(feed.items[0]).toMatchObject({
      title: 'El club deja X',
      link: 'https://club.example/n/1',
      published: '2025-11-05T07:00:00.000Z',
      lang: 'es',
    });
  });

  it('reads a JSON Feed and titles an untitled post by its text', () => {
    const feed = readFeed(JSON_FEED, { contentType: 'application/feed+json' });
    expect(feed).toMatchObject({ format: 'json', title: 'JSON news', link: 'https://club.example/', lang: 'it' });
    expect(feed.items[0]).toMatchObject({ key: 'j1', title: 'Il club lascia X', text: 'Ciao', published: '2025-11-05T10:00:00.000Z' });
    expect(feed.items[1]).toMatchObject({ key: 'j2', title: 'A post without a title, only text.' });
  });

  it('keeps angle-bracketed words in a title that are not HTML', () => {
    const feed = readFeed('<rss version="2.0"><channel><item><title><![CDATA[Ligue 1 : <Live> <b>OM</b> – PSG]]></title></item></channel></rss>');
    expect(feed.items[0]?.title).toBe('Ligue 1 : <Live> OM – PSG');
  });

  it('caps item text at the configured length, cutting at a word', () => {
    const long = `<rss version="2.0"><channel><item><title>t</title><description>${'word '.repeat(2_000)}</description></item></channel></rss>`;
    const text = readFeed(long, { maxTextChars: 100 }).items[0]?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.endsWith('word…')).toBe(true);
  });
});

describe('character encodings', () => {
  const latin1Feed = (declaration: string) =>
    Buffer.concat([
      Buffer.from(`<?xml version="1.0"${declaration}?><rss version="2.0"><channel><item><title>`),
      Buffer.from('Mãe de utente é presidente', 'latin1'),
      Buffer.from('</title><guid>1</guid></item></channel></rss>'),
    ]);

  it('decodes by the encoding the XML declaration names', () => {
    const feed = readFeed(latin1Feed(' encoding="ISO-8859-1"'));
    expect(feed.items[0]?.title).toBe('Mãe de utente é presidente');
  });

  it('falls back to the HTTP charset when the feed declares none', () => {
    const feed = readFeed(latin1Feed(''), { contentType: 'application/rss+xml; charset=iso-8859-1' });
    expect(feed.items[0]?.title).toBe('Mãe de utente é presidente');
  });

  it('reads invalid UTF-8 with replacement characters instead of failing', () => {
    const feed = readFeed(latin1Feed(' encoding="UTF-8"'));
    expect(feed.items[0]?.title).toBe('M\uFFFDe de utente \uFFFD presidente');
  });

  it('reads a UTF-16 feed marked by its byte order mark', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><item><title>Ünïcode</title></item></channel></rss>';
    const feed = readFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(feed.items[0]?.title).toBe('Ünïcode');
  });
});

describe('refusals', () => {
  it('refuses malformed XML', () => {
    const err = parseFailure(() => readFeed('<rss version="2.0"><channel><item><title>x</titl></item></channel></rss>'));
    expect(err.message).toBe('malformed XML');
    expect(err.reason).toBe('malformed');
  });

  it('refuses an HTML page served in place of a feed', () => {
    const err = parseFailure(() => readFeed('<!DOCTYPE html><html><head><title>Club</title></head><body>Hi</body></html>'));
    expect(err.message).toBe('not a feed (an HTML page)');
    expect(err.reason).toBe('not-a-feed');
  });

  it('refuses JSON that is not a JSON Feed and an empty body', () => {
    expect(parseFailure(() => readFeed('{"hello":"world"}')).message).toBe('not a feed (JSON that is not a JSON Feed)');
    expect(parseFailure(() => readFeed(Buffer.alloc(0))).message).toBe('not a feed (an empty body)');
  });

  it('refuses a billion laughs before expanding anything', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>`;
    const err = parseFailure(() => readFeed(lol));
    expect(err.message).toBe('declares XML entities (refused)');
  });

  it('refuses an external entity that would read a local file', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>`;
    expect(parseFailure(() => readFeed(xxe)).message).toBe('declares XML entities (refused)');
  });

  it('reads an article that merely mentions <!ENTITY in its text', () => {
    const feed = readFeed(
      '<rss version="2.0"><channel><item><title>XXE explained</title><description><![CDATA[Never trust <!DOCTYPE x [<!ENTITY y "z">]>]]></description></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe('XXE explained');
  });
});

describe('very large feeds', () => {
  it('keeps the newest 1,000 of 100,000 items, in feed order', () => {
    const parts = ['<rss version="2.0"><channel><title>Archive</title>'];
    const start = Date.UTC(2020, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      // Oldest first, as some archives list them.
      parts.push(`<item><title>n${i}</title><guid>g${i}</guid><pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate></item>`);
    }
    parts.push('</channel></rss>');
    const feed = readFeed(parts.join(''));
    expect(feed.items).toHaveLength(1_000);
    expect(feed.items[0]?.key).toBe('g99000');
    expect(feed.items.at(-1)?.key).toBe('g99999');
  });

  it('keeps dated items before undated ones when it must drop some', () => {
    const feed = readFeed(
      '<rss version="2.0"><channel>' +
        '<item><title>undated</title><guid>u</guid></item>' +
        '<item><title>old</title><guid>o</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>' +
        '<item><title>new</title><guid>n</guid><pubDate>Mon, 03 Nov 2025 00:00:00 GMT</pubDate></item>' +
        '</channel></rss>',
      { maxItems: 2 },
    );
    expect(feed.items.map((item) => item.key)).toEqual(['o', 'n']);
  });
});
