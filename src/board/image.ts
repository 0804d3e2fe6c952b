import { boardClubs, type BoardClub, type BoardView } from './board.ts';
import { standingNames } from './labels.ts';
import { textElement, TextOutlines, type TextDrawer } from './text-outlines.ts';
import { formatDate } from '../summaries/compose.ts';
import { platformName, type SummaryLanguage } from '../summaries/phrases.ts';

/** A rendered board: what Discord attaches and Bluesky embeds. */
export interface BoardImage {
  png: Buffer;
  width: number;
  height: number;
  /** Says what the picture shows, for screen readers (Discord's description, Bluesky's alt). */
  alt: string;
  title: string;
}

/** Readable on a phone once Discord or Bluesky shrinks it: more rows than this go to "and N more". */
export const maxRows = 30;
const maxAltLength = 1_000;

const colours: Record<string, string> = {
  leave: '#f7c6c6',
  stay: '#d9e3f2',
  join: '#c6ebcf',
  pause: '#fbe6a9',
  return: '#cdeee9',
  delete: '#e4cdef',
  unknown: '#f4f4f4',
};

const andMore: Record<SummaryLanguage, (count: number) => string> = {
  en: (n) => `… and ${n} more`,
  fr: (n) => `… et ${n} de plus`,
  de: (n) => `… und ${n} weitere`,
  es: (n) => `… y ${n} más`,
  it: (n) => `… e altri ${n}`,
  pt: (n) => `… e mais ${n}`,
};

/** Without measuring glyphs: Inter at this size fits about this many characters in the column. */
function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

const layout = { margin: 24, titleHeight: 64, headerHeight: 40, groupHeight: 36, rowHeight: 48, nameWidth: 300, cellWidth: 132, footerHeight: 44 };

type Row = { kind: 'group'; title: string } | { kind: 'club'; club: BoardClub };

/** The board as SVG: clubs down, platforms across, each cell coloured by standing with the date of the move. */
export function boardSvg(
  view: BoardView,
  title: string,
  language: SummaryLanguage,
  text: TextDrawer = textElement,
): { svg: string; width: number; height: number } {
  const rows: Row[] = [];
  let clubs = 0;
  let hidden = 0;
  for (const group of view.groups) {
    if (clubs >= maxRows) {
      hidden += group.clubs.length;
      continue;
    }
    if (view.groups.length > 1) rows.push({ kind: 'group', title: group.title });
    for (const club of group.clubs) {
      if (clubs >= maxRows) hidden += 1;
      else rows.push({ kind: 'club', club });
      clubs += 1;
    }
  }
  const { margin, titleHeight, headerHeight, groupHeight, rowHeight, nameWidth, cellWidth, footerHeight } = layout;
  const columns = Math.max(view.platforms.length, 1);
  const width = Math.max(margin * 2 + nameWidth + columns * cellWidth, 640);
  const bodyHeight = rows.reduce((sum, row) => sum + (row.kind === 'group' ? groupHeight : rowHeight), 0);
  const height = margin + titleHeight + headerHeight + bodyHeight + footerHeight + margin;
  const names = standingNames[language];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(margin, margin + 36, { size: 26, bold: true, fill: '#1a1a1a' }, clip(title, 70)),
  ];
  let y = margin + titleHeight;
  parts.push(`<rect x="${margin}" y="${y}" width="${width - margin * 2}" height="${headerHeight}" fill="#e6e6e6"/>`);
  view.platforms.forEach((platform, index) => {
    const x = margin + nameWidth + index * cellWidth;
    parts.push(text(x + 12, y + 26, { size: 17, bold: true, fill: '#1a1a1a' }, platformName(platform)));
  });
  y += headerHeight;
  for (const row of rows) {
    if (row.kind === 'group') {
      parts.push(text(margin, y + 26, { size: 18, bold: true, fill: '#0b4f9c' }, clip(row.title, 60)));
      y += groupHeight;
      continue;
    }
    parts.push(text(margin + 8, y + 30, { size: 17, fill: '#1a1a1a' }, clip(row.club.name, 32)));
    view.platforms.forEach((platform, index) => {
      const x = margin + nameWidth + index * cellWidth;
      const cell = row.club.cells[platform];
      const state = cell?.action ?? 'unknown';
      parts.push(`<rect x="${x + 2}" y="${y + 2}" width="${cellWidth - 4}" height="${rowHeight - 4}" rx="4" fill="${colours[state]}"/>`);
      parts.push(text(x + 10, y + 21, { size: 15, bold: true, fill: '#1a1a1a' }, names[state]));
      if (cell) parts.push(text(x + 10, y + 39, { size: 13, fill: '#333333' }, formatDate(cell.since, language)));
    });
    parts.push(`<line x1="${margin}" y1="${y + rowHeight}" x2="${width - margin}" y2="${y + rowHeight}" stroke="#dddddd" stroke-width="1"/>`);
    y += rowHeight;
  }
  const footer = hidden > 0 ? `${andMore[language](hidden)} · clubwatch` : 'clubwatch';
  parts.push(text(margin, y + 30, { size: 14, fill: '#4a4a4a' }, footer));
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

