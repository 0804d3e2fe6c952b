import { describe, expect, it } from 'vitest';
import { toPlainTitle } from '../../src/sources/feed/plain-text.ts';

describe('toPlainTitle', () => {
  const cases: [string, string][] = [
    ['Plain title, nothing to do', 'Plain title, nothing to do'],
    ['', ''],
    [' Leading and trailing ', 'Leading and trailing'],
    ['Two  spaces', 'Two spaces'],
    ['Tab\there and\nline', 'Tab here and line'],
    ['No\u00a0break and\u2009thin', 'No break and thin'],
    ['Zero\u200bwidth', 'Zero width'],
    ['Ideographic\u3000space', 'Ideographic space'],
    ['A &amp; B &eacute;', 'A & B é'],
    ['<b>Bold</b> move', 'Bold move'],
    ['Ligue 1 : <Live> OM – PSG', 'Ligue 1 : <Live> OM – PSG'],
  ];
  for (const [title, plain] of cases) {
    it(`makes ${JSON.stringify(title)} ${JSON.stringify(plain)}`, () => {
      expect(toPlainTitle(title)).toBe(plain);
    });
  }
});
