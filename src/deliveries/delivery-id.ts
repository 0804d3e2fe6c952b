import { hash } from 'node:crypto';
import type { DeliveryContent } from './delivery.ts';

/**
 * The same content to the same destination always gets the same id, so writing it twice is a no-op.
 * 24 hex characters: short enough to serve as a Discord nonce (at most 25), long enough never to collide.
 * The one-shot hash: a Hash object for each id cost more than the hashing.
 */
export function deliveryId(content: Pick<DeliveryContent, 'kind' | 'storyIds'>, destination: string, period = ''): string {
  return hash('sha256', `${content.kind}|${content.storyIds.join(',')}|${destination}|${period}`, 'hex').slice(0, 24);
}
