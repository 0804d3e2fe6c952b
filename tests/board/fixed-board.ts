import type { BoardView } from '../../src/board/board.ts';

/** A board that never changes, for the reference picture: accents from every language, and a hostile name. */
export function fixedBoard(): BoardView {
  const cell = (action: 'leave' | 'stay' | 'join' | 'pause' | 'return' | 'delete', since: string, storyId: number) => ({ action, since, storyId });
  return {
    platforms: ['x', 'bluesky', 'threads'],
    updatedAt: '2026-11-30T10:00:00.000Z',
    signature: 'fixed-board-v1',
    groups: [
      {
        leagueId: 'bundesliga',
        title: 'Bundesliga',
        clubs: [
          { id: 'fc-st-pauli', name: 'FC St. Pauli', country: 'DE', league: 'bundesliga', cells: { x: cell('leave', '2024-11-14T10:00:00.000Z', 1), bluesky: cell('join', '2024-11-14T10:00:00.000Z', 2) } },
          { id: 'fortuna-dusseldorf', name: 'Fortuna Düsseldorf · Fußball', country: 'DE', league: 'bundesliga', cells: { x: cell('pause', '2026-01-02T10:00:00.000Z', 3) } },
        ],
      },
      {
        leagueId: 'la-liga',
        title: 'LaLiga',
        clubs: [
          { id: 'atletico', name: 'Atlético de Madrid (Peñarol ñ)', country: 'ES', league: 'la-liga', cells: { x: cell('stay', '2026-11-30T10:00:00.000Z', 4), threads: cell('return', '2026-03-01T10:00:00.000Z', 5) } },
          { id: 'hostile', name: '<script>"x"</script> \u202Eevil', country: 'ES', league: 'la-liga', cells: { bluesky: cell('delete', '2026-06-01T10:00:00.000Z', 6) } },
        ],
      },
      {
        leagueId: 'brasileirao',
        title: 'Brasileirão Série A',
        clubs: [{ id: 'gremio', name: 'Grêmio · São Paulo · Coração', country: 'BR', league: 'brasileirao', cells: { bluesky: cell('join', '2025-02-03T10:00:00.000Z', 7) } }],
      },
    ],
  };
}
