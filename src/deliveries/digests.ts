import type { ServerSettings, Store } from '../store/store.ts';
import { deliveryId } from './delivery-id.ts';

/** The local date and "HH:MM" of an instant in a time zone. */
function localParts(now: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * The digest period an instant falls in: the UTC hour for hourly digests; for daily ones, the local
 * day whose digest time has passed (before that time, the day before).
 */
export function digestPeriod(settings: Pick<ServerSettings, 'cadence' | 'dailyAt' | 'timeZone'>, now: Date): string {
  if (settings.cadence === 'hourly') return now.toISOString().slice(0, 13);
  const today = localParts(now, settings.timeZone);
  if (today.time >= settings.dailyAt) return today.date;
  return localParts(new Date(now.getTime() - 86_400_000), settings.timeZone).date;
}

/**
 * For each server with stories waiting, when its period has turned since its last digest, writes one
 * digest delivery for them. The first time, it only remembers the period, so a digest is never early.
 */
export async function enqueueDueDigests(store: Store, now: Date): Promise<number> {
  let written = 0;
  for (const serverId of await store.listServersWithDigestQueue()) {
    written += await store.transaction(async (tx) => {
      const settings = await tx.getServerSettings(serverId);
      if (settings.cadence === 'immediate') {
        // The admin switched back to immediate: post what waited as one digest now.
      } else {
        const period = digestPeriod(settings, now);
        const stateKey = `digest-period:${serverId}`;
        const last = await tx.getState(stateKey);
        await tx.setState(stateKey, period);
        if (last === undefined || last === period) return 0;
      }
      if (!settings.channelId || settings.pausedReason) return 0;
      const storyIds = await tx.takeDigestQueue(serverId);
      if (storyIds.length === 0) return 0;
      const destination = `discord:${serverId}`;
      const content = { kind: storyIds.length === 1 ? ('story' as const) : ('digest' as const), storyIds, language: settings.language };
      const id = deliveryId(content, destination, digestPeriod({ ...settings, cadence: 'hourly' }, now));
      const wrote = await tx.enqueueDelivery({ id, destination, content, idempotencyKey: id, nextAttemptAt: now.toISOString() });
      return wrote ? 1 : 0;
    });
  }
  return written;
}
