import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { boardSvg } from '../../src/board/image.ts';
import { boardTitle } from '../../src/board/labels.ts';
import { TextOutlines, type TextDrawer } from '../../src/board/text-outlines.ts';
import { fixedBoard } from './fixed-board.ts';

/** The real renderer, counting how many times it is asked to lay text out. */
function countingResvg() {
  const counter = { layouts: 0 };
  class Counting extends Resvg {
    constructor(...args: ConstructorParameters<typeof Resvg>) {
      super(...args);
      counter.layouts += 1;
    }
  }
  return { Renderer: Counting, counter };
}

describe('the board’s words as outlines', () => {
  const title = boardTitle(null, new Date('2026-11-30T10:00:00Z'), 'de');
  const draw = (outlines: TextOutlines, Renderer: typeof Resvg) => outlines.draw(Renderer, (text) => boardSvg(fixedBoard(), title, 'de', text));

  it('lays out the words once and draws them again from what it kept', () => {
    const { Renderer, counter } = countingResvg();
    const outlines = new TextOutlines();
    const first = draw(outlines, Renderer);
    expect(counter.layouts).toBe(1);
    const second = draw(outlines, Renderer);
    expect(counter.layouts).toBe(1);
    expect(second.svg).toBe(first.svg);
    expect(first.svg).not.toContain('<text');
    expect(first.svg).toContain('<path transform="translate(32 ');
  });

  it('lays out only the words it has not seen, all in one pass', () => {
    const { Renderer, counter } = countingResvg();
    const outlines = new TextOutlines();
    const laidOut: string[] = [];
    const words = (values: string[]) => (text: TextDrawer) => values.map((value, i) => text(0, i * 20, { size: 15, fill: '#000' }, value)).join('');
    outlines.draw(Renderer, words(['weg', 'dabei']));
    outlines.draw(Renderer, (text) => {
      const svg = words(['weg', 'dabei', 'pausiert', 'zurück'])(text);
      laidOut.push(svg);
      return svg;
    });
    expect(counter.layouts).toBe(2);
    expect(laidOut[1]?.match(/<path /g)).toHaveLength(4);
  });

  it('draws hostile names as the characters they are, never as markup', () => {
    const { Renderer } = countingResvg();
    const outlines = new TextOutlines();
    const hostile = '<script>"x"</script> \u202Eevil';
    const drawn = outlines.draw(Renderer, (text) => text(10, 30, { size: 17, fill: '#1a1a1a' }, hostile));
    const plain = outlines.draw(Renderer, (text) => text(10, 30, { size: 17, fill: '#1a1a1a' }, '<script>"x"</script> evil'));
    expect(drawn).toMatch(/^<path transform="translate\(10 30\)" fill="#1a1a1a" d="M [^"]+"\/>$/);
    // The direction override is dropped: the name draws exactly like the same name without it.
    expect(drawn).toBe(plain);
  });

  it('draws nothing for a text of spaces, and keeps no more outlines than it may', () => {
    const { Renderer, counter } = countingResvg();
    const outlines = new TextOutlines(2);
    expect(outlines.draw(Renderer, (text) => text(0, 0, { size: 13, fill: '#000' }, '   '))).toBe('');
    const three = (text: TextDrawer) => ['a', 'b', 'c'].map((value) => text(0, 0, { size: 13, fill: '#000' }, value)).join('');
    expect(outlines.draw(Renderer, three).match(/<path /g)).toHaveLength(3);
    const before = counter.layouts;
    outlines.draw(Renderer, (text) => text(0, 0, { size: 13, fill: '#000' }, 'a'));
    expect(counter.layouts).toBe(before + 1);
  });
});
