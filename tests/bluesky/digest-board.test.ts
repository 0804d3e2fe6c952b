import { AtpAgent } from '@atproto/api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPds, type TestPds } from '../helpers/pds.ts';
import { mirrorEnvironment, postsOf, startMirrorBot, type MirrorBot } from '../helpers/pds-bot.ts';
import type { TestEnvironment } from '../helpers/test-app.ts';

interface ImagesEmbed {
  $type: string;
  images: Array<{ alt: string; aspectRatio?: { width: number; height: number }; image: { ref: { toString(): string }; mimeType: string; size: number } }>;
}

describe('a Bluesky digest with the board', () => {
  let pds: TestPds;
  let env: TestEnvironment | undefined;
  let bot: MirrorBot | undefined;

  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    await bot?.close();
    env?.remove();
    await pds.close();
  });

  it('carries the board of the clubs it names as an image record with alt text and aspect ratio, under 1 MB', async () => {
    const me = await pds.createAccount('clubboard.test');
    env = mirrorEnvironment(pds, me);
    bot = await startMirrorBot(env);
    const { store } = bot.context;
    const storyIds: number[] = [];
    for (const [clubId, action, platform] of [
      ['werder-bremen', 'leave', 'x'],
      ['werder-bremen', 'join', 'bluesky'],
      ['fc-st-pauli', 'leave', 'x'],
    ] as const) {
      const at = '2026-11-20T09:00:00.000Z';
      const story = await store.createStory(
        { clubId, clubName: clubId, platform, action, occurredAt: at, firstSeenAt: at, confidence: 0.95 , shared: true},
        { sourceId: 'f-test', outlet: 'Kurve Nord', itemKey: `${clubId}-${platform}`, title: 't', link: 'https://news.example/a', evidence: 'e', published: at, confidence: 0.95, lang: 'de', trusted: true },
      );
      await store.setBoardEntry({ clubId, platform, action, since: at, storyId: story.id });
      storyIds.push(story.id);
    }
    const id = 'digest-with-board-0001';
    await store.enqueueDelivery({ id, destination: 'bluesky', content: { kind: 'digest', storyIds, language: 'de' }, idempotencyKey: id, nextAttemptAt: new Date().toISOString() });
    const [delivery] = await store.claimDeliveries({ now: new Date().toISOString(), limit: 10, leaseMs: 60_000, destinationKinds: ['bluesky'] });
    expect(delivery?.id).toBe(id);
    expect(await bot.destination.send(delivery!)).toMatchObject({ status: 'sent' });

    const [post] = await postsOf(pds, me.did);
    const embed = post?.value.embed as unknown as ImagesEmbed;
    expect(embed.$type).toBe('app.bsky.embed.images');
    const [image] = embed.images;
    expect(image?.alt).toBe(
      'Die Vereine dieser Zusammenfassung: die Übersicht am 20. Nov. 2026. FC St. Pauli: X weg 20. Nov. 2026. SV Werder Bremen: X weg 20. Nov. 2026, Bluesky dabei 20. Nov. 2026.',
    );
    expect(image?.image.mimeType).toBe('image/png');
    expect(image?.image.size).toBeLessThan(1_000_000);

    // The blob as the PDS keeps it: a PNG of exactly the size and shape the record says.
    const reader = new AtpAgent({ service: pds.url });
    const blob = await reader.com.atproto.sync.getBlob({ did: me.did, cid: image!.image.ref.toString() });
    const bytes = Buffer.from(blob.data);
    expect(bytes.length).toBe(image?.image.size);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('png');
    expect(image?.aspectRatio).toEqual({ width: meta.width, height: meta.height });
  });
});
