import type { Catalog } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';
import { renderDigestText, renderStoryText } from '../summaries/compose.ts';
import type { Delivery, DeliveryOutcome, Destination } from './delivery.ts';
import { renderDelivery } from './render.ts';

/** Preview mode's destination: prints each summary it would post. */
export class ConsoleDestination implements Destination {
  readonly kind = 'console';

  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    const rendered = await renderDelivery(this.store, this.catalog, delivery);
    if (!rendered) return { status: 'rejected', reason: 'its stories are no longer in the store' };
    const text = rendered.kind === 'story' ? renderStoryText(rendered.summary) : renderDigestText(rendered.digest);
    this.output.write(`\n${text}\n`);
    return { status: 'sent', externalId: null };
  }
}
