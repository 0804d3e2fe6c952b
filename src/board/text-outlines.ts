import { createRequire } from 'node:module';

/** How one piece of text on the board looks. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  fill: string;
}

/** Draws `value` with its baseline starting at (x, y) and returns the SVG for it. */
export type TextDrawer = (x: number, y: number, style: TextStyle, value: string) => string;

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
export function svgText(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function textAttributes(style: TextStyle): string {
  return `font-size="${style.size}"${style.bold === true ? ' font-weight="700"' : ''}`;
}

/** Text as an SVG `<text>` element, laid out by whoever renders the SVG. */
export const textElement: TextDrawer = (x, y, style, value) =>
  `<text x="${x}" y="${y}" ${textAttributes(style)} fill="${style.fill}">${svgText(value)}</text>`;

/** Two decimals are a hundredth of a pixel: the outline draws the same, and parses faster. */
function shortenNumbers(path: string): string {
  return path.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

type Resvg = typeof import('@resvg/resvg-js').Resvg;

/**
 * Text turned into outlines once, with the shipped fonts, and kept: the board says the same words
 * again and again (standings, dates, club names), and laying text out is most of the cost of drawing
 * it. An outline is kept per string, size and weight, the least recently used dropped beyond `capacity`.
 */
export class TextOutlines {
  private readonly outlines = new Map<string, string>();

  constructor(private readonly capacity = 2_000) {}

  /**
   * The SVG that `build` makes, with every text it draws as outlines: `build` is called twice, once to
   * learn the texts it needs (the new ones are laid out together, in one pass), once to draw them.
   */
  draw<Drawing>(Renderer: Resvg, build: (text: TextDrawer) => Drawing): Drawing {
    const missing = new Map<string, string>();
    build((_x, _y, style, value) => {
      const key = this.key(style, value);
      if (!this.outlines.has(key) && !missing.has(key)) missing.set(key, `<text ${textAttributes(style)}>${svgText(value)}</text>`);
      return '';
    });
    const laidOut = missing.size > 0 ? this.layOut(Renderer, missing) : new Map<string, string>();
    return build((x, y, style, value) => {
      const key = this.key(style, value);
      const kept = this.outlines.get(key);
      if (kept !== undefined) {
        this.outlines.delete(key);
        this.outlines.set(key, kept);
      }
      const outline = kept ?? laidOut.get(key) ?? '';
      return outline === '' ? '' : `<path transform="translate(${x} ${y})" fill="${style.fill}" d="${outline}"/>`;
    });
  }

  private key(style: TextStyle, value: string): string {
    return `${style.size}\u0000${style.bold === true ? 7 : 4}\u0000${value}`;
  }

  /** Every missing text at the origin, each in its own group, laid out by resvg and read back as paths. */
  private layOut(Renderer: Resvg, missing: Map<string, string>): Map<string, string> {
    const keys = [...missing.keys()];
    const texts = [...missing.values()].map((text, index) => text.replace('<text ', `<text id="t${index}" `));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" font-family="Inter">${texts.join('')}</svg>`;
    const written = new Renderer(svg, { font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' } }).toString();
    const paths = new Map<number, string>();
    for (const [, index, content] of written.matchAll(/<g id="t(\d+)"[^>]*>([\s\S]*?)<\/g>/g)) {
      const outlines = [...(content ?? '').matchAll(/ d="([^"]*)"/g)].map(([, d]) => shortenNumbers(d ?? ''));
      paths.set(Number(index), outlines.join(' '));
    }
    // A text with nothing to draw (only spaces, say) has no group: it is kept as empty, not laid out again.
    const laidOut = new Map(keys.map((key, index) => [key, paths.get(index) ?? '']));
    for (const [key, outline] of laidOut) this.outlines.set(key, outline);
    while (this.outlines.size > this.capacity) this.outlines.delete(this.outlines.keys().next().value as string);
    return laidOut;
  }
}
