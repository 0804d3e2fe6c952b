import { createHash } from 'node:crypto';
import type { DeliveryContent } from './delivery.ts';

/**
 * The same content to the same destination always gets the same id, so writing it twice is a no-op.
 * 24 hex characters: short enough to serve as a Discord nonce (at most 25), long enough never to collide.
 */
export function deliveryId(content: Pick<DeliveryContent, 'kind' | 'storyIds'>, destination: string, period = ''): string {
  return createHash('sha256')
    .update(`${content.kind}|${content.storyIds.join(',')}|${destination}|${period}`)
    .digest('hex')
    .slice(0, 24);
}
