/**
 * HTML that escapes every value by default: `html` tagged templates escape what they interpolate
 * unless it is itself `Html`. Nothing from the store, the catalog or the request is ever trusted.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters other than tab and newline have no place in a page or an XML document, nor
 * have direction overrides and isolates: "\u202Egnp.exe" would be read as "exe.png". Names are
 * isolated with <bdi> instead, so right-to-left text still reads as it should.
 */
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

export function escapeText(value: string): string {
  return value.replace(controls, '').replace(/[&<>"']/g, (char) => replacements[char] ?? char);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeText(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** A value from outside, isolated so that a right-to-left override inside it cannot reorder the page around it. */
export function text(value: string): Html {
  return html`<bdi>${value}</bdi>`;
}

/** An outside link, only when it is http or https (never `javascript:` nor `data:`). */
export function safeHref(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
