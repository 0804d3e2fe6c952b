import { describe, expect, it } from 'vitest';
import { extractor, triples } from '../helpers/extract-triples.ts';

// Phrasings met in published texts of the real set's tune part, each read as its words say.
describe('extractor: phrasings of published texts', () => {
  it('reads the imperfect of a verb whose stem ends in "r" as a fact, the conditional as a plan', () => {
    expect(triples("Quinze jours plus tôt, l'OM ouvrait son compte officiel sur le réseau social chinois Weibo.", 'fr')).toEqual(['olympique-de-marseille other join']);
    expect(triples("L'OM ouvrirait son compte officiel sur le réseau social chinois Weibo.", 'fr')).toEqual([]);
    expect(triples('El Real Madrid abría en 2009 su cuenta oficial en Twitter.', 'es')).toEqual(['real-madrid x join']);
    expect(triples('El Real Madrid abriría su cuenta oficial en Twitter.', 'es')).toEqual([]);
  });

  it('reads the usual ways of opening an account in Spanish and Italian', () => {
    expect(triples('El Rayo Vallecano ha abierto una cuenta en Bluesky.', 'es')).toEqual(['rayo-vallecano bluesky join']);
    expect(triples('Il Bologna ora è su Bluesky.', 'it')).toEqual(['bologna-fc bluesky join']);
  });

  it('reads X before "per" or "por" as the platform unless a number or a unit follows', () => {
    expect(triples('Il Bologna sospende la sua attività su X per una settimana.', 'it')).toEqual(['bologna-fc x pause']);
    expect(triples('O Botafogo suspende as publicações no X por uma semana.', 'pt')).toEqual(['botafogo x pause']);
    expect(triples('O Botafogo deixou o X.', 'pt')).toEqual(['botafogo x leave']);
    expect(triples('O Botafogo deixou de marcar X por jogo.', 'pt')).toEqual([]);
  });

  it('gives a join the year the item dates it to, within its clause', () => {
    const yearOf = (text: string, lang: string) => extractor.extract({ text, lang, authorClubId: null }).map((a) => `${a.club.id} ${a.platform} ${a.action} ${a.year ?? '-'}`);
    expect(yearOf('FC Barcelona launched its official Twitter account in Arabic in 2012.', 'en')).toEqual(['fc-barcelona x join 2012']);
    expect(yearOf('In 2012, FC Barcelona launched its official Twitter account in Arabic.', 'en')).toEqual(['fc-barcelona x join 2012']);
    expect(yearOf('Im Frühjahr 2010 startete der 1. FC Köln seine offiziellen Auftritte bei Facebook.', 'de')).toEqual(['1-fc-koln facebook join 2010']);
    expect(yearOf('Brentford have joined Bluesky, the platform founded in 2021 by Jack Dorsey.', 'en')).toEqual(['brentford-fc bluesky join -']);
    expect(yearOf('Red Star FC quitte X en 2024.', 'fr')).toEqual(['red-star-fc x leave -']);
  });

  it('reads a German club going to a platform as moving there', () => {
    expect(triples('Mainz 05 zieht sich von X zurück und geht zu Bluesky', 'de')).toEqual(['1-fsv-mainz-05 bluesky join', '1-fsv-mainz-05 x leave']);
  });

  it('reads early adopters of a new app as joining it, and knows Vine, Naver, Foursquare and Flickr', () => {
    expect(triples('Liverpool and Southampton have also been quick to use Vine, the new video app.', 'en')).toEqual(['liverpool-fc other join', 'southampton-fc other join']);
    expect(triples('Wolves created an account on Naver when Hwang signed.', 'en')).toEqual(['wolverhampton-wanderers other join']);
    expect(triples('Fulham began using Foursquare in 2010.', 'en')).toEqual(['fulham-fc other join']);
    expect(triples('The vine outside Anfield is older than the club.', 'en')).toEqual([]);
  });

  it('reads a club taking its first steps on a platform as joining it', () => {
    expect(triples('Der SC Freiburg wird deshalb erste Schritte auf der Plattform Bluesky gehen.', 'de')).toEqual(['sc-freiburg bluesky join']);
    expect(triples('Le Stade Rennais fait ses premiers pas sur Bluesky.', 'fr')).toEqual(['stade-rennais bluesky join']);
  });

  it('reads no pause in a league suspending its season, and no club in a word glued to its name', () => {
    expect(triples('La NBA ha sospeso la stagione. Instagram, YouTube e Facebook trasmetteranno partite del passato.', 'it')).toEqual([]);
    expect(triples('Leicester-shire and Rutland Sport will be supporting the boycott of Facebook, Twitter and Instagram.', 'en')).toEqual([]);
    expect(triples('Leicester City will be supporting the boycott of Facebook, Twitter and Instagram.', 'en')).toEqual(['leicester-city facebook pause', 'leicester-city instagram pause', 'leicester-city x pause']);
  });

  it('reads a player trained at a club as the one acting, not the club', () => {
    expect(triples('Le joueur formé à Barcelone a été obligé de supprimer son compte Twitter.', 'fr')).toEqual([]);
    expect(triples('Le FC Barcelone a supprimé son compte Twitter.', 'fr')).toEqual(['fc-barcelona x delete']);
  });

  it('reads no account opened when something is made through one', () => {
    expect(triples('LaLiga has created the #HolaLaLiga challenge via its official TikTok account.', 'en')).toEqual([]);
    expect(triples('LaLiga has created its official TikTok account.', 'en')).toEqual(['laliga tiktok join']);
  });

  it('reads a platform named just before the verb as the one acting', () => {
    expect(triples('Twitch launches sports channel with backing from Real Madrid and Juventus.', 'en')).toEqual([]);
    expect(triples('Facebook cancella la pagina della Carrarese.', 'it')).toEqual([]);
    expect(triples('Real Madrid launches a sports channel on Twitch.', 'en')).toEqual(['real-madrid other join']);
  });

  it('reads no move of the club when the accounts are its players\' or the doers its fans', () => {
    expect(triples('In January 2010, Manchester United shut down Facebook and Twitter accounts for all of its players.', 'en')).toEqual([]);
    expect(triples('Manchester United deleted its Facebook account.', 'en')).toEqual(['manchester-united facebook delete']);
    expect(triples('Los fanáticos del Liverpool han unido fuerzas para crear canales en YouTube.', 'es')).toEqual([]);
  });

  it('reads words of opening and keeping only in their own forms, not in "aprile", "crescere", "abril" or "maintenant"', () => {
    expect(triples("Ad aprile il Novara vuole far crescere la sua pagina Instagram.", 'it')).toEqual([]);
    expect(triples('En abril el Rayo Vallecano quiere crecer en su cuenta de Instagram.', 'es')).toEqual([]);
    expect(triples('Il Novara ha aperto la sua pagina Instagram.', 'it')).toEqual(['novara-fc instagram join']);
    expect(triples('El CD Tenerife fue reacio a abrirse su propia cuenta oficial en Twitter, pero lo hizo.', 'es')).toEqual(['cd-tenerife x join']);
  });

  it('reads a son, a daughter or a wife as persons, and "l\'on" as anyone', () => {
    expect(triples("L'OM perd un soutien. Le fils de Bernard Tapie, Stéphane a semble-t-il claqué la porte de l'ex Twitter devenu X.", 'fr')).toEqual([]);
  });

  it('reads an account deactivated for a stated time as a pause', () => {
    expect(triples('Palmeiras deactivated its Twitter account for 13 hours.', 'en')).toEqual(['palmeiras x pause']);
    expect(triples('Palmeiras deactivated its Twitter account.', 'en')).toEqual(['palmeiras x delete']);
  });

  it('reads a city council as no club, though it bears the club\'s name', () => {
    expect(triples('El Ayuntamiento de Barcelona abandonará la red social X de Elon Musk a partir del 31 de enero.', 'es')).toEqual([]);
    expect(triples('Der FC Barcelona verlässt X.', 'de')).toEqual(['fc-barcelona x leave']);
  });

  it('reads "the platform" a club left as the one the item is about, not the one named last', () => {
    const text =
      'Der SC Freiburg verlässt den Kurznachrichtendienst X. Des Weiteren kündigte der Verein an, künftig auf der Plattform Bluesky Inhalte zu posten. ' +
      'Zuvor hatten etwa auch Werder Bremen und St. Pauli ihren Ausstieg bei der Plattform verkündet.';
    expect(triples(text, 'de')).toEqual(['fc-st-pauli x leave', 'sc-freiburg bluesky join', 'sc-freiburg x leave', 'werder-bremen x leave']);
  });
});

