import type { AtpAgent } from '@atproto/api';
import type { Catalog } from '../catalog/types.ts';
import type { ResolvedMention } from './compose-post.ts';
import { catalogAccount } from '../catalog/accounts.ts';

const resolvedForMs = 60 * 60_000;
const unresolvedForMs = 10 * 60_000;

/**
 * Which clubs can be mentioned: those whose catalog handle resolves now (and, when the catalog
 * knows the DID, to that DID: a handle given up may belong to someone else today). A mention
 * that does not resolve would carry an empty DID, and the server would refuse the whole post.
 */
export class MentionResolver {
  private readonly cache = new Map<string, { mention: ResolvedMention | null; until: number }>();

  constructor(
    private readonly catalog: Catalog,
    private readonly now: () => number = Date.now,
  ) {}

  async forClubs(agent: AtpAgent, clubIds: Array<string | null>): Promise<Map<string, ResolvedMention>> {
    const found = new Map<string, ResolvedMention>();
    for (const clubId of new Set(clubIds)) {
      if (!clubId) continue;
      const mention = await this.forClub(agent, clubId);
      if (mention) found.set(clubId, mention);
    }
    return found;
  }

  private async forClub(agent: AtpAgent, clubId: string): Promise<ResolvedMention | null> {
    const entry = this.catalog.byId(clubId);
    const account = entry ? catalogAccount(entry) : null;
    if (!account?.handle) return null;
    const cached = this.cache.get(account.handle);
    if (cached && cached.until > this.now()) return cached.mention;
    let mention: ResolvedMention | null = null;
    try {
      const { data } = await agent.com.atproto.identity.resolveHandle({ handle: account.handle });
      if (!account.did || account.did === data.did) mention = { handle: account.handle, did: data.did };
    } catch {
      mention = null;
    }
    this.cache.set(account.handle, { mention, until: this.now() + (mention ? resolvedForMs : unresolvedForMs) });
    return mention;
  }
}
