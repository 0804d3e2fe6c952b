const XML_DECLARATION_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const HTTP_CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Turns feed bytes into text. The encoding comes from, in order: a byte order mark, the XML
 * declaration (`<?xml ... encoding="ISO-8859-1"?>`), the HTTP Content-Type charset, else UTF-8.
 * The declaration goes before the HTTP charset because the publisher's own software writes it,
 * while a server's charset is often a default that ignores what it serves. Bytes that are not
 * valid in the chosen encoding become U+FFFD instead of failing the whole feed.
 */
export function decodeFeedBody(body: Buffer, contentType: string | null): string {
  return decoderFor(sniffEncoding(body, contentType)).decode(body);
}

/** The encoding label the body will be decoded with. */
function sniffEncoding(body: Buffer, contentType: string | null): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  const declared = XML_DECLARATION_ENCODING.exec(body.subarray(0, 512).toString('latin1'))?.[1];
  if (declared !== undefined && isKnownEncoding(declared) && !/^utf-?16/i.test(declared)) return declared.toLowerCase();
  const fromHttp = contentType === null ? undefined : HTTP_CHARSET.exec(contentType)?.[1];
  if (fromHttp !== undefined && isKnownEncoding(fromHttp)) return fromHttp.toLowerCase();
  return 'utf-8';
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> {
  return new TextDecoder(label, { fatal: false });
}
