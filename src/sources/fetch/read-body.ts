import { Writable, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { SourceFetchError } from '../../errors.ts';
import { formatBytes } from './units.ts';

/**
 * Reads a response body to the end, undoing its Content-Encoding, and stops as soon as the
 * DECOMPRESSED size passes `maxBytes`: a small gzip bomb is refused as early as a large body.
 */
export async function readBodyWithinLimit(
  body: Readable,
  contentEncoding: string | null,
  maxBytes: number,
): Promise<Buffer> {
  let decoders: Transform[];
  try {
    decoders = decodersFor(contentEncoding);
  } catch (err) {
    // Nothing will read this body: close it, and swallow the abort error that closing raises.
    body.once('error', () => undefined).destroy();
    throw err;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxBytes) {
        callback(new SourceFetchError(`body larger than ${formatBytes(maxBytes)}`, 'too-large'));
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline([body, ...decoders, collect]);
  } catch (err) {
    if (isZlibError(err)) {
      throw new SourceFetchError(`could not decompress the body (${contentEncoding})`, 'malformed', {
        cause: err,
      });
    }
    throw err;
  }
  return Buffer.concat(chunks, total);
}

/** Decoders in the order to apply them: the last coding listed was applied last by the server. */
function decodersFor(contentEncoding: string | null): Transform[] {
  if (contentEncoding === null) return [];
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // Layered codings multiply the work a small body can cost; no real server stacks more than two.
  if (codings.length > 2) throw new SourceFetchError(`refused: ${codings.length} content encodings stacked`, 'malformed');
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip();
      case 'deflate':
        return zlib.createInflate();
      case 'br':
        return zlib.createBrotliDecompress();
      default:
        throw new SourceFetchError(`unsupported content encoding "${coding}"`, 'malformed');
    }
  });
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
