import type { AppContext } from '../app/context.ts';
import { UserError } from '../errors.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import type { SourceRecord, Store } from '../store/store.ts';
import { accountStateKey } from './account-reader.ts';
import { handleStateKey } from './club-accounts.ts';
import { catalogAccount, isDid, normaliseHandle } from '../catalog/accounts.ts';
import { IdentityResolver } from './identity.ts';

/**
 * The operator's own club accounts (`clubwatch accounts add | list | remove`): kept in the store as
 * Bluesky sources of origin "operator", each with the club it speaks for, beside the catalog's.
 * They feed every server, like the catalog's; servers' admins cannot add them.
 */

/** The handle an operator's account had when it was added, for listing without asking the network. */
function handleOfStateKey(did: string): string {
  return `bluesky:handle-of:${did}`;
}

interface FollowedAccount {
  clubId: string;
  did: string | null;
  handle: string | null;
  from: 'catalog' | 'operator';
  /** Read at least once, failing, or not read yet: from its source. */
  source: SourceRecord | undefined;
}

function usage(): UserError {
  return new UserError('Usage: clubwatch accounts add HANDLE_OR_DID --club CLUB_ID | accounts list | accounts remove HANDLE_OR_DID');
}

function resolverFor(context: AppContext): IdentityResolver {
  // Addresses the operator chose (BLUESKY_APPVIEW, BLUESKY_PLC_URL), so a test network or a self-hosted PDS works.
  return new IdentityResolver({ fetcher: context.trustedFetcher, appView: context.config.blueskySource.appView, plcUrl: context.config.blueskySource.plcUrl });
}

async function reach<T>(what: string, where: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new UserError(`cannot ${what} at ${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** The account an operator names, checked both ways: the handle points to the DID and the DID document claims the handle. */
async function identify(context: AppContext, input: string): Promise<{ did: string; handle: string | null }> {
  const { appView, plcUrl } = context.config.blueskySource;
  const resolver = resolverFor(context);
  const raw = input.trim().replace(/^at:\/\//, '');
  if (isDid(raw)) {
    const doc = await reach('read the DID document', raw.startsWith('did:plc:') ? plcUrl : raw, () => resolver.didDocument(raw));
    if (!doc) throw new UserError(`${raw} has no DID document${raw.startsWith('did:plc:') ? ` at ${plcUrl}` : ''}: no such account`);
    const claimed = await resolver.claimedHandle(raw);
    const handle = claimed ? normaliseHandle(claimed) : null;
    return { did: raw, handle: handle && (await resolver.resolveHandle(handle).catch(() => null)) === raw ? handle : null };
  }
  const handle = normaliseHandle(raw);
  if (!handle) throw new UserError(`"${input}" is neither a Bluesky handle (name.bsky.social) nor a DID (did:plc:…)`);
  const did = await reach('resolve the handle', appView, () => resolver.resolveHandle(handle));
  if (!did) throw new UserError(`@${handle} is not a Bluesky account (${appView} does not resolve it)`);
  const claimed = await reach('read the DID document', did.startsWith('did:plc:') ? plcUrl : did, () => resolver.claimedHandle(did));
  if (claimed === null || normaliseHandle(claimed) !== handle) {
    throw new UserError(`@${handle} points to ${did}, whose DID document ${claimed ? `claims @${claimed}` : 'claims no handle'}: not added`);
  }
  return { did, handle };
}

async function operatorSources(store: Store): Promise<SourceRecord[]> {
  return (await store.listSources({ origin: 'operator' })).filter((source) => source.kind === 'bluesky');
}

async function addOperatorAccount(context: AppContext, input: string, clubId: string): Promise<FollowedAccount> {
  const { store, catalog, config } = context;
  const entry = catalog.byId(clubId);
  if (!entry) {
    const guess = catalog.search(clubId, 1)[0];
    throw new UserError(`no club has the id "${clubId}"${guess ? `; did you mean ${guess.id} (${guess.name})?` : ''} (\`clubwatch clubs\` lists them)`);
  }
  const { did, handle } = await identify(context, input);
  const id = sourceIdFor('bluesky', did);
  const existing = await store.getSource(id);
  if (existing) {
    const owner = (await store.getState(accountStateKey(did))) ?? entry.id;
    throw new UserError(`${handle ? `@${handle}` : did} is already followed, for ${catalog.displayName(owner)}${existing.origin === 'config' ? ' (from the catalog)' : ''}`);
  }
  const source = await store.addSource({
    id,
    url: did,
    kind: 'bluesky',
    origin: 'operator',
    title: `${catalog.displayName(entry.id)} (Bluesky)`,
    intervalSeconds: config.sources.pollIntervalSeconds,
    nextFetchAt: new Date().toISOString(),
  });
  await store.setState(accountStateKey(did), entry.id);
  if (handle) {
    await store.setState(handleOfStateKey(did), handle);
    await store.setState(handleStateKey(handle), did);
  }
  return { clubId: entry.id, did, handle, from: 'operator', source };
}

