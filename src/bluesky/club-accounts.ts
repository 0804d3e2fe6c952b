import type { AppContext } from '../app/context.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import { accountStateKey, cursorStateKey, type AccountCursor } from './account-reader.ts';
import { catalogAccount } from '../catalog/accounts.ts';
import type { IdentityResolver } from './identity.ts';

/** A handle resolved once, kept: the account is followed by its DID, which survives a change of handle. */
export function handleStateKey(handle: string): string {
  return `bluesky:did-of:${handle}`;
}

/** An account `bluesky discover` found and confirmed for a club the catalog lists without one. */
export function discoveredStateKey(clubId: string): string {
  return `bluesky:discovered:${clubId}`;
}

export interface ClubAccount {
  clubId: string;
  did: string;
}

/** The DID of each club's account: the catalog's, a handle resolved earlier or now, one discovered, or one the operator added. */
export async function clubAccounts(context: Pick<AppContext, 'catalog' | 'store' | 'logger'>, resolver: IdentityResolver): Promise<{ accounts: ClubAccount[]; unresolved: string[] }> {
  const { catalog, store, logger } = context;
  const accounts: ClubAccount[] = [];
  const unresolved: string[] = [];
  // After one failure to reach the AppView, the other handles wait for the next start.
  let reachable = true;
  for (const entry of catalog.entries) {
    if (entry.kind !== 'club') continue;
    const known = catalogAccount(entry);
    let did = known?.did ?? null;
    if (!did && known?.handle) {
      did = (await store.getState(handleStateKey(known.handle))) ?? null;
      if (!did && reachable) {
        try {
          did = await resolver.resolveHandle(known.handle);
          if (did) await store.setState(handleStateKey(known.handle), did);
        } catch (err) {
          reachable = false;
          logger.warn({ handle: known.handle, reason: err instanceof Error ? err.message : String(err) }, 'cannot resolve clubs’ handles now; trying again at the next start');
        }
      }
      if (!did) unresolved.push(known.handle);
    }
    did ??= (await store.getState(discoveredStateKey(entry.id))) ?? null;
    if (did) accounts.push({ clubId: entry.id, did });
  }
  // The operator's own (`clubwatch accounts add`), kept as sources with the club they speak for.
  const listed = new Set(accounts.map((account) => account.did));
  for (const source of await store.listSources({ origin: 'operator' })) {
    if (source.kind !== 'bluesky' || listed.has(source.url)) continue;
    const clubId = await store.getState(accountStateKey(source.url));
    if (clubId) accounts.push({ clubId, did: source.url });
  }
  return { accounts, unresolved };
}

/**
 * A source written afresh for an account read before (its row was dropped and written again)
 * takes up the last cursor: otherwise its next read would count as a first one, and the posts made
 * in between would be recorded without being announced.
 */
async function resumeCursor(store: AppContext['store'], id: string, did: string, now: Date): Promise<void> {
  const raw = await store.getState(cursorStateKey(did));
  if (!raw) return;
  try {
    const cursor = JSON.parse(raw) as AccountCursor;
    await store.recordFetchSuccess(id, { etag: cursor.etag, lastModified: null, bodyHash: null, fetchedAt: cursor.at, nextFetchAt: now.toISOString() });
  } catch {
    await store.setState(cursorStateKey(did), null);
  }
}

/**
 * Makes the store's Bluesky sources match the clubs' accounts: one source per account, its
 * address the DID, written with the club it belongs to; accounts no longer listed are dropped.
 */
export async function syncClubAccountSources(
  context: Pick<AppContext, 'catalog' | 'store' | 'logger' | 'config'>,
  resolver: IdentityResolver,
  now: Date,
): Promise<{ dids: string[]; unresolved: number }> {
  const { store, catalog, config } = context;
  const { accounts, unresolved } = await clubAccounts(context, resolver);
  const wanted = new Set<string>();
  for (const account of accounts) {
    const id = sourceIdFor('bluesky', account.did);
    wanted.add(id);
    await store.setState(accountStateKey(account.did), account.clubId);
    const source = await store.addSource({
      id,
      url: account.did,
      kind: 'bluesky',
      origin: 'config',
      title: `${catalog.displayName(account.clubId)} (Bluesky)`,
      intervalSeconds: config.sources.pollIntervalSeconds,
      nextFetchAt: now.toISOString(),
    });
    if (source.lastSuccessAt === null) await resumeCursor(store, id, account.did, now);
  }
  for (const source of await store.listSources({ origin: 'config' })) {
    if (source.kind === 'bluesky' && !wanted.has(source.id)) await store.removeSource(source.id);
  }
  return { dids: accounts.map((account) => account.did), unresolved: unresolved.length };
}
