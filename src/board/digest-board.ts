import type { Catalog } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';
import { summaryLanguage } from '../summaries/phrases.ts';
import { loadBoard } from './board.ts';
import type { BoardImage, BoardImageCache } from './image.ts';
import { boardTitle, digestScope } from './labels.ts';

/** Bluesky refuses images of 1,000,000 bytes or more; Discord allows more, but a digest's picture stays small. */
const maxImageBytes = 976_000;

/**
 * The board of the clubs a digest names, as a picture, read from the shared board like every other
 * view of it. Null when none of its clubs is on the board, or the picture would be too large.
 */
export async function digestBoardImage(
  store: Store,
  catalog: Catalog,
  cache: BoardImageCache,
  storyIds: number[],
  language: string,
): Promise<BoardImage | null> {
  const clubs = [...new Set((await store.getStories(storyIds)).flatMap((story) => (story.clubId ? [story.clubId] : [])))];
  if (clubs.length === 0) return null;
  const view = await loadBoard(store, catalog, { clubs });
  if (view.groups.length === 0) return null;
  const lang = summaryLanguage(language);
  const image = await cache.get(view, boardTitle(digestScope[lang], new Date(view.updatedAt ?? Date.now()), lang), lang);
  return image.png.length < maxImageBytes ? image : null;
}