/** The catalog's accounts and the operator's, without asking the network (a handle not resolved yet has no DID). */
async function listFollowedAccounts(context: Pick<AppContext, 'store' | 'catalog'>): Promise<FollowedAccount[]> {
  const { store, catalog } = context;
  const accounts: FollowedAccount[] = [];
  for (const entry of catalog.entries) {
    const known = catalogAccount(entry);
    if (!known) continue;
    const did = known.did ?? (known.handle ? ((await store.getState(handleStateKey(known.handle))) ?? null) : null);
    accounts.push({ clubId: entry.id, did, handle: known.handle, from: 'catalog', source: did ? await store.getSource(sourceIdFor('bluesky', did)) : undefined });
  }
  for (const source of await operatorSources(store)) {
    const clubId = (await store.getState(accountStateKey(source.url))) ?? '?';
    accounts.push({ clubId, did: source.url, handle: (await store.getState(handleOfStateKey(source.url))) ?? null, from: 'operator', source });
  }
  return accounts;
}

async function removeOperatorAccount(context: Pick<AppContext, 'store' | 'catalog'>, input: string): Promise<FollowedAccount> {
  const { store } = context;
  const raw = input.trim().replace(/^at:\/\//, '');
  const handle = normaliseHandle(raw);
  const followed = await listFollowedAccounts(context);
  const match = followed.find((account) => (isDid(raw) ? account.did === raw : handle !== null && account.handle === handle));
  if (!match) throw new UserError(`${input} is not followed (\`clubwatch accounts list\` shows the accounts)`);
  if (match.from === 'catalog') throw new UserError(`${input} comes from the catalog; remove it from its entry in config/catalog/ instead`);
  const did = match.did as string;
  await store.removeSource(sourceIdFor('bluesky', did));
  await store.setState(accountStateKey(did), null);
  await store.setState(handleOfStateKey(did), null);
  return match;
}

function describe(account: FollowedAccount, catalog: AppContext['catalog']): string {
  const who = [account.handle ? `@${account.handle}` : null, account.did ?? 'DID not resolved yet'].filter(Boolean).join('  ');
  const source = account.source;
  const state = !source
    ? 'not read yet'
    : source.failingSince
      ? `failing since ${source.failingSince}: ${source.lastError ?? 'unknown error'}`
      : source.lastSuccessAt
        ? `last read ${source.lastSuccessAt}`
        : 'not read yet';
  const club = catalog.byId(account.clubId) ? catalog.displayName(account.clubId) : account.clubId;
  return `${account.clubId.padEnd(28)} ${account.from.padEnd(8)} ${who}\n    ${club}; ${state}`;
}

/** `clubwatch accounts add HANDLE_OR_DID --club CLUB_ID | list | remove HANDLE_OR_DID`. */
export async function runAccounts(context: AppContext, args: string[], clubId: string | undefined, output: NodeJS.WritableStream): Promise<void> {
  const [verb, target, ...extra] = args;
  if (extra.length > 0) throw usage();
  switch (verb) {
    case 'add': {
      if (!target || !clubId) throw usage();
      const added = await addOperatorAccount(context, target, clubId);
      const reading = context.config.blueskySource.readClubAccounts
        ? 'The running bot reads it at its next tick; its posts so far are recorded, not announced.'
        : 'The bot reads it once BLUESKY_READ_CLUB_ACCOUNTS=true.';
      output.write(`Following ${added.handle ? `@${added.handle} (${added.did})` : added.did} for ${context.catalog.displayName(added.clubId)}. ${reading}\n`);
      return;
    }
    case 'remove': {
      if (!target) throw usage();
      const removed = await removeOperatorAccount(context, target);
      output.write(`No longer following ${removed.handle ? `@${removed.handle}` : removed.did} for ${context.catalog.displayName(removed.clubId)}.\n`);
      return;
    }
    case 'list':
    case undefined: {
      if (target) throw usage();
      const accounts = await listFollowedAccounts(context);
      if (accounts.length === 0) output.write('No Bluesky accounts followed: the catalog lists none, and none were added.\n');
      for (const account of accounts) output.write(`${describe(account, context.catalog)}\n`);
      if (accounts.length > 0 && !context.config.blueskySource.readClubAccounts) output.write('(Not read: set BLUESKY_READ_CLUB_ACCOUNTS=true.)\n');
      return;
    }
    default:
      throw usage();
  }
}
