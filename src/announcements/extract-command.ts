import { createInterface } from 'node:readline';
import type { Announcement, Explanation } from './announcement.ts';
import type { Extractor } from './extractor.ts';

export interface ExtractCommandOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  extractor: Extractor;
  explain?: boolean;
}

interface InputLine {
  id: string;
  text: string;
  lang?: string | null;
  authorClubId?: string | null;
}

function parseLine(line: string): InputLine | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' && typeof v.id !== 'number') return 'missing "id" (a string)';
  if (typeof v.text !== 'string') return 'missing "text" (a string)';
  if (v.lang !== undefined && v.lang !== null && typeof v.lang !== 'string') return '"lang" must be a string';
  return {
    id: String(v.id),
    text: v.text,
    lang: typeof v.lang === 'string' ? v.lang : null,
    authorClubId: typeof v.authorClubId === 'string' ? v.authorClubId : null,
  };
}

function plain(a: Announcement): Announcement {
  return { club: a.club, platform: a.platform, action: a.action, confidence: a.confidence, evidence: a.evidence, ...(a.year === undefined ? {} : { year: a.year }) };
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });
}

/**
 * `clubwatch extract [--explain]`: JSON Lines in, one JSON line out per item, same order.
 * A line it cannot read is reported on the error stream by its number; the rest goes on.
 */
export async function runExtractCommand(opts: ExtractCommandOptions): Promise<void> {
  const lines = createInterface({ input: opts.input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      await write(opts.errors, `line ${n}: ${parsed}; skipped\n`);
      continue;
    }
    const input = { text: parsed.text, lang: parsed.lang ?? null, authorClubId: parsed.authorClubId ?? null };
    let out: Record<string, unknown>;
    if (opts.explain) {
      const e: Explanation = opts.extractor.explain(input);
      out = {
        id: parsed.id,
        announcements: e.announcements.map((a) => ({ ...plain(a), cues: a.cues })),
        rejected: e.rejected,
      };
    } else {
      out = { id: parsed.id, announcements: opts.extractor.extract(input).map(plain) };
    }
    await write(opts.output, `${JSON.stringify(out)}\n`);
  }
}
