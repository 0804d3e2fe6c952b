import { sql } from 'kysely';
import type { Delivery } from '../../deliveries/delivery.ts';
import type { ClaimOptions, DeliveryCounts, NewDelivery, OutboxStore } from '../store.ts';
import type { Db, DirectSql, Engine, SqlContext } from './engine.ts';
import { toDelivery } from './rows.ts';

/** The durable outbox: a delivery is written before it is sent and marked sent only after success. */

async function enqueueDelivery(db: Db, direct: DirectSql | null, delivery: NewDelivery): Promise<boolean> {
  const content = JSON.stringify(delivery.content);
  if (direct) {
    const { id, destination, nextAttemptAt, idempotencyKey } = delivery;
    return direct.run(enqueueSql, [id, destination, content, 'pending', 0, nextAttemptAt, idempotencyKey, nextAttemptAt]) > 0;
  }
  const result = await db
    .insertInto('deliveries')
    .values({
      id: delivery.id,
      destination: delivery.destination,
      content,
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

/** The insert above as Kysely writes it, for SQLite in a transaction (see DirectSql). */
const enqueueSql =
  'insert into "deliveries" ("id", "destination", "content", "status", "attempts", "next_attempt_at", "idempotency_key", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("id") do nothing';

async function getDelivery(db: Db, id: string): Promise<Delivery | undefined> {
  const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

function destinationIn(kinds: string[]) {
  return sql<boolean>`(${sql.join(
    kinds.map((kind) => sql`(destination = ${kind} or destination like ${`${kind}:%`})`),
    sql` or `,
  )})`;
}

/**
 * One statement, so that no other claimant can come between the choice and the update: on PostgreSQL
 * the chosen rows are locked and rows another claimant holds are skipped; SQLite runs one writer at a time.
 */
async function claimDeliveries(db: Db, engine: Engine, options: ClaimOptions): Promise<Delivery[]> {
  if (options.destinationKinds.length === 0) return [];
  const leaseExpired = new Date(Date.parse(options.now) - options.leaseMs).toISOString();
  const claimable = sql<boolean>`((status = 'pending' and next_attempt_at <= ${options.now}) or (status = 'sending' and claimed_at < ${leaseExpired}))`;
  let due = db
    .selectFrom('deliveries')
    .select('id')
    .where(claimable)
    .where(destinationIn(options.destinationKinds))
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(options.limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('deliveries')
    .set((eb) => ({
      // An expired lease means the earlier attempt was cut off: remember when, so the destination can check.
      interrupted_at: sql<string | null>`case when status = 'sending' then claimed_at else interrupted_at end`,
      status: 'sending',
      claimed_at: options.now,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', due)
    .where(claimable)
    .returningAll()
    .execute();
  return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt));
}

async function releaseInterruptedDeliveries(db: Db, now: string): Promise<number> {
  const result = await db
    .updateTable('deliveries')
    .set({ status: 'pending', interrupted_at: sql`claimed_at`, next_attempt_at: now })
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function markDeliverySent(db: Db, id: string, externalId: string | null, at: string): Promise<void> {
  await db.updateTable('deliveries').set({ status: 'sent', external_id: externalId, sent_at: at, last_error: null }).where('id', '=', id).execute();
}

async function scheduleDeliveryRetry(db: Db, id: string, reason: string, nextAttemptAt: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'pending', last_error: reason, next_attempt_at: nextAttemptAt, claimed_at: null })
    .where('id', '=', id)
    .execute();
}

async function markDeliveryFailed(db: Db, id: string, reason: string, at: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'failed', last_error: reason, sent_at: null, next_attempt_at: at, claimed_at: null })
    .where('id', '=', id)
    .execute();
}

async function listDeliveries(
  db: Db,
  filter: { destination?: string; status?: Delivery['status']; limit?: number } = {},
): Promise<Delivery[]> {
  let query = db.selectFrom('deliveries').selectAll().orderBy('created_at').orderBy('id').limit(filter.limit ?? 1000);
  if (filter.destination) query = query.where('destination', '=', filter.destination);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(toDelivery);
}

async function countDeliveries(db: Db, destinationPrefix?: string): Promise<DeliveryCounts> {
  let query = db.selectFrom('deliveries').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
  if (destinationPrefix) query = query.where(destinationIn([destinationPrefix]));
  const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, held: 0, merged: 0 };
  for (const row of await query.execute()) counts[row.status as keyof DeliveryCounts] = Number(row.n);
  return counts;
}

async function holdDelivery(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('deliveries').set({ status: 'held', last_error: reason, claimed_at: null }).where('id', '=', id).execute();
}

async function listHeldDeliveries(db: Db, destination: string): Promise<Delivery[]> {
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

async function releaseDeliveries(db: Db, release: Array<{ id: string; nextAttemptAt: string }>): Promise<void> {
  for (const { id, nextAttemptAt } of release) {
    await db.updateTable('deliveries').set({ status: 'pending', next_attempt_at: nextAttemptAt }).where('id', '=', id).where('status', '=', 'held').execute();
  }
}

async function markDeliveriesMerged(db: Db, ids: string[], intoId: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('deliveries')
    .set({ status: 'merged', last_error: `sent within catch-up digest ${intoId}`, next_attempt_at: at })
    .where('id', 'in', ids)
    .where('status', '=', 'held')
    .execute();
}

export function outboxStore({ db, engine, direct }: SqlContext): OutboxStore {
  return {
    enqueueDelivery: (delivery) => enqueueDelivery(db, direct, delivery),
    getDelivery: (id) => getDelivery(db, id),
    claimDeliveries: (options) => claimDeliveries(db, engine, options),
    releaseInterruptedDeliveries: (now) => releaseInterruptedDeliveries(db, now),
    markDeliverySent: (id, externalId, at) => markDeliverySent(db, id, externalId, at),
    scheduleDeliveryRetry: (id, reason, nextAttemptAt) => scheduleDeliveryRetry(db, id, reason, nextAttemptAt),
    markDeliveryFailed: (id, reason, at) => markDeliveryFailed(db, id, reason, at),
    holdDelivery: (id, reason) => holdDelivery(db, id, reason),
    listHeldDeliveries: (destination) => listHeldDeliveries(db, destination),
    releaseDeliveries: (release) => releaseDeliveries(db, release),
    markDeliveriesMerged: (ids, intoId, at) => markDeliveriesMerged(db, ids, intoId, at),
    listDeliveries: (filter) => listDeliveries(db, filter),
    countDeliveries: (prefix) => countDeliveries(db, prefix),
  };
}
