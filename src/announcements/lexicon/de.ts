import type { Lexicon } from './kinds.ts';

/** German cues, folded ("ü" is "u", "ß" is "ss"). Separable verbs use `a ... b`. */
export const de: Lexicon = {
  leave:
    'verlass*|verliess|verliessen|n:abschied von|n:abschied bei|verabschiedet sich von|verabschieden sich von|verabschiedete sich von|verabschiedet sich|verabschiedet|zieht sich ... zuruck|ziehen sich ... zuruck|zog sich ... zuruck|zogen sich ... zuruck|zuruckgezogen|zuruckziehen|zuruckzuziehen|n:ruckzug von|n:ruckzug bei|n:ruckzug aus|ruckzug|kehrt ... den rucken|kehren ... den rucken|kehrte ... den rucken|den rucken kehren|den rucken zu kehren|den rucken gekehrt|steigt ... aus|steigen ... aus|stieg ... aus|ausgestiegen|aussteigen|auszusteigen|n:ausstieg bei|n:ausstieg aus|ausstieg|n:abkehr von|abkehr|n:exit|raus bei|raus aus|sagt ... adieu|sagt ... tschuss|sagt ... lebewohl|sagen ... tschuss|legt ... auf eis|auf eis gelegt|auf eis|eingefroren|einfrieren|friert ... ein|archiviert|archiv|stillgelegt|legt ... still|macht schluss mit|schluss mit|verzicht*|wendet sich ... ab|wenden sich ... ab|abgewandt|abwenden|meidet|a:schliesst|a:geschlossen|a:dicht|dreht ... den rucken|adieu|tschuss|good bye|goodbye|flucht von|n:abgang von|abgang|geht von bord|von bord|einstellen|stellt ... ein|stellen ... ein|stellte ... ein|eingestellt|verabschieden uns von|verabschieden wir uns von|verabschiede mich|sagen ... adieu|kehren ... rucken',
  stay:
    'bleibt|bleiben|bleibe|geblieben|verbleibt|verbleiben|halt ... fest|halten ... fest|festhalten|halt an|halten an|treu|weiter auf|weiterhin auf|weiterhin bei|weiter bei|bleibt vorerst|vorerst weiter|behalt|behalten|beibehalten',
  join:
    'tritt ... bei|treten ... bei|beigetreten|n:beitritt|ist jetzt auf|ist nun auf|ist jetzt bei|ist nun bei|ist ab sofort auf|ist ab sofort bei|ab sofort auf|ab sofort bei|ab sofort auch|jetzt auch auf|nun auch auf|jetzt auch bei|nun auch bei|seit heute auf|seit heute bei|startet auf|startet bei|starten auf|gestartet|a:startet|a:eroffnet|a:eroffnen|a:eroffnete|a:angelegt|a:legt ... an|a:neuer|a:neuen|a:neues|neu auf|neu bei|setzt ... auf|setzen ... auf|auf ... setzen|auf ... setzt|setzt kunftig auf|n:start auf|n:start bei|gibt ... debut|feiert ... premiere|angemeldet|meldet sich ... an|registriert|landet auf|landet bei|gelandet|zu finden|erreichbar|findet man|eigenen kanal|eigenes profil|ist auch auf|jetzt bei|jetzt auf',
  pause: 'pause|pausiert|pausieren|legt ... pause ein|aussetzen|setzt ... aus|setzen ... aus|ausgesetzt|boykott*|schweigt|schweigen|funkstille|blackout|stillhalten|sendepause',
  onset: 'seit|jetzt|nun|ab sofort|neu|seit heute|mittlerweile|inzwischen|neuerdings|beginnt|startet',
  temp: 'vorubergehend|zeitweise|zeitweilig|fur 24 stunden|fur 48 stunden|24 stunden|48 stunden|72 stunden|am wochenende|dieses wochenende|ein wochenende|fur eine woche|tage lang|befristet|bis montag|bis sonntag|fur ... tage|fur ... stunden|fur ... wochen|bis jahresende|bis zum jahresende|bis ende',
  return:
    'kehrt ... zuruck|kehren ... zuruck|kehrte ... zuruck|zuruckgekehrt|zuruckkehren|zuruckzukehren|n:ruckkehr zu|n:ruckkehr auf|ruckkehr|ist zuruck auf|ist zuruck bei|wieder auf|wieder bei|wieder aktiv|a:reaktiviert|a:reaktivieren|meldet sich ... zuruck|comeback|kommt ... zuruck|kam ... zuruck|zuruck auf',
  delete: 'a:losch*|a:geloscht|a:entfernt|a:deaktiviert|a:deaktivieren|a:deaktiviere|n:loschung|a:loeschen',
  use: 'nutzt|nutzen|genutzt|nutzung|benutzt|postet|posten|gepostet|veroffentlicht|veroffentlichen|aktiv|vertreten|prasent|prasenz|bespielt|bespielen|bespielung|twittert|twittern|kommuniziert|kommunizieren|verbreitet|aktivitat|aktivitaten|kanal|tweets',
  cease: 'nicht mehr|keine ... mehr|kein ... mehr|keinen ... mehr|hort ... auf|horen ... auf|aufhoren|aufzuhoren|beendet|beenden|beendete|stoppt|stoppen|gestoppt|schluss|ende|einstellen|einzustellen|stellt ... ein|stellen ... ein|stellte ... ein|eingestellt|nimmer|nie wieder|kunftig nicht',
  continue: 'weiterhin|weiter|nach wie vor|auch kunftig|auch weiterhin|vorerst|bleibt|weiter aktiv',
  follow: 'folgt dem beispiel|folgen dem beispiel|folgte dem beispiel|folgten dem beispiel|dem beispiel|zieht nach|ziehen nach|zog nach|nachgezogen|nachziehen|tut es ... gleich|tun es ... gleich|tat es ... gleich|taten es ... gleich|es gleichtun|macht es ... nach|schliesst sich ... an|schliessen sich ... an|schloss sich ... an|angeschlossen|sich anschliessen|den gleichen schritt|den selben schritt|denselben schritt',
  migrate: 'wechselt zu|wechselt von|wechseln zu|wechselt auf|wechselt nach|wechselte zu|wechselte auf|umzug|zieht ... um|ziehen ... um|umgezogen|umziehen|migriert|migration|ersetzt|tauscht',
  neg: 'nicht|kein|keine|keinen|keinem|keiner|niemals|nie|denkt nicht daran|kommt nicht in frage|kommt nicht infrage|ohne|weder|noch nicht',
  modal:
    'erwag*|uberleg*|pruft|prufen|gepruft|prufung|denkt ... nach|denken ... nach|nachdenken|nachgedacht|diskutier*|debatt*|soll|sollen|moglich*|eventuell|angeblich|geruch*|spekul*|berichten zufolge|medienberichten|fordert|fordern|forderte|forderten|forderung|antrag|antrage|abstimm*|mitgliederversammlung|petition|umfrage|appell|aufruf|ruft ... auf|rufen ... auf|ob|falls|wenn|reduzieren|reduziert|einschranken|eingeschrankt|weniger|zuruckfahren|droht|drohen|drohte|liebaugelt|denkbar|gedankenspiele|sondieren|sondiert|plant eventuell|steht zur debatte|zur diskussion|in frage|infrage|stellt ... in frage|hinterfragt|kritisiert|kritik|mitgliedern|vorschlag|schlagt vor',
  undecided: 'noch nicht entschieden|noch keine entscheidung|keine entscheidung|offen gelassen|lasst offen|lasst ... offen|offen ob|noch unklar|unklar|steht noch aus|noch nicht festgelegt|noch offen|nicht entschieden',
  deny: 'schliesst ... aus|schliessen ... aus|schloss ... aus|ausgeschlossen|dementiert|dementi|weist ... zuruck|wies ... zuruck|lehnt ... ab|lehnte ... ab|verneint|absage|erteilt ... absage|kommt nicht in frage|kommt nicht infrage',
  report:
    'kundigt ... an|kundigte ... an|angekundigt|teilt ... mit|teilte ... mit|mitgeteilt|erklart|erklarte|bestatigt|bestatigte|bestatigen|gab ... bekannt|gibt ... bekannt|bekanntgegeben|verkundet|verkundete|sagte|sagt|schreibt|schrieb|betont|betonte|mitteilung|erklarung|stellungnahme|heisst es|laut|begrundet|begrundete',
  nocomment:
    'wollte sich ... nicht|will sich ... nicht|aussert sich nicht|ausserte sich nicht|keine stellungnahme|auf anfrage nicht|nicht aussern|nicht geaussert|kein kommentar|nicht kommentieren|nicht kommentiert|unbeantwortet|keine angaben|hielt sich bedeckt|halt sich bedeckt|schweigt dazu|kommentiert ... nicht|aussert sich ... nicht',
  hack: 'gehackt|hack*|kompromittiert|gekapert|cyberangriff|phishing|betrug|betruger*|ubernommen',
  fake: 'fake*|gefalscht*|falsch* account|falsches profil|falscher account|parodie*|inoffiziell*|nicht offiziell|unecht*|fan account|fanaccount|imitiert',
  post: 'post|posting|beitrag|tweet|nachricht|video|foto|bild|grafik|story|meme|eintrag|beitrage|posts',
  account: 'account|accounts|konto|profil|kanal|seite|auftritt|prasenz|aktivitaten|aktivitat|kanale|x account|handle',
  person:
    'spieler|spielerin|sturmer|torwart|keeper|verteidiger|mittelfeldspieler|kapitan|trainer|cheftrainer|coach|prasident|prasidentin|vorsitzender|vorstandschef|vorstandsvorsitzender|geschaftsfuhrer|sportdirektor|sportvorstand|manager|eigentumer|investor|minister|ministerin|bundeskanzler|kanzler|politiker|politikerin|burgermeister|abgeordnete|abgeordneter|partei|regierung|fans|fan|anhanger|ultras|mitglieder|mitglied|journalist|moderator|star|legende|influencer|milliardar|musk|elon musk|fanszene|fanclub|fanclubs|fanhilfe|kurve|sudkurve|ostkurve|nordkurve|gegengerade|fangruppen|fanvertreter|supporters|profi|profis|nationalspieler|ex profi|weltmeister|kommentator|experte|unternehmer|ministerium|bundesregierung|kandidat|aufsichtsrat|aufsichtsratschef',
  generic:
    'vereine|klubs|clubs|teams|mannschaften|organisationen|unternehmen|medien|institutionen|universitaten|hochschulen|bundesligisten|zweitligisten|drittligisten|viele vereine|mehrere vereine|zahlreiche|nutzer|user|verbande|ligen|profiklubs|profivereine|sportvereine|andere|weitere vereine|einige|etliche',
  anaphor:
    'verein|klub|club|bundesligist|zweitligist|drittligist|erstligist|aufsteiger|absteiger|tabellenfuhrer|traditionsverein|traditionsklub|kultklub|kultverein|profiklub|fussballklub|fussballverein|bremer|freiburger|dortmunder|gladbacher|hamburger|berliner|munchner|kolner|mainzer|stuttgarter|frankfurter|leipziger|wolfsburger|augsburger|heidenheimer|bochumer|hoffenheimer|leverkusener|kieler|schalker|dusseldorfer|nurnberger|karlsruher|paderborner|darmstadter|rostocker|magdeburger|braunschweiger|elversberger|regensburger|ulmer|munsteraner|dresdner|bielefelder|saarbrucker|aachener|osnabrucker|mannheimer|wiesbadener|essener|duisburger|ingolstadter|hannoveraner|lauterer|fursther|regionalligist|oberligist|viertligist|amateurklub|amateurverein|traditionsclub',
  pronoun: 'er|sie|es|dieser|diese|welcher|welche|der|die|das|man',
  first: 'wir|unser|unsere|unseren|unserem|unserer|uns',
  precedent: 'nach|wie|wie zuvor|wie schon|wie bereits|ebenso wie|genau wie|ahnlich wie|im gefolge von|in den fussstapfen von|nachdem|dem beispiel von|dem beispiel des|nach dem vorbild von|nach dem vorbild des|im windschatten von|vorreiter|vorgemacht',
  including: 'darunter|unter anderem|u a|etwa|wie|beispielsweise|zum beispiel|z b|allen voran|vor allem|namentlich|namlich|inklusive|einschliesslich',
  contrast: 'aber|wahrend|jedoch|doch|dagegen|hingegen|anders als|im gegensatz zu|im gegensatz zum|im unterschied zu|allerdings|trotzdem|sondern|dafur|indes|indessen',
  against: 'gegen|gegenuber|vs|schlagt|schlug|besiegt|besiegte|niederlage|remis|duell|derby|empfangt|trifft auf|traf auf|gewinnt gegen|verliert gegen|unterliegt|sieg gegen|sieg uber',
  also: 'auch|ebenfalls|ebenso|gleichfalls|nun auch|jetzt auch|als nachster|als nachstes|als weiterer|weiterer|nachster|jungste|jungster|neuester|nachste',
  conj: 'und|sowie|als auch|wie auch',
  loc: 'auf|bei|uber|via|in|im',
  from: 'von|vom|aus',
  to: 'zu|nach|auf|zum|richtung',
  article: 'der|die|das|den|dem|des|ein|eine|einen|einem|einer|seinen|seine|seinem|seines|ihr|ihren|ihre|ihrem|sein',
  platformAnaphor: 'die plattform|der plattform|diese plattform|dieser plattform|der kurznachrichtendienst|dem kurznachrichtendienst|den kurznachrichtendienst|des kurznachrichtendienstes|das netzwerk|dem netzwerk|den dienst|dem dienst|das soziale netzwerk|dem sozialen netzwerk|der plattform des|die musk plattform|musk plattform|plattform|dort|darauf',
};
