import { createRequire } from 'node:module';
import { boardClubs, type BoardClub, type BoardView } from './board.ts';
import { standingNames } from './labels.ts';
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
const maxRows = 30;
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

const require = createRequire(import.meta.url);
let fonts: string[] | undefined;

/** Inter (SIL Open Font License), from the @expo-google-fonts/inter package: Latin with every accent the six languages use. */
function fontFiles(): string[] {
  fonts ??= ['@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf', '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'].map((path) =>
    require.resolve(path),
  );
  return fonts;
}

/** Text that stays text: markup escaped, and direction overrides dropped so nothing is drawn reversed. */
function svgText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Without measuring glyphs: Inter at this size fits about this many characters in the column. */
function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

const layout = { margin: 24, titleHeight: 64, headerHeight: 40, groupHeight: 36, rowHeight: 48, nameWidth: 300, cellWidth: 132, footerHeight: 44 };

type Row = { kind: 'group'; title: string } | { kind: 'club'; club: BoardClub };

/** The board as SVG: clubs down, platforms across, each cell coloured by standing with the date of the move. */
export function boardSvg(view: BoardView, title: string, language: SummaryLanguage): { svg: string; width: number; height: number } {
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
    `<text x="${margin}" y="${margin + 36}" font-size="26" font-weight="700" fill="#1a1a1a">${svgText(clip(title, 70))}</text>`,
  ];
  let y = margin + titleHeight;
  parts.push(`<rect x="${margin}" y="${y}" width="${width - margin * 2}" height="${headerHeight}" fill="#e6e6e6"/>`);
  view.platforms.forEach((platform, index) => {
    const x = margin + nameWidth + index * cellWidth;
    parts.push(`<text x="${x + 12}" y="${y + 26}" font-size="17" font-weight="700" fill="#1a1a1a">${svgText(platformName(platform))}</text>`);
  });
  y += headerHeight;
  for (const row of rows) {
    if (row.kind === 'group') {
      parts.push(`<text x="${margin}" y="${y + 26}" font-size="18" font-weight="700" fill="#0b4f9c">${svgText(clip(row.title, 60))}</text>`);
      y += groupHeight;
      continue;
    }
    parts.push(`<text x="${margin + 8}" y="${y + 30}" font-size="17" fill="#1a1a1a">${svgText(clip(row.club.name, 32))}</text>`);
    view.platforms.forEach((platform, index) => {
      const x = margin + nameWidth + index * cellWidth;
      const cell = row.club.cells[platform];
      const state = cell?.action ?? 'unknown';
      parts.push(`<rect x="${x + 2}" y="${y + 2}" width="${cellWidth - 4}" height="${rowHeight - 4}" rx="4" fill="${colours[state]}"/>`);
      parts.push(`<text x="${x + 10}" y="${y + 21}" font-size="15" font-weight="700" fill="#1a1a1a">${svgText(names[state])}</text>`);
      if (cell) parts.push(`<text x="${x + 10}" y="${y + 39}" font-size="13" fill="#333333">${svgText(formatDate(cell.since, language))}</text>`);
    });
    parts.push(`<line x1="${margin}" y1="${y + rowHeight}" x2="${width - margin}" y2="${y + rowHeight}" stroke="#dddddd" stroke-width="1"/>`);
    y += rowHeight;
  }
  const footer = hidden > 0 ? `${andMore[language](hidden)} · clubwatch` : 'clubwatch';
  parts.push(`<text x="${margin}" y="${y + 30}" font-size="14" fill="#4a4a4a">${svgText(footer)}</text>`);
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

/** "Title. Werder Bremen: X left 1 Dec 2026, Bluesky joined 1 Dec 2026. …", short enough for any alt field. */
function boardAltText(view: BoardView, title: string, language: SummaryLanguage): string {
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

/**
 * Renders the board to PNG in this process, with the fonts shipped in the project (no system fonts).
 * The renderer is loaded on first use, so a bot that never draws a board never loads it.
 */
export async function renderBoardImage(view: BoardView, title: string, language: SummaryLanguage): Promise<BoardImage> {
  const { svg, width, height } = boardSvg(view, title, language);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' },
    fitTo: { mode: 'original' },
    background: '#ffffff',
  });
  const png = resvg.render().asPng();
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