/** "Title. Werder Bremen: X left 1 Dec 2026, Bluesky joined 1 Dec 2026. …", short enough for any alt field. */
export function boardAltText(view: BoardView, title: string, language: SummaryLanguage): string {
  const names = standingNames[language];
  const lines = boardClubs(view).map((club) => {
    const cells = view.platforms.flatMap((platform) => {
      const cell = club.cells[platform];
      return cell ? [`${platformName(platform)} ${names[cell.action]} ${formatDate(cell.since, language)}`] : [];
    });
    return `${club.name}: ${cells.join(', ')}.`;
  });
  let alt = `${title}.`;
  for (const [index, line] of lines.entries()) {
    const rest = andMore[language](lines.length - index);
    if (alt.length + line.length + 1 > maxAltLength - rest.length - 1) return `${alt} ${rest}`;
    alt += ` ${line}`;
  }
  // Alt text is read aloud, never parsed: only direction overrides are taken out.
  return alt.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

const outlines = new TextOutlines();

/**
 * Renders the board to PNG in this process, with the fonts shipped in the project (no system fonts).
 * Its words are drawn as outlines laid out once and kept (see TextOutlines), so a board of words
 * already seen costs only the drawing; the PNG is written by sharp, a few times faster than resvg's
 * own encoder for the same pixels. Both are loaded on first use, so a bot that never draws a board
 * never loads them.
 */
export async function renderBoardImage(view: BoardView, title: string, language: SummaryLanguage): Promise<BoardImage> {
  const [{ Resvg }, { default: sharp }] = await Promise.all([import('@resvg/resvg-js'), import('sharp')]);
  const { svg, width, height } = outlines.draw(Resvg, (text) => boardSvg(view, title, language, text));
  const pixels = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' }, background: '#ffffff' }).render();
  // The background is opaque white, so the picture needs no alpha channel.
  const png = await sharp(pixels.pixels, { raw: { width: pixels.width, height: pixels.height, channels: 4 } }).removeAlpha().png().toBuffer();
  return { png, width, height, alt: boardAltText(view, title, language), title };
}

/**
 * Rendered boards, kept until the board changes: the key holds the view's signature (every cell shown),
 * so a new move misses the cache and an unchanged board is never drawn twice.
 */
export class BoardImageCache {
  private readonly entries = new Map<string, BoardImage>();

  constructor(private readonly capacity = 32) {}

  async get(view: BoardView, title: string, language: SummaryLanguage): Promise<BoardImage> {
    const key = `${language}\u0000${title}\u0000${view.signature}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const image = await renderBoardImage(view, title, language);
    this.entries.set(key, image);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return image;
  }

  get size(): number {
    return this.entries.size;
  }
}
