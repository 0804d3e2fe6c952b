import type { AppContext } from '../app/context.ts';
import { normalise } from '../catalog/normalise.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { routeStory } from '../deliveries/route.ts';
import { UserError } from '../errors.ts';
import type { SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import { mergeAnnouncement } from '../stories/merge.ts';
import { clubAccounts, discoveredStateKey } from './club-accounts.ts';
import { normaliseHandle } from '../catalog/accounts.ts';
import { IdentityResolver } from './identity.ts';

export interface DiscoverOptions {
  /** Defaults to the untrusted fetcher: every address here comes from the web. */
  fetcher?: SafeFetcher;
  plcUrl?: string;
  /** Where handles are tried: "<club's X handle><suffix>". */
  handleSuffixes?: string[];
  now?: () => Date;
}

interface Found {
  handle: string;
  did: string;
  displayName: string | null;
  createdAt: string | null;
}

/** A display name that names the club: its name, a short name or an alias, whole words. */
function namesClub(displayName: string | null, entry: CatalogEntry): boolean {
  if (!displayName) return false;
  const shown = ` ${normalise(displayName)} `;
  return [entry.name, ...entry.shortNames, ...entry.aliases].some((name) => {
    const folded = normalise(name);
    return folded.length >= 3 && shown.includes(` ${folded} `);
  });
}

async function profileOf(resolver: IdentityResolver, did: string): Promise<{ displayName: string | null; createdAt: string | null }> {
  const pds = await resolver.pdsOf(did).catch(() => null);
  if (!pds) return { displayName: null, createdAt: null };
  const url = resolver.xrpcUrl(pds, 'com.atproto.repo.getRecord', { repo: did, collection: 'app.bsky.actor.profile', rkey: 'self' });
  const answer = await resolver.getJson<{ value?: { displayName?: unknown; createdAt?: unknown } }>(url).catch(() => null);
  const displayName = typeof answer?.value?.displayName === 'string' ? answer.value.displayName : null;
  const createdAt = typeof answer?.value?.createdAt === 'string' && Number.isFinite(Date.parse(answer.value.createdAt)) ? answer.value.createdAt : null;
  return { displayName, createdAt };
}

function candidateHandles(entry: CatalogEntry, suffixes: string[]): string[] {
  const bases = new Set<string>();
  const x = entry.accounts.x?.replace(/^@/, '').toLowerCase();
  if (x && /^[a-z0-9-]+$/.test(x)) bases.add(x);
  bases.add(entry.id.replace(/-/g, ''));
  return [...bases].flatMap((base) => suffixes.map((suffix) => normaliseHandle(`${base}${suffix}`))).filter((handle): handle is string => handle !== null);
}

async function searchAccounts(resolver: IdentityResolver, appView: string, query: string): Promise<Array<{ handle: string; did: string; displayName: string | null }>> {
  const url = resolver.xrpcUrl(appView, 'app.bsky.actor.searchActors', { q: query, limit: 5 });
  const answer = await resolver.getJson<{ actors?: Array<{ did?: unknown; handle?: unknown; displayName?: unknown }> }>(url).catch(() => null);
  return (answer?.actors ?? []).flatMap((actor) =>
    typeof actor.did === 'string' && typeof actor.handle === 'string'
      ? [{ did: actor.did, handle: actor.handle, displayName: typeof actor.displayName === 'string' ? actor.displayName : null }]
      : [],
  );
}

/** A confirmed account is news: the club has joined Bluesky, with the account as the evidence. */
async function recordJoin(context: AppContext, entry: CatalogEntry, found: Found, now: Date): Promise<boolean> {
  const sourceId = sourceIdFor('bluesky', found.did);
  const nowIso = now.toISOString();
  return context.store.transaction(async (store) => {
    const { story, isNew } = await mergeAnnouncement(
      store,
      { club: { id: entry.id, name: entry.name }, platform: 'bluesky', action: 'join', confidence: 0.9, evidence: `@${found.handle} (${found.displayName ?? entry.name})` },
      {
        sourceId,
        outlet: 'Bluesky',
        itemKey: `at://${found.did}`,
        title: `${found.displayName ?? entry.name} (@${found.handle})`,
        link: `https://bsky.app/profile/${found.handle}`,
        evidence: `@${found.handle}`,
        published: found.createdAt,
        confidence: 0.9,
        lang: null,
        trusted: true,
      },
      { windowDays: context.config.stories.windowDays, now: nowIso, trusted: true },
    );
    if (isNew) await routeStory(store, context.catalog, context.routing, story, sourceId, nowIso);
    return isNew;
  });
}

/**
 * `clubwatch bluesky discover`: for each catalog club without a known account, tries the likely
 * handles, then a search, and reports what it finds. An account whose handle resolves and whose
 * profile names the club is confirmed: it is followed from the next start, and its appearance is a
 * "join" story. Search results are only reported, for the operator to check and add to the catalog.
 */
export async function runBlueskyDiscover(context: AppContext, output: NodeJS.WritableStream, options: DiscoverOptions = {}): Promise<void> {
  const { catalog, store, config } = context;
  const appView = config.blueskySource.appView;
  const resolver = new IdentityResolver({ fetcher: options.fetcher ?? context.untrustedFetcher, appView, plcUrl: options.plcUrl ?? config.blueskySource.plcUrl });
  const suffixes = options.handleSuffixes ?? ['.bsky.social'];
  const now = options.now ?? (() => new Date());
  try {
    // A handle that cannot be valid: any server that answers at all answers 400, at no cost.
    await resolver.resolveHandle('a');
  } catch (err) {
    throw new UserError(`cannot reach the Bluesky AppView at ${appView}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const followed = new Set((await clubAccounts(context, resolver)).accounts.map((account) => account.clubId));
  const clubs = catalog.entries.filter((entry) => entry.kind === 'club' && !followed.has(entry.id));
  const counts = { confirmed: 0, possible: 0, none: 0 };
  output.write(`Looking for the Bluesky accounts of ${clubs.length} clubs the catalog lists without one…\n`);

  const lookUp = async (entry: CatalogEntry): Promise<void> => {
    let confirmed: Found | null = null;
    const unconfirmed: string[] = [];
    for (const handle of candidateHandles(entry, suffixes)) {
      const did = await resolver.resolveHandle(handle).catch(() => null);
      if (!did) continue;
      const profile = await profileOf(resolver, did);
      if (namesClub(profile.displayName, entry)) {
        confirmed = { handle, did, ...profile };
        break;
      }
      unconfirmed.push(`@${handle} (${profile.displayName ?? 'no display name'})`);
    }
    const name = catalog.displayName(entry.id);
    if (confirmed) {
      counts.confirmed += 1;
      await store.setState(discoveredStateKey(entry.id), confirmed.did);
      const isNew = await recordJoin(context, entry, confirmed, now());
      output.write(`${name}: @${confirmed.handle} (${confirmed.did}) — confirmed${isNew ? ', recorded as joining Bluesky' : ''}\n`);
      return;
    }
    for (const actor of await searchAccounts(resolver, appView, entry.name)) {
      if (namesClub(actor.displayName, entry)) unconfirmed.push(`@${actor.handle} (${actor.displayName})`);
    }
    if (unconfirmed.length > 0) {
      counts.possible += 1;
      output.write(`${name}: possibly ${[...new Set(unconfirmed)].join(', ')} — check, then add "bluesky" to its catalog entry\n`);
    } else {
      counts.none += 1;
    }
  };
  // A few clubs at a time: quick enough for a catalog of hundreds, gentle on the public AppView.
  const queue = [...clubs];
  await Promise.all(
    Array.from({ length: Math.min(4, queue.length) }, async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) await lookUp(entry);
    }),
  );
  output.write(`${counts.confirmed} confirmed, ${counts.possible} to check, ${counts.none} without an account found.\n`);
}
