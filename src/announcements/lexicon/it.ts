import type { Lexicon } from './kinds.ts';

/** Italian cues, folded. */
export const it: Lexicon = {
  leave:
    'si sono ritirat* da|si e ritirat* da|ritirat* da|si ritirano da|non sara piu utente di|non sara piu presente su|non fara piu parte di|non fa piu parte di|smette di far parte di|prende le distanze da|presa le distanze da|n:abbandono di|n:abbandono del|lascia|lasciare|lasciato|lascera|lasciano|lasciamo|lasciando|abbandon*|n:addio a|n:addio al|dice addio a|dice addio al|detto addio a|detto addio al|dira addio a|dire addio a|dicono addio a|saluta|salutato|esce da|uscire da|uscito da|escono da|n:uscita da|si ritira da|ritirarsi da|ritirato da|si ritira dal|n:ritiro da|n:ritiro dal|se ne va da|va via da|chiude con|a:chiude|a:chiuso|a:chiudere|congela|congelato|congelare|archivia|archiviato|volta le spalle a|gira le spalle a|dice basta a|basta con|molla|mollato|diserta|disertare|n:fuga da|fugge da|n:esodo da|esodo|n:addio|si cancella da|si disiscrive|sparisce da|stacca la spina|addio|arrivederci|pone fine alla sua|mette fine alla sua|ha messo fine alla sua|n:uscite di|n:uscita di|non e piu su|non e piu presente su|non piu su|a:chiud*|n:fine della sua presenza su|n:fine della presenza su|resta fuori da|rimane fuori da|restera fuori da|rimarra fuori da',
  stay:
    'resta su|restera su|restare su|restano su|rimane su|rimarra su|rimanere su|rimangono su|continua su|continuera su|mantiene il profilo|mantiene l account|mantiene la presenza|manterra|mantiene|resta|rimane|restera|rimarra|resta attivo su|rimane attivo su|resta presente|rimane presente|continuare su|continuera a usare|a:mantiene|a:manterra|a:mantenere|a:conserva*|a:mantengono|restera anche su|rimarra anche su|continuera anche su|resta anche su',
  join:
    'entrare a far parte di|entra a far parte di|entrato a far parte di|entrata a far parte di|entrano a far parte di|primi passi su|i primi passi su|ora e su|ora anche su|adesso e su|e ora su|e ora anche su|sbarca su|sbarcato su|sbarcata su|sbarcati su|sbarcate su|approdata su|approdati su|approdate su|e sbarcata|e sbarcato|sono sbarcati|e approdata|e approdato|sono approdati|sbarcare su|sbarcano su|approda su|approdato su|approdare su|approdano su|arriva su|arrivato su|arrivare su|arrivano su|n:arrivo su|n:sbarco su|n:approdo su|si unisce a|unirsi a|entra su|entrato su|entra in|a:apre|a:aperto|a:crea|a:creato|a:lancia|a:lanciato|a:inaugura|a:inaugurato|a:nuovo|debutta su|debutto su|esordisce su|esordio su|ora anche su|adesso anche su|si iscrive a|iscritto a|si iscrive su|punta su|scommette su|atterra su|a:apre|a:aprono|a:aprire|a:aprira|a:apriranno|a:aprendo|a:apri|a:aprirono|a:aprirsi|a:apriva|a:aprivano|a:creava|a:creavano|a:crea|a:creano|a:creato|a:creata|a:creati|a:create|a:creare|a:creera|a:creando|a:creazione|a:crearono|a:lanc*|a:inaugur*',
  pause: 'pausa|boicott*|black out|blackout|silenzio|sciopero|si ferma|stop|sospend*|si ferma sui social|stop ai social|sospes*',
  onset: 'ora|adesso|da oggi|ormai|da ieri|inizia a|comincia a|inizia|comincia',
  temp: 'temporaneamente|per 24 ore|per 48 ore|24 ore|48 ore|72 ore|questo fine settimana|nel fine settimana|per il weekend|per una settimana|momentaneamente|provvisoriamente|per ... giorni|per ... ore|per tutto il fine settimana|fine settimana',
  return:
    'torna su|tornato su|tornare su|tornera su|tornano su|ritorna su|n:ritorno su|di nuovo su|a:riattiva|a:riattivato|riattiva|a:riapre|a:riaperto|rientra su|n:rientro su|torna a|tornato a|rientra',
  delete: 'a:cancella|a:cancellato|a:cancellare|a:elimina|a:eliminato|a:eliminare|a:rimuove|a:rimosso|a:disattiva|a:disattivato|a:disattivare|n:cancellazione|n:eliminazione',
  use: 'usa|utilizza|usare|utilizzare|utilizzera|pubblica|pubblicare|pubblichera|posta|postare|twitta|attivo su|attiva su|presente su|presenza su|aggiornare|aggiorna|aggiornera|comunica su|comunicare su|accordo con|partnership con|collaborazione con|si allea con|presenti su|presenti|saremo su|siamo su|saremo presenti',
  cease: 'non ... piu|smette di|smettera di|smesso di|smettere di|cessa|cessera|stop a|pone fine|pone fine a|mette fine a|chiude con|basta|interrompe|interrompera|interrotto',
  continue: 'continua|continuera|continuare|prosegue|proseguira|ancora|resta|rimane|manterra|per ora|per il momento|al momento',
  follow: 'fatto il passo|fa il passo|compiuto il passo|fatto questo passo|compiuto questo passo|la stessa posizione|lo aveva gia fatto|lo hanno gia fatto|lo ha gia fatto|segue l esempio|seguono l esempio|seguito l esempio|seguire l esempio|segue le orme|seguire le orme|seguono le orme|fa lo stesso|fara lo stesso|ha fatto lo stesso|fare lo stesso|imita|imitare|imitato|si accoda|accodarsi|si aggiunge alla lista|lo stesso passo|la stessa scelta|la stessa decisione|seguito da|seguiti da|hanno seguito',
  migrate: 'passa a|passato a|passare a|trasloca su|trasloca|migra|migra su|migra verso|migrato|si trasferisce|si sposta su|si sposta verso|sostituisce|migr* su|migr* verso|migr* a',
  idiom: 'non solo|non soltanto|non solamente|non molte|non molti|non tante|non tanti|non poche|non pochi|non mancano',
  neg: 'non|mai|nessun|nessuna|neanche|nemmeno|neppure|ne|senza',
  modal:
    'accarezza l idea|accarezzano l idea|l idea di|valutano|pensano di|riflettono|considerano|studiano|ipotizzano|minacciano|riducono|limitano|discutono|meditano|non escludono|progetta|progettano|pianifica|pianificano|intenzione di|liberi di|libero di|libera di|valuta|valutando|valutare|valutazione|pensa di|pensando di|pensa a|riflette|riflettendo|riflessione|considera|considerando|studia|studiando|potrebbe|potrebbero|forse|eventual*|possibil*|ipotesi|ipotizza|indiscrezion*|rumor*|voci|si vocifera|sembrerebbe|secondo indiscrezioni|chiede|chiedono|chiesto|mozione|votazione|vota|votare|proposta|propone|sondaggio|se|minaccia|ridurre|riduce|limitare|meno|discute|discutendo|dibattito|tentazione|tentata|tentato|medita|meditando|non esclude|non e escluso|sul tavolo|perche|affinche|lettera|petizione|richiesta|richieste|pressioni|appello|ammette|ammettono',
  undecided: 'non ha ancora deciso|non ancora deciso|nessuna decisione|ancora da decidere|decisione non ancora|non e ancora stata presa|non ha deciso|da definire|ancora aperta|non risulta|non sa',
  deny: 'esclude|escluso|smentisce|smentito|smentita|nega|negato|respinge|rifiuta|categorico|smentiscono',
  report: 'annuncia|annunciato|comunica|comunicato|conferma|confermato|spiega|spiegato|dichiara|dichiarato|afferma|scrive|ha scritto|fa sapere|nota|ufficializza|ufficiale|rende noto|si legge|risposto|risponde',
  nocomment:
    'non ha voluto commentare|nessun commento|non commenta|non ha commentato|bocche cucite|non ha risposto|preferito non commentare|non ha rilasciato|nessuna risposta|non si e espresso|silenzio dal club|evita di commentare',
  hack: 'hacker*|hackerato|hackerata|violato|violata|attacco informatico|compromess*|phishing|truffa|pirat*|sospeso da|bloccato da|sospesa da|e stato sospeso|e stata sospesa|e stato bloccato',
  fake: 'falso|falsa|fake|parodia|non ufficiale|finto|finta|impostor*|clone|account di tifosi',
  post: 'post|tweet|messaggio|video|foto|immagine|storia|contenuto|pubblicazione|meme|commenti|commento',
  account: 'account|profilo|profili|pagina|canale|presenza|attivita|avventura|canali|pagine',
  person:
    'io|comune|consiglio comunale|universita|ateneo|figlio|figlia|moglie|fratello|giocatore|giocatrice|giocatori|attaccante|portiere|difensore|centrocampista|capitano|allenatore|tecnico|mister|presidente|direttore|direttore sportivo|dirigente|proprietario|patron|ministro|ministra|politico|sindaco|governo|partito|tifosi|tifoso|ultras|curva|soci|abbonati|giornalista|stella|leggenda|influencer|miliardario|magnate|musk|elon musk|ex giocatore|bandiera|campione|candidato|deputato|senatore|tifoseria|centravanti|terzino|trequartista|calciatore|calciatori|regista|bomber|ala destra|ala sinistra',
  generic: 'coloro che|quelli che|diversi club|molti club|altri club|alcuni club|tanti club|numerosi club|i club|club italiani|club europei|squadre|societa di calcio|enti|organizzazioni|media|aziende|universita|istituzioni|utenti|federazioni|leghe|altri|nessuno|nessun club|nessuna societa',
  anaphor: 'club|il club|societa|la societa|squadra|la squadra|formazione|compagine|sodalizio|il sodalizio|entrambi i club|le due societa|i due club',
  pronoun: 'che|il quale|la quale|esso|essa|lui|lei',
  first: 'noi|nostro|nostra|nostri|nostre|ci|lasciamo|abbandoniamo|restiamo|sbarchiamo|arriviamo|siamo|saremo|abbiamo',
  precedent: 'dopo|come|come gia|sulla scia di|sulla scia del|sulle orme di|sulle orme del|seguendo|a seguito di|al pari di|al pari del|cosi come|analogamente a',
  including: 'tra cui|tra i quali|come|compreso|inclusi|incluso|tra questi|tra gli altri|fra cui',
  contrast: 'ma|mentre|pero|tuttavia|invece|al contrario|a differenza di|a differenza del|diversamente da|eppure|nonostante|malgrado|anche se|a favore di|in favore di',
  against: 'contro|vs|versus|batte|battuto|sconfitta|vittoria|pareggio|derby|sfida|ospita|affronta|supera|travolge',
  also: 'anche|pure|a sua volta|ugualmente|altro club|ultimo club|l ultimo|nuovo club',
  conj: 'e|ed|nonche|oltre a|ne',
  loc: 'su|sul|sulla|in|via|tramite|attraverso',
  from: 'cresciuto nel|cresciuto nella|formatosi nel|ex|da|dal|dalla|di|del|della|dell|dello|degli|dei|delle|d',
  to: 'a|al|alla|su|verso|sul|per',
  article: 'il|lo|la|i|gli|le|l|un|una|uno|suo|sua|suoi|proprio|propria',
  platformAnaphor: 'la piattaforma|il social|la rete|il social network|la rete sociale|quel social|questo social|il social di musk|piattaforma|social network|li|la sopra',
};
