import type { ReadLanguage } from '../announcement.ts';
import type { Lexicon } from './kinds.ts';

/**
 * Cues read in published texts of the real set's tune part that the first lists lacked: how
 * journalists and clubs actually say "moves to", "is now on", "from now on". Folded like the rest.
 */
export const published: Partial<Record<ReadLanguage, Lexicon>> = {
  en: {
    join: 'launches on|launched on|launch on|launching on|established an official presence on|established a presence on|set up an account|set up its account|set up its official account|set up official|set up accounts|opened accounts|opened an account|opened its account|made accounts on|new presence on|adopting|adopts|adopted|has an account on|had an account on|now has an account|created an account|launched an official profile on|debuted on|first tweet|first post on',
    use: 'post there|posting there|post updates there|follow its updates on|follow our updates on|follow us on|find us on|communicate via|communicating via|communicates via|be using|will use|will be using|updates on|posting|posted|post any|post content|posting content|publishing|publish',
    onset: 'going forward|from now on|instead|henceforth|in future|in the future|moving forward|now on',
    migrate: 'deflect*|deflecting to|moving to|migration to|migrating to|moved its social media activity from|shifting to|transfer to|relocating to',
    pause: 'go silent|goes silent|went silent|going silent|switch off|switched off|switching off|stay off|stayed off|blackout|shut down its|shutting down its|take a break from|taking a break from',
    follow: 'joined ... in leaving|join ... in leaving|joins ... in leaving|joining ... in leaving|joined ... in quitting|joins ... in quitting|joined ... in ditching|joins ... in ditching|joined the boycott|join the boycott|joins the boycott|joining the boycott|signed up to the boycott|taking part in the boycott|take part in the boycott|will take part|takes part|joined the protest|join the protest|joined the initiative',
  },
  de: {
    join: 'schliesst sich ... an|schloss sich ... an|schliessen sich ... an|eingefuhrt|eingefuehrt|gestartet|zu starten|startet|eroffnet|eroeffnet|ist jetzt auch auf|ist nun auf|ist jetzt auf|ist auch auf|sind jetzt auf|sind nun auf|findet ihr uns auch auf|neuer kanal|neuen kanal|eigenen kanal|eigener kanal|willkommen auf|begrusste ... auf',
    use: 'uber die plattform|ueber die plattform|uber den anbieter|kommuniziert|kommunizieren|kommunizierte|genutzt|nutzen|nutzt|verwenden|verwendet|findet ihr uns|findet ihr|zu finden|fortsetzen|setzt ... fort|setzen ... fort|posten|postet|veroffentlicht|posten|gepostet|veroffentlichen|keine inhalte',
    onset: 'fortan|stattdessen|ab sofort|zusatzlich|ab jetzt|von nun an|inzwischen',
    migrate: 'wechsel zu|wechsel zur|wechselt zu|wechselt zur|wechseln zu|transfer zu|umzug zu|umzug nach|umgezogen zu|zieht um zu',
    pause: 'schaltet ... ab|schalten ... ab|abgeschaltet|abschalten|nicht bedient|nicht bespielt|nicht bespielen|verstummt|verstummen|keine beitrage|keine beitraege|keine posts|social media pause|social-media-pause',
    follow: 'beteiligt sich|beteiligen sich|beteiligte sich|beteiligten sich|nimmt ... teil|nehmen ... teil|nahm ... teil|nahmen ... teil|schliesst sich dem boykott an|dem boykott an',
  },
  fr: {
    join: 'a ouvert son compte|a ouvert un compte|ouvre son compte|ouvre un compte|a cree son compte|a cree un compte|cree sa page|a cree sa page|cree son compte|fait son apparition sur|debarque sur|nouveau venu sur|nouvelle venue sur|integre la plateforme|integrer la plateforme|a integre|s est lance sur|a un compte|possede un compte|dispose d un compte',
    use: 'via son compte|suivre sur|le suivre sur|nous suivre sur|retrouvez nous sur|publiera sur|publiera desormais sur|communiquera via|communique via|publier|publiera|publieront|poster|posteront|postera',
    onset: 'a la place|dorenavant|a l avenir|desormais|depuis le',
    migrate: 'migrer vers|passer sur|passe sur|est passe sur|se rendre sur|rejoindre|pour se rendre sur|demenager vers',
    pause: 'ferme* ses comptes|fermeront leurs comptes|fermer leurs comptes|couper ses reseaux|coupe ses reseaux|coupera|couperont|aucune publication|silence sur les reseaux|deconnect*',
    follow: 'se joint au|se joignent au|se joindre au|s associe au|s associent au|s est associe|participe au boycott|participeront au boycott|participer au boycott|rejoint le boycott|rejoignent le boycott|rejoindre le boycott|adhere au|ont emboite le pas|emboite le pas|emboitent le pas',
    leave: 'arrete x|arreter x|arrete twitter|arreter twitter|se retir* du|se retir* des|son depart du|faire ses adieux a',
  },
  es: {
    join: 'se han sumado a|se ha sumado a|se sumo a|se suman a|sumarse a|se sumaron a|abrio una cuenta|abrio su cuenta|abrieron su perfil|abrieron sus perfiles|abrio su perfil|crearse cuenta|creo una cuenta|creo su cuenta|se unio a|se unieron a|se une a|se unen a|dado el paso a|dio el paso a|desembarca en|desembarco en|aterriza en|aterrizo en|llega a|llego a|estrena cuenta|estreno cuenta|nueva cuenta|primer tuit|debut en|debuto en',
    use: 'canal de comunicacion|nuevo canal|como su nuevo canal|publicara en|comunicara a traves de|a traves de|publicar|publicara|publicaran|postear|publicaciones',
    onset: 'en su lugar|a partir de ahora|de ahora en adelante|ahora|desde ahora',
    migrate: 'cambio a|cambia a|cambiar a|cambiaron a|pasarse a|se paso a|se pasa a|paso a|mudanza a|se muda a|se mudo a|migro a|migra a|migrar a|eligiendo',
    pause: 'sin publicar|apagara|apagaran|apagar sus redes|apagon digital|cerrara sus cuentas|cerraran sus cuentas',
    follow: 'emul*|imitaron|hicieron lo mismo|siguieron el ejemplo|se adhiere|se adhieren|se adhirio|se adhirieron|participara en el boicot|participaran en el boicot|se suma al boicot|se suman al boicot|se sumo al boicot|se sumaron al boicot|se une al boicot|se unen al boicot|se unio al boicot',
  },
  it: {
    join: 'sbarca su|sbarcato su|sbarcata su|sbarcano su|approda su|approdato su|approdata su|ha aperto|hanno aperto|aperto un canale|aperto il canale|apre un canale|apre il suo canale|attivato|attivati|attivata|lancia il|ha lanciato|hanno lanciato|lanciato il|e arrivato su|e arrivata su|arriva su|si e unito a|si e unita a|si sono uniti a|nuovo canale|debutto su|debutta su|esordio su|esordisce su|gia presenti|hanno aderito|ha aderito|adesioni',
    use: 'utilizzare|usare|comunicare tramite|comunichera su|pubblichera su|pubblicare|pubblichera|pubblicheranno|postare|pubblicazioni',
    onset: 'invece|d ora in poi|da ora|ora|da oggi|d ora in avanti',
    migrate: 'passa a|passato a|passata a|migra su|migrato su|trasloca su|trasloco su|si sposta su|spostato su',
    pause: 'nessun post|nessuna pubblicazione|spegne i social|spegnera|spegneranno|spegnere i social|chiuderanno|chiudera i suoi account|oscura|oscurano|oscurati',
    follow: 'fa seguito|emula*|hanno imitato|si sono accodat*|aderisce|aderiscono|ha aderito|hanno aderito|aderira|aderiranno|partecipa al boicottaggio|parteciperanno al boicottaggio|si unisce al boicottaggio|si uniscono al boicottaggio',
  },
  pt: {
    join: 'se juntou a|juntou se a|se junta a|se juntaram a|chega ao|chegou ao|chega a|chegou a|estreia no|estreou no|estreou na|estreia na|abriu uma conta|abriu conta|criou uma conta|criou conta|criou um perfil|entra no|entrou no|entra na|entrou na|aderiu ao|aderiu a|lanca canal|lancou canal|lancou o canal|lancou seu canal|novo canal|agora esta no|agora esta na|ativa desde',
    use: 'publicar no|publicar na|usar|utilizar|comunicar pelo|comunicar pela|publicar|publicara|postar|exibirao|exibir|postagens',
    onset: 'em vez disso|a partir de agora|agora|doravante|de agora em diante',
    migrate: 'muda para|mudou para|migra para|migrou para|migrar para|trocou|troca|passou para|passa para|mudanca para',
    pause: 'sem publicacoes|desliga|desligam|desligara|desligarao|apagao digital|ficar em silencio|ficara em silencio|vai ficar em silencio|boicotar',
    follow: 'emul*|imitaram|fizeram o mesmo|seguiram o exemplo|junta se ao boicote|juntando se a iniciativa|juntando se ao|junta se a iniciativa|associou se ao boicote|associa se ao boicote|aderiu ao boicote|aderem ao boicote|adere ao boicote',
  },
};
