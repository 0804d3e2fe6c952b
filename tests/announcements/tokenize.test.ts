import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/announcements/tokenize.ts';

const sentences = (text: string): string[] => tokenize(text).sentences.map((s) => s.text);

describe('tokenize: where a sentence ends', () => {
  it('ends a sentence at a full stop after the platform X', () => {
    expect(sentences('Der FC St. Pauli verlässt X. Der Verein setzt auf Bluesky.')).toHaveLength(2);
  });

  it('keeps an initialism written with full stops in its sentence ("F.C. Hansa Rostock", "l’A.S. Monaco")', () => {
    expect(sentences('Am Montag folgte Nordrivale F.C. Hansa Rostock mit einem kurzen Spruch.')).toHaveLength(1);
    expect(sentences('Twitter en 2012 pour l’A.S. Monaco et 2009 pour l’OM.')).toHaveLength(1);
  });

  it('keeps a middle initial and a spaced initialism in their sentence ("Thomas E. Herrich", "F. C. Inter", "M. Jun Zhai")', () => {
    expect(sentences('„Wir wollen das nicht“, sagte Hertha-Geschäftsführer Thomas E. Herrich am Freitag.')).toHaveLength(1);
    expect(sentences('Per l’Italia è la nero-azzurra F. C. Inter a sprigionare la fantasia.')).toHaveLength(1);
    expect(sentences('En présence de M. Jun Zhai, le club a ouvert son compte.')).toHaveLength(1);
  });

  it('still ends a sentence after "Serie A." and after the platform X', () => {
    expect(sentences('Il Bologna gioca in Serie A. Il club lascia X.')).toHaveLength(2);
    expect(sentences('Der Verein verlässt X. Musk habe die Plattform verändert.')).toHaveLength(2);
  });

  it('keeps a number grouped with full stops in its sentence ("147.000 Follower")', () => {
    expect(sentences('Bei Instagram sind es 147.000 Follower und bei Facebook 141.000.')).toHaveLength(1);
    expect(sentences('Mainz 05. Der Verein verlässt X.')).toHaveLength(2);
  });
});
