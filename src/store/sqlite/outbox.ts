import { sql, type Kysely, type Transaction } from 'kysely';
import type { Delivery } from '../../deliveries/delivery.ts';
import type { ClaimOptions, DeliveryCounts, NewDelivery } from '../store.ts';
import { toDelivery } from './rows.ts';
import type { Database } from './schema.ts';

/** The durable outbox: a delivery is written before it is sent and marked sent only after success. */

type Db = Kysely<Database> | Transaction<Database>;

export async function enqueueDelivery(db: Db, delivery: NewDelivery): Promise<boolean> {
  const result = await db
    .insertInto('deliveries')
    .values({
      id: delivery.id,
      destination: delivery.destination,
      content: JSON.stringify(delivery.content),
      status: 'pending',
      attempts: 0,
      next_attempt_at: delivery.nextAttemptAt,
      idempotency_key: delivery.idempotencyKey,
      created_at: delivery.nextAttemptAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function getDelivery(db: Db, id: string): Promise<Delivery | undefined> {
  const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

function destinationIn(kinds: string[]) {
  return sql<boolean>`(${sql.join(
    kinds.map((kind) => sql`(destination = ${kind} or destination like ${`${kind}:%`})`),
    sql` or `,
  )})`;
}

export async function claimDeliveries(db: Db, options: ClaimOptions): Promise<Delivery[]> {
  if (options.destinationKinds.length === 0) return [];
  const leaseExpired = new Date(Date.parse(options.now) - options.leaseMs).toISOString();
  const due = await db
    .selectFrom('deliveries')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', options.now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', leaseExpired)]),
      ]),
    )
    .where(destinationIn(options.destinationKinds))
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(options.limit)
    .execute();
  if (due.length === 0) return [];
  const rows = await db
    .updateTable('deliveries')
    .set((eb) => ({
      // An expired lease means the earlier attempt was cut off: remember when, so the destination can check.
      interrupted_at: sql<string | null>`case when status = 'sending' then claimed_at else interrupted_at end`,
      status: 'sending',
      claimed_at: options.now,
      attempts: eb('attempts', '+', 1),
    }))
    .where(
      'id',
      'in',
      due.map((row) => row.id),
    )
    .returningAll()
    .execute();
  return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
}

export async function releaseInterruptedDeliveries(db: Db, now: string): Promise<number> {
  const result = await db
    .updateTable('deliveries')
    .set({ status: 'pending', interrupted_at: sql`claimed_at`, next_attempt_at: now })
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markDeliverySent(db: Db, id: string, externalId: string | null, at: string): Promise<void> {
  await db.updateTable('deliveries').set({ status: 'sent', external_id: externalId, sent_at: at, last_error: null }).where('id', '=', id).execute();
}

export async function scheduleDeliveryRetry(db: Db, id: string, reason: string, nextAttemptAt: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'pending', last_error: reason, next_attempt_at: nextAttemptAt, claimed_at: null })
    .where('id', '=', id)
    .execute();
}

export async function markDeliveryFailed(db: Db, id: string, reason: string, at: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'failed', last_error: reason, sent_at: null, next_attempt_at: at, claimed_at: null })
    .where('id', '=', id)
    .execute();
}

export async function listDeliveries(
  db: Db,
  filter: { destination?: string; status?: Delivery['status']; limit?: number } = {},
): Promise<Delivery[]> {
  let query = db.selectFrom('deliveries').selectAll().orderBy('created_at').orderBy('id').limit(filter.limit ?? 1000);
  if (filter.destination) query = query.where('destination', '=', filter.destination);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(toDelivery);
}

export async function countDeliveries(db: Db, destinationPrefix?: string): Promise<DeliveryCounts> {
  let query = db.selectFrom('deliveries').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
  if (destinationPrefix) query = query.where(destinationIn([destinationPrefix]));
  const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, held: 0, merged: 0 };
  for (const row of await query.execute()) counts[row.status as keyof DeliveryCounts] = Number(row.n);
  return counts;
}

export async function holdDelivery(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('deliveries').set({ status: 'held', last_error: reason, claimed_at: null }).where('id', '=', id).execute();
}

export async function listHeldDeliveries(db: Db, destination: string): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('destination', '=', destination)
    .where('status', '=', 'held')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toDelivery);
}

export async function releaseDeliveries(db: Db, release: Array<{ id: string; nextAttemptAt: string }>): Promise<void> {
  for (const { id, nextAttemptAt } of release) {
    await db.updateTable('deliveries').set({ status: 'pending', next_attempt_at: nextAttemptAt }).where('id', '=', id).where('status', '=', 'held').execute();
  }
}

export async function markDeliveriesMerged(db: Db, ids: string[], intoId: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('deliveries')
    .set({ status: 'merged', last_error: `sent within catch-up digest ${intoId}`, next_attempt_at: at })
    .where('id', 'in', ids)
    .where('status', '=', 'held')
    .execute();
}
