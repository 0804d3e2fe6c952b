import { describe, expect, it } from 'vitest';
import { type CurrentStore, source, t0 } from './fixtures.ts';

export function serverContract(store: CurrentStore): void {
  describe('servers', () => {
    it('gives a new server the defaults and keeps each server’s settings its own', async () => {
      expect(await store().getServerSettings('g1')).toMatchObject({ serverId: 'g1', language: 'en', cadence: 'immediate', digestBoard: false, channelId: null });
      await store().updateServerSettings('g1', { channelId: 'c1', language: 'de', digestBoard: true });
      const changed = await store().updateServerSettings('g1', { cadence: 'daily', pausedAt: t0, pausedReason: 'gone' });
      expect(changed).toMatchObject({ channelId: 'c1', language: 'de', cadence: 'daily', digestBoard: true, pausedAt: t0 });
      expect(await store().getServerSettings('g2')).toMatchObject({ channelId: null, language: 'en' });
      expect((await store().listServers()).map((server) => server.serverId)).toEqual(['g1']);
    });

    it('keeps a watch once and finds the servers watching a club, its league or its country', async () => {
      expect(await store().addWatch('g1', { kind: 'club', value: 'om' })).toBe(true);
      expect(await store().addWatch('g1', { kind: 'club', value: 'om' })).toBe(false);
      await store().addWatch('g2', { kind: 'league', value: 'ligue-1' });
      await store().addWatch('g3', { kind: 'country', value: 'fr' });
      await store().addWatch('g4', { kind: 'country', value: 'de' });
      expect(await store().serversWatching({ id: 'om', league: 'ligue-1', country: 'fr' })).toEqual(['g1', 'g2', 'g3']);
      expect(await store().serversWatching({ id: 'psg', league: null, country: 'fr' })).toEqual(['g3']);
      expect(await store().listWatches('g1')).toEqual([{ kind: 'club', value: 'om' }]);
      expect(await store().removeWatch('g1', { kind: 'club', value: 'om' })).toBe(true);
      expect(await store().removeWatch('g1', { kind: 'club', value: 'om' })).toBe(false);
    });

    it('stops reading a server’s own feed when its last server lets it go', async () => {
      await store().addSource(source('own', { origin: 'server' }));
      expect(await store().subscribeServerSource('g1', 'own')).toBe(true);
      expect(await store().subscribeServerSource('g1', 'own')).toBe(false);
      await store().subscribeServerSource('g2', 'own');
      expect(await store().serversOfSource('own')).toEqual(['g1', 'g2']);
      expect((await store().listServerSources('g1')).map((s) => s.id)).toEqual(['own']);
      expect(await store().unsubscribeServerSource('g1', 'own')).toBe(true);
      expect(await store().getSource('own')).toBeDefined();
      expect(await store().unsubscribeServerSource('g2', 'own')).toBe(true);
      expect(await store().getSource('own')).toBeUndefined();
    });

    it('hands each queued story to one digest: taking the queue empties it', async () => {
      await store().queueForDigest('g1', 9);
      await store().queueForDigest('g1', 3);
      await store().queueForDigest('g1', 3);
      await store().queueForDigest('g2', 4);
      expect(await store().listServersWithDigestQueue()).toEqual(['g1', 'g2']);
      const taken = await Promise.all([store().takeDigestQueue('g1'), store().takeDigestQueue('g1')]);
      expect(taken.flat().sort((a, b) => a - b)).toEqual([3, 9]);
      expect(await store().listServersWithDigestQueue()).toEqual(['g2']);
    });
  });
}
