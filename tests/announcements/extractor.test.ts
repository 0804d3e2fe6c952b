import { describe, expect, it } from 'vitest';
import { extractor, triples } from '../helpers/extract-triples.ts';

describe('extractor: actions', () => {
  it('reads a French club leaving X, named in the headline and then as "le club audonien"', () => {
    expect(triples("Le Red Star quitte X\nLe club audonien devient le premier club français à quitter le réseau d'Elon Musk.", 'fr')).toEqual([
      'red-star-fc x leave',
    ]);
  });

  it('reads a German item in German even when its feed declares French', () => {
    const text = 'Hertha BSC zieht sich von der Plattform X zurück. Der Verein will die Entwicklung auf der Plattform nicht mehr mittragen und setzt auf die anderen Kanäle.';
    expect(triples(text, 'fr')).toEqual(['hertha-bsc x leave']);
  });

  it('tells the club that leaves from the club that will not follow', () => {
    expect(triples("Red Star quitte X ; l'OM ne suivra pas.", 'fr')).toEqual(['olympique-de-marseille x stay', 'red-star-fc x leave']);
  });

  it('credits the club that went first when another follows it', () => {
    expect(triples('After St. Pauli, Werder Bremen leaves X too.', 'en')).toEqual(['fc-st-pauli x leave', 'werder-bremen x leave']);
  });

  it('reads no negation in an idiom that holds a negation word', () => {
    expect(triples('Le Red Star, lui, pensionnaire de Ligue 2, a franchi le pas et quitté X cette semaine.', 'fr')).toEqual(['red-star-fc x leave']);
    expect(triples("L'OM ne quitte pas X.", 'fr')).toEqual(['olympique-de-marseille x stay']);
  });

  it('reads a club joining another in leaving as leaving, not as joining', () => {
    const read = triples('German club Werder Bremen have joined fellow Bundesliga side St Pauli in leaving social media site X.', 'en');
    expect(read).toEqual(expect.arrayContaining(['fc-st-pauli x leave', 'werder-bremen x leave']));
    expect(read.filter((t) => t.endsWith(' join'))).toEqual([]);
  });

  it('reads parting ways with a platform as leaving it', () => {
    expect(triples('FC St. Pauli has decided to part ways with X, labelling it a hate machine.', 'en')).toEqual(['fc-st-pauli x leave']);
  });

  it.each([
    ['de', 'Hertha BSC sagt X Lebwohl.', 'hertha-bsc x leave'],
    ['es', 'El Rayo Vallecano abandona la red social del magnate.', 'rayo-vallecano x leave'],
    ['en', 'Celtic leaves the Musk-owned site.', 'celtic-fc x leave'],
  ])('reads a leave whose platform is named by its owner or said in an idiom (%s) %s', (lang, text, triple) => {
    expect(triples(text, lang)).toEqual([triple]);
  });

  it('reads a leave said in the plural feminine of an Italian reflexive verb', () => {
    expect(triples('Anche Sankt Pauli e Werder Brema si sono ritirate da X.', 'it')).toEqual(['fc-st-pauli x leave', 'werder-bremen x leave']);
  });

  it('reads a negated leave as staying', () => {
    expect(triples("L'OM n'envisage pas de quitter X, a indiqué le club phocéen.", 'fr')).toEqual(['olympique-de-marseille x stay']);
    expect(triples('Borussia Dortmund will not leave X, the club said.', 'en')).toEqual(['borussia-dortmund x stay']);
  });

  it('reads a separable German verb around the platform', () => {
    expect(triples('Werder Bremen zieht sich von X zurück und ist ab sofort auf Bluesky.', 'de')).toEqual([
      'werder-bremen bluesky join',
      'werder-bremen x leave',
    ]);
  });

  it('reads a separable German verb whose particle closes a long clause, not a word further on that closes none', () => {
    expect(triples('Der VfL Bochum stellt nach dem letzten Spieltag der laufenden Saison sämtliche Aktivitäten auf der Plattform X, vormals Twitter, ein.', 'de')).toEqual([
      'vfl-bochum x leave',
    ]);
    // Eight words and more between verb and particle, but no punctuation after it: no clause ends there.
    expect(triples('Der VfL Bochum stellt nach dem letzten Spieltag der laufenden Saison sämtliche Aktivitäten auf X ein paar Tage zurück.', 'de')).not.toContain('vfl-bochum x leave');
  });

  it('reads an account suspended as done to it, not as a pause the club chose', () => {
    expect(triples("Alors qu'il développe sa présence sur les réseaux sociaux, le FC Nantes a vu son compte Twitter suspendu pendant plusieurs heures.", 'fr')).toEqual([]);
    expect(triples('Le FC Nantes suspend ses comptes Twitter et Instagram ce week-end pour protester contre le racisme.', 'fr')).toEqual([
      'fc-nantes instagram pause',
      'fc-nantes x pause',
    ]);
  });

  it('does not give clubs named in passing as having left X the move to Bluesky another club makes', () => {
    const text = 'Hertha BSC verlässt X und wechselt zu Bluesky.\nDer Berliner Klub nannte die Entscheidung unausweichlich.\nAuch Werder Bremen, der FC St. Pauli und Hansa Rostock haben X in den vergangenen Wochen den Rücken gekehrt.';
    expect(triples(text, 'de')).toEqual([
      'fc-st-pauli x leave',
      'hansa-rostock x leave',
      'hertha-bsc bluesky join',
      'hertha-bsc x leave',
      'werder-bremen x leave',
    ]);
  });

  it('reads "aussi sur", "también en" alone as a presence, and "désormais aussi sur" as a join', () => {
    expect(triples("Le PSG domine aussi sur Twitter, où il compte plus de followers que l'OM.", 'fr')).toEqual([]);
    expect(triples('El Málaga crece también en Twitter, donde ya supera los cien mil seguidores.', 'es')).toEqual([]);
    expect(triples('Le FC Nantes est désormais aussi sur Bluesky.', 'fr')).toEqual(['fc-nantes bluesky join']);
  });

  it('needs the capital of a one-word club name that is also the club\'s handle ("un arsenal numérique" is no Arsenal)', () => {
    expect(triples('Actif sur Twitter depuis juillet 2011, le jeune milieu possède un arsenal numérique très complet, avec une page Facebook et un compte Instagram.', 'fr')).toEqual([]);
    expect(triples('@Arsenal has left X, the club said.', 'en')).toEqual(['arsenal-fc x leave']);
  });

  it('reads a separable verb whose particle is followed by "und" as closing its clause', () => {
    expect(triples('Vor einer Woche stieg der VfL Bochum auf der Social-Media-Plattform X (vormals Twitter) aus und begründete seinen Schritt mit dem Hass auf der Plattform.', 'de')).toEqual([
      'vfl-bochum x leave',
    ]);
  });

  it('does not have clubs whose sentences say where they joined join every other platform the item names', () => {
    const text = 'Sport et réseaux sociaux : le nouveau match Snapchat – TikTok\n\nTrès tôt, les clubs de Ligue 1 les plus importants ont rejoint les communautés Facebook (2007 pour l’OM, 2009 le PSG) et Twitter (2009 pour les deux) pour développer leur image.';
    expect(triples(text, 'fr')).toEqual([
      'olympique-de-marseille facebook join',
      'olympique-de-marseille x join',
      'paris-saint-germain facebook join',
      'paris-saint-germain x join',
    ]);
  });

  it('keeps a word of doubt after "und" out of the clause before it', () => {
    expect(triples('Hertha BSC verlässt X und kritisiert Elon Musk scharf', 'de')).toEqual(['hertha-bsc x leave']);
    expect(triples('Werder Bremen verlässt X und Instagram nicht.', 'de')).toEqual(['werder-bremen instagram stay', 'werder-bremen x stay']);
  });

  it('reads toying with the idea of leaving as no decision', () => {
    expect(triples('Werder Bremen spielt mit dem Gedanken, X zu verlassen.', 'de')).toEqual([]);
    expect(triples("Le FC Nantes caresse l'idée de quitter X.", 'fr')).toEqual([]);
  });

  it('reads a league after "another" as one of its clubs, not the league itself', () => {
    const text = "Another Bundesliga have quit X and taken aim at Elon Musk's handling of the platform formerly known as Twitter.\nAnother Bundesliga club have announced that they are leaving X.\nWerder Bremen revealed on Monday that they have now left the site, deflecting to Bluesky.";
    expect(triples(text, 'en')).toEqual(['werder-bremen bluesky join', 'werder-bremen x leave']);
    expect(triples('A Premier League anunciou que deixa o X.', 'pt')).toEqual(['premier-league x leave']);
  });

  it('does not read joining Bluesky as leaving X', () => {
    expect(triples('SC Freiburg joins Bluesky', 'en')).toEqual(['sc-freiburg bluesky join']);
  });

  it('does not read "keeps informing fans on its other channels" after leaving X as staying there', () => {
    expect(triples('La Lazio lascia X. Il club continuerà a comunicare su Instagram e Facebook.', 'it')).toEqual(['ss-lazio x leave']);
  });

  it('reads "no longer posts on" as leaving', () => {
    expect(triples('Real Madrid no longer posts on X.', 'en')).toEqual(['real-madrid x leave']);
  });

  it('attributes first-person sentences to the author club', () => {
    expect(triples("We're leaving X. You can find us on Bluesky from today.", 'en', 'sc-freiburg')).toEqual(['sc-freiburg x leave']);
    expect(triples('Wir verlassen X.', 'de', 'fc-st-pauli')).toEqual(['fc-st-pauli x leave']);
  });

  it('reports a clearly named club missing from the catalog as unlisted', () => {
    const found = extractor.extract({ text: 'Stade Briochin quitte X', lang: 'fr' });
    expect(found.map((a) => [a.club, a.platform, a.action])).toEqual([[{ id: null, name: 'Stade Briochin' }, 'x', 'leave']]);
  });

  it('gives a plain announcement a high confidence and the sentence as evidence', () => {
    const [a] = extractor.extract({ text: 'FC St. Pauli verlässt X. Das teilte der Verein am Donnerstag mit.', lang: 'de' });
    expect(a?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(a?.evidence).toBe('FC St. Pauli verlässt X.');
  });
});

describe('extractor: Dutch', () => {
  it('reads a Dutch club stopping with X, the verb apart from its preposition, and where it goes instead', () => {
    expect(triples('Ajax stopt per direct met X. De Amsterdamse club is voortaan actief op Bluesky.', 'nl')).toEqual(['afc-ajax bluesky join', 'afc-ajax x leave']);
  });

  it('reads a Dutch item undeclared, X named after its owner, and a move to another platform', () => {
    expect(triples('Feyenoord verlaat het sociale medium van Elon Musk en stapt over naar Bluesky.')).toEqual(['feyenoord bluesky join', 'feyenoord x leave']);
  });

  it('reads a Dutch club weighing a move as no decision, and a club that stays as staying', () => {
    expect(triples('PSV overweegt om X te verlaten, maar heeft nog geen besluit genomen.', 'nl')).toEqual([]);
    expect(triples('Club Brugge blijft op X, zo laat de club weten.', 'nl')).toEqual(['club-brugge x stay']);
  });

  it('names a club missing from the catalog without the date before it', () => {
    expect(triples('2025-04 VV Katwijk stopt per direct met het sociale mediaplatform X.', 'nl')).toEqual(['?VV Katwijk x leave']);
  });

  it("reads a Dutch player's move as no club's", () => {
    expect(triples('Speler van Ajax verlaat X na racistische berichten.', 'nl')).toEqual([]);
  });
});

describe("extractor: a club's own posts", () => {
  it.each([
    ['fr', 'red-star-fc', 'Nous quittons X. Retrouvez-nous sur Bluesky, Instagram et TikTok.', ['red-star-fc x leave']],
    ['fr', 'rc-strasbourg', "À partir d'aujourd'hui, le Racing ne publiera plus sur X.", ['rc-strasbourg x leave']],
    ['de', 'fc-st-pauli', 'Ab heute findet ihr uns nicht mehr auf X. Wir sind jetzt auf Bluesky.', ['fc-st-pauli bluesky join', 'fc-st-pauli x leave']],
    ['es', 'rayo-vallecano', 'Adiós, X. Nos vemos en Bluesky.', ['rayo-vallecano x leave']],
    ['it', 'torino-fc', 'Da oggi non saremo più presenti su X.', ['torino-fc x leave']],
    ['pt', 'ec-bahia', 'Agora estamos no Bluesky! Siga o Esquadrão por lá.', ['ec-bahia bluesky join']],
    ['en', 'celtic-fc', 'Happy birthday to our former captain! #CelticFC', []],
  ])('reads (%s, %s) %s', (lang, author, text, expected) => {
    expect(triples(text, lang, author)).toEqual(expected);
  });
});

describe('extractor: candidates', () => {
  it('proposes, for a club that leaves a platform, a join of another platform the item names sentences later', () => {
    const text =
      'Werder Bremen verlässt die Plattform X. Das habe die Geschäftsführung entschieden. Als Grund wurde die Radikalisierung genannt. ' +
      'Der Verein hofft, dass viele Follower ihm künftig auf Bluesky folgen.';
    const proposed = extractor.candidates({ text, lang: 'de', authorClubId: null });
    const join = proposed.find((c) => c.club.id === 'werder-bremen' && c.platform === 'bluesky' && c.action === 'join');
    expect(join?.features.dest_new).toBe(1);
    expect(join?.features.dest_cue).toBe(1);
  });
});

describe('extractor: what is not an announcement', () => {
  it('does not credit a small club to the big club whose short name it shares', () => {
    expect(triples('Der VfB Friedrichshafen startet auf Instagram.', 'de').filter((t) => t.startsWith('vfb-stuttgart'))).toEqual([]);
    expect(triples('Der VfB verlässt X.', 'de')).toEqual(['vfb-stuttgart x leave']);
  });

  it('reads "La Lega B" as Serie B, not as "la Lega" of Serie A, and "New Orleans" as no Orléans', () => {
    expect(triples('La Lega B sbarca su TikTok con un account ufficiale.', 'it')).toEqual(['serie-b tiktok join']);
    expect(triples('La Lega sbarca su TikTok con un account ufficiale.', 'it')).toEqual(['lega-serie-a tiktok join']);
    expect(triples('The New Orleans Saints launched a TikTok account.', 'en').filter((t) => t.startsWith('us-orleans'))).toEqual([]);
  });

  it('reads "New" at the start of a name as no new account, while a title-case headline keeps its verbs', () => {
    for (const text of ['There are several New England Patriots accounts on Bluesky that seem official at first glance.', 'Patrick Brown filed a complaint in New York against the league on the social media site Bluesky.']) {
      expect(extractor.explain({ text, lang: 'en' }).announcements.flatMap((a) => a.cues)).not.toContain('join "New"');
    }
    expect(triples('Man Utd Launch Official Account On TikTok', 'en')).toEqual(['manchester-united tiktok join']);
  });

  it('reads "a club of the Bundesliga" as no club named "Clube da Bundesliga"', () => {
    expect(triples('Clube da Bundesliga abandona o X em protesto contra Elon Musk', 'pt').filter((t) => t.startsWith('?'))).toEqual([]);
  });

  it('reads a league saying clubs are free to leave as no announcement', () => {
    expect(triples('The Premier League said clubs were free to leave X.', 'en')).toEqual([]);
  });

  it('reads a club named in an apposition about a player as describing the player', () => {
    expect(triples('Carles Aleñá, futbolista del Barça cedido al Betis, ha tenido que cerrar su cuenta personal de Twitter tras recibir insultos.', 'es')).toEqual([]);
  });

  it.each([
    ['en', 'Borussia Dortmund is considering leaving X, according to reports.'],
    ['en', 'Asked whether it would leave X, Real Madrid declined to comment.'],
    ['en', 'Kylian Mbappé leaves X after a wave of abuse.'],
    ['en', "Werder Bremen's president leaves X."],
    ['fr', 'Le compte X du FC Nantes a été piraté, le club a quitté la plateforme quelques heures.'],
    ['pt', 'Flamengo x Corinthians: Mengão vence clássico por 2 x 1 no Maracanã'],
    ['en', 'Fans of Borussia Dortmund call for the club to leave X.'],
    ['en', 'Real Madrid posted a video of the training session on Instagram.'],
    ['en', 'Elon Musk says X will launch new video features next month.'],
    ['fr', 'Le PSG annonce sur X le départ de son attaquant.'],
    ['en', 'FC Barcelona deleted a post on X after criticism.'],
    ['en', 'Real Madrid have joined forces with TikTok for a new series of videos.'],
    ['en', 'Trent Alexander-Arnold joins Real Madrid, the club announced on X.'],
    ['fr', 'Ligue 1 : faut-il quitter X ? Les clubs partagés'],
    ['de', 'Werder bleibt nach dem Sieg gegen Freiburg auf Platz sieben. Die Fans feierten auf X.'],
    ['es', 'El Sevilla deja escapar dos puntos ante el Getafe; la afición estalla en X.'],
    ['es', 'El expresidente del Barcelona, Josep Maria Bartomeu, ha decidido cerrar su cuenta de Twitter.'],
    ['pt', 'Torcedores acusam Atlético-MG de bloquear perfis com críticas no Twitter'],
    ['pt', 'Jorge Jesus está de saída do Flamengo para regressar ao Benfica e a mudança está a enfurecer os adeptos no X.'],
    ['it', 'Ebbene, sabato anche per la Liga sarà Athletic Bilbao-Real Sociedad a inaugurare le gare in diretta su Twitch, attraverso il canale dello spagnolo Iblei Llanos, uno streamer.'],
    ['fr', 'Schalke 04 : à Gelsenkirchen, le club publie sur X.'],
    ['it', "L'ex centravanti di Monaco, Arsenal, Juventus e Barcellona lascerà per il momento Facebook, Instagram e Twitter."],
  ])('sets aside (%s) %s', (lang, text) => {
    expect(triples(text, lang)).toEqual([]);
  });

  it('explains why it set a candidate aside', () => {
    const e = extractor.explain({ text: 'Borussia Dortmund is considering leaving X.', lang: 'en' });
    expect(e.announcements).toEqual([]);
    expect(e.rejected[0]?.reason).toMatch(/considered/);
    expect(e.language).toBe('en');
  });
});

describe('extractor: robustness', () => {
  it('never throws on odd input and answers quickly on adversarial text', () => {
    const inputs = [
      'a'.repeat(100_000),
      'quitte '.repeat(15_000),
      'X '.repeat(50_000),
      'Red Star '.repeat(10_000) + 'quitte X',
      '\u200d'.repeat(10_000) + 'Red Star quitte X',
      '𝕏 🏴‍☠️ مرحبا بكم في '.repeat(2000),
      'St. '.repeat(20_000),
      '',
    ];
    for (const text of inputs) {
      expect(Array.isArray(extractor.extract({ text, lang: 'fr' }))).toBe(true);
    }
    expect(extractor.extract({ text: 'quitte '.repeat(15_000) })).toEqual([]);
    expect(extractor.extract({ text: 'a'.repeat(100_000) })).toEqual([]);
  });

  it('returns nothing rather than throwing for input that is not text', () => {
    expect(extractor.extract({ text: undefined as unknown as string })).toEqual([]);
    expect(extractor.extract(null as unknown as { text: string })).toEqual([]);
  });

  it('reads only the start of a huge item', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(400)}Red Star quitte X.`;
    expect(triples(text, 'fr')).toEqual([]);
  });
});
