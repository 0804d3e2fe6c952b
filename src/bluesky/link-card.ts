import type { $Typed, AppBskyEmbedExternal, AtpAgent } from '@atproto/api';
import sharp from 'sharp';
import type { Logger } from '../logger.ts';
import type { SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import { decodeHtmlEntities } from '../sources/feed/html-entities.ts';
import type { CardTarget } from './compose-post.ts';
import { cutAtWord } from './post-text.ts';

/** Bluesky refuses thumbnails of 1,000,000 bytes or more; this leaves a margin. */
export const maxThumbBytes = 950_000;
const maxPageBytes = 1_500_000;
const maxImageBytes = 15_000_000;
const readableFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif']);

export interface PageMeta {
  title: string | null;
  description: string | null;
  image: string | null;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = match[1]?.toLowerCase();
    const value = match[3] ?? match[4] ?? match[5] ?? '';
    if (name && !attributes.has(name)) attributes.set(name, decodeHtmlEntities(value).trim());
  }
  return attributes;
}

/** The Open Graph title, description and image of a page (Twitter card tags as a fallback). */
export function readPageMeta(html: string, pageUrl: string): PageMeta {
  const head = html.slice(0, 500_000);
  const found = new Map<string, string>();
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = attributesOf(match[0]);
    const key = (attributes.get('property') ?? attributes.get('name'))?.toLowerCase();
    const content = attributes.get('content');
    if (key && content && !found.has(key)) found.set(key, content);
  }
  let image = found.get('og:image:secure_url') ?? found.get('og:image') ?? found.get('og:image:url') ?? found.get('twitter:image') ?? null;
  if (image) {
    try {
      const resolved = new URL(image, pageUrl);
      image = resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
    } catch {
      image = null;
    }
  }
  return {
    title: found.get('og:title') ?? found.get('twitter:title') ?? null,
    description: found.get('og:description') ?? found.get('twitter:description') ?? found.get('description') ?? null,
    image,
  };
}

/**
 * Re-encodes an image as a JPEG under `maxThumbBytes`: at most 1200 px a side, smaller and more
 * compressed until it fits. Only raster formats are read (no SVG: it could reach other resources).
 */
export async function makeThumbnail(input: Buffer): Promise<Buffer> {
  const metadata = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
  if (!metadata.format || !readableFormats.has(metadata.format)) throw new Error(`not a thumbnail format: ${metadata.format ?? 'unknown'}`);
  for (const [side, quality] of [
    [1200, 82],
    [1000, 72],
    [800, 65],
    [600, 55],
    [400, 45],
  ] as const) {
    const output = await sharp(input, { limitInputPixels: 50_000_000, animated: false })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (output.length < maxThumbBytes) return output;
  }
  throw new Error('the image stays too large however it is compressed');
}

export interface CardOptions {
  /** Fetches the source page and its image: the untrusted fetcher, since both come from the web. */
  fetcher: SafeFetcher;
  logger: Logger;
}

/**
 * A link card for a post: the page's own title and description when it has them, and its
 * `og:image` as the thumbnail. Whatever fails (the page, the image, the upload) leaves a card
 * without a thumbnail rather than no post.
 */
export async function buildLinkCard(agent: AtpAgent, target: CardTarget, options: CardOptions): Promise<$Typed<AppBskyEmbedExternal.Main>> {
  const log = options.logger.child({ url: target.url });
  let meta: PageMeta = { title: null, description: null, image: null };
  try {
    const page = await options.fetcher.fetchResource(target.url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.3', maxBytes: maxPageBytes });
    if (!page.contentType || /html|xml/i.test(page.contentType)) meta = readPageMeta(page.body.toString('utf8'), page.finalUrl);
  } catch (err) {
    log.debug({ reason: err instanceof Error ? err.message : String(err) }, 'link card without page details');
  }
  const external: AppBskyEmbedExternal.External = {
    uri: target.url,
    title: cutAtWord(meta.title || target.title, 300),
    description: cutAtWord(meta.description || target.description, 1000),
  };
  if (meta.image) {
    try {
      const image = await options.fetcher.fetchResource(meta.image, { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8', maxBytes: maxImageBytes });
      const thumb = await makeThumbnail(image.body);
      const uploaded = await agent.uploadBlob(thumb, { encoding: 'image/jpeg' });
      external.thumb = uploaded.data.blob;
    } catch (err) {
      log.info({ image: meta.image, reason: err instanceof Error ? err.message : String(err) }, 'link card without thumbnail');
    }
  }
  return { $type: 'app.bsky.embed.external', external };
}
