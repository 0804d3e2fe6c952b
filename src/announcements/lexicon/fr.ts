import type { Lexicon } from './kinds.ts';

/** French cues, folded (no accents; apostrophes split words: "l om", "n envisage"). */
export const fr: Lexicon = {
  leave:
    'ne sera plus utilisateur de|cesse d etre utilisateur de|ne fera plus partie de|ne fait plus partie de|ne fera plus partie du|ne fait plus partie du|prend ses distances avec|prennent leurs distances avec|a pris ses distances avec|n:retraite de|quitt*|se retire de|se retire d|se retirent de|s est retire de|se retirer de|se retirera de|n:retrait de|n:retrait d|n:depart de|n:depart d|claque la porte de|claque la porte d|tourne le dos a|tourne le dos au|tourner le dos a|tournent le dos a|a tourne le dos a|dit adieu a|dit adieu au|dire adieu a|fait ses adieux a|fait ses adieux au|abandonn*|delaiss*|desert*|sort de|sortir de|sort d|a:ferme|a:fermer|a:fermera|gel*|fige|fige son compte|mis en sommeil|met en sommeil|en sommeil|archive|archives|conserve comme archive|se desengage de|se desabonne de|n:exit de|fait ses valises|plie bagage|n:sortie de|n:sortie d|met fin a sa presence sur|met un terme a sa presence sur|cesse toute activite sur|boude|ne sera plus present sur|adieu|au revoir|debranche|met fin a sa|mis fin a sa|met un terme a sa|mis un terme a sa|cess* toute publication|cess* toute activite|cess* de publier|ne sera plus active sur|ne sera plus actif sur|n:depart du|n:depart des|n:retrait du|n:sortie du|cess* de publier sur|cess* toute publication sur|cess* toute activite sur|arret* de publier sur|n:departs de|n:departs du|n:departs des|n est plus sur|n est plus present sur|n est plus presente sur|plus present sur|tourne la page|tourner la page|a tourne la page|met* un terme a son|met* un terme a sa|met* fin a son|met* fin a sa|mis un terme a son|mis fin a son|a:ferm*|n:fin de sa presence sur|n:fin de son activite sur|n:fin de sa presence|c est fini pour|reste en dehors de|restera en dehors de|reste a l ecart de',
  stay:
    'reste|restera|rester|restent|resteront|restons|reste present|reste actif|demeure|demeurera|maintient sa presence|maintient son compte|maintiendra sa presence|maintenir sa presence|garde son compte|gardera son compte|conserve son compte|conservera son compte|conserve sa presence|fidele a|reste fidele a|continue sur|continuera sur|reste sur place|resterait|resteraient|resterons|restera present|restera actif|continuer sur|continuera d utiliser|continuer d utiliser|a:garde*|a:conserve*|a:maint*|restera aussi sur|reste aussi sur|continuera aussi sur|restera egalement sur',
  join:
    'rejoint|rejoindre|rejoignent|rejoindra|rejoignons|arrive sur|arrive a|arrivent sur|debarque sur|debarquent sur|debarque|s installe sur|s installent sur|s est installe sur|s inscrit sur|s est inscrit sur|fait son arrivee sur|fait ses debuts sur|a:lance|a:lancer|a:ouvre|a:ouvert|a:ouvrir|a:cree|a:creer|a:inaugure|nouveau compte|est desormais sur|est maintenant sur|desormais present sur|desormais sur|desormais aussi sur|aussi sur|prend ses quartiers sur|atterrit sur|n:arrivee sur|mise sur|parie sur|se lance sur|fait le saut vers|fait le grand saut vers|a:ouvr*|a:cre*|a:lanc*|a:inaugur*',
  pause: 'pause|met en pause|mis en pause|suspend*|boycott*|silence radio|fait une pause|observe une pause|coupure|black out|blackout|greve|se tait|se taire|mutisme|silence|se met en silence|suspendra|suspendre',
  onset: 'desormais|depuis|maintenant|a present|des aujourd hui|aujourd hui|nouvellement|commence a|se met a',
  temp: 'temporairement|provisoirement|momentanement|pendant 24 heures|pendant 48 heures|pendant 72 heures|pendant une semaine|le temps d un week end|ce week end|tout le week end|24 heures|48 heures|72 heures|une journee|pour une journee|le temps du match|pendant ... jours|pendant ... heures|pendant ... semaines|de vendredi a lundi|du vendredi au lundi|jusqu a lundi|jusqu a dimanche|jusqu au|le week end',
  return:
    'revient sur|revenu sur|reviendra sur|revenir sur|n:retour sur|fait son retour sur|retourne sur|de retour sur|a:reactive|a:reactiver|reprend ses publications sur|reprend du service sur|reapparait sur',
  delete: 'a:supprim*|a:efface|a:effacer|a:desactiv*|n:suppression de',
  use: 'utilis*|publi*|poste|postera|tweete|tweeter|actif sur|active sur|alimente|alimenter|communique sur|communiquer sur|communiquera sur|s exprime sur|s exprimer sur|anime|animer|present sur|presente sur|s associe a|s associe avec|partenariat avec|accord avec|collaboration avec|s allie a|presents sur|presentes sur|sommes sur|serons sur|serons presents|communiqu* via|communiqu* sur|communiquera|communiquer via',
  cease: 'ne ... plus|n ... plus|arrete de|arrete d|arreter de|arretera de|cesse de|cesse d|cessera de|cesser de|met fin a|mettre fin a|met un terme a|fin de|ne plus|plus jamais|stoppe|stopper|arret* de|arret* d|cess* de|cess* d',
  continue: 'continue a|continue de|continue d|continuera a|continuera de|continuer a|continuer de|poursuit|poursuivra|poursuivre|toujours|pour l instant|pour le moment|a ce stade',
  follow: 'emboit* le pas|suit le mouvement|suivre le mouvement|suivra le mouvement|suivent le mouvement|suivre l exemple|suit l exemple|suivra l exemple|suivre la voie|imite|imiter|suivra pas|suivre pas|suit pas|fait de meme|fera de meme|fait pareil|en fait autant|fera autant|sui* le mouvement|sui* l exemple|sui* la voie|fait le meme choix|pris la meme decision|fait la meme chose|le meme chemin|suivis par|suivi par|ont suivi|a suivi',
  migrate: 'migre vers|migre sur|migrer vers|migrent vers|bascule vers|bascule sur|basculer vers|se tourne vers|se tournent vers|passe a|passe de|demenage sur|demenage vers|troque|migr* vers|migr* sur',
  idiom: 'franchi le pas|franchit le pas|franchir le pas|franchissent le pas|ont franchi le pas|sauter le pas|saute le pas|sautent le pas|le premier pas|un premier pas|un pas|le pas|ce pas|pas a pas',
  neg: 'pas|jamais|aucun|aucune|aucunement|nullement|pas question|hors de question|refuse de|refuse d|non plus|rien|ne rien|sans',
  modal:
    'prevoit de|prevoient de|projette de|projettent de|projet de|libres de|libre de|autorise a|autorises a|autorisees a|envisag*|pourrait|pourraient|songe|songerait|reflechi*|reflexion|etudie|etudier|examine|examiner|evalue|evaluer|s interroge|s interrogent|interroge|se pose la question|debat|debattre|hesite|hesiter|menace de|menace|rumeur*|bruit|bruits|serait sur le point|potentiel*|eventuel*|possible*|possibilite|hypothese|demande*|appel*|exhort*|pression|motion|vote|voter|sondage|propos*|petition|si|s il|reduire|reduit|limiter|moins|questionne|pese|peser|penche|tente|tentation|tenter|tente de|n exclut pas|pas exclu|pourrait bientot|a l etude|a l etude la|plancher|planche|serait|seraient|ferait|pour que|afin que|lettre ouverte|demandant|demandes|reclament|reclamation|appels|admet|admettent',
  undecided: 'pas encore decide|pas encore tranche|pas encore pris|pas tranche|rien n est decide|aucune decision|pas de decision|indecis|en suspens|pas arrete|rien n est fait|reste a voir|pas au courant|n a pas connaissance',
  deny: 'exclut|exclu|ecarte|dement|dementi|dementent|refute|balaie|balaye|pas question|hors de question',
  report:
    'annonce|annonce que|a annonce|annoncait|indique|a indique|explique|precise|confirme|officialise|communique|declare|affirme|assure|fait savoir|a fait savoir|selon le club|dans un communique|estime|ecrit|a ecrit|repondu|repond|confirme que',
  nocomment:
    'n a pas souhaite commenter|pas souhaite commenter|refuse de commenter|sans commentaire|n a pas repondu|pas donne suite|aucun commentaire|pas souhaite s exprimer|n a pas commente|pas souhaite reagir|n a pas souhaite reagir|se refuse a tout commentaire|pas voulu commenter|n a pas voulu commenter|garde le silence|ne commente pas|se refuse a commenter|ne souhaite pas commenter',
  hack: 'pirat*|hack*|compromis|pris le controle|cyberattaque|arnaque|escroquer*|suspendu par|suspendue par|bloque par|banni|a ete suspendu|a ete suspendue|a ete bloque|a ete temporairement suspendu',
  fake: 'faux compte|faux comptes|faux profil|compte parodique|parodi*|usurp*|fake|compte non officiel|se fait passer|se faisant passer|imposteur',
  post: 'post|tweet|message|publication|video|photo|visuel|image|story|billet|contenu|montage|meme|gazouillis|commentaires|commentaire',
  account: 'compte|comptes|profil|page|chaine|presence|activite|activites|canal|aventure',
  person:
    'joueur|joueuse|joueurs|attaquant|defenseur|gardien|milieu|buteur|entraineur|coach|selectionneur|president|presidente|directeur|dirigeant|proprietaire|actionnaire|capitaine|ministre|depute|deputee|maire|homme politique|politique|elu|elus|supporters|supporter|fans|fan|ultras|adherents|socios|journaliste|consultant|star|international|legende|ancien joueur|influenceur|milliardaire|musk|elon musk|patron|homme d affaires|candidat|senateur|gouvernement|parti|groupe de supporters|associations de supporters|collectif|virage|tribune|footballeur|footballeuse|footballeurs|ailier|lateral|avant centre|arriere gauche|arriere droit',
  generic:
    'clubs|equipes|formations|institutions|medias|entreprises|marques|organisations|personnalites|federations|ligues|universites|plusieurs clubs|de nombreux clubs|nombre de clubs|utilisateurs|acteurs|structures|personne|aucun club|aucune formation',
  anaphor: 'club|formation|equipe|institution|pensionnaire|promu|ecurie|le club|la formation|pensionnaire de|club amateur|formation amateur|les deux clubs|les deux formations',
  pronoun: 'il|elle|celui ci|ce dernier|lui|ils|elles|qui|lequel|laquelle|celle ci',
  first: 'nous|notre|nos|quittons|rejoignons|restons|arretons|avons decide|on quitte|on reste|serons|sommes|avons',
  precedent:
    'apres|a l instar de|a l instar du|a l instar des|comme|tout comme|dans le sillage de|dans le sillage du|sur les traces de|sur les traces du|suivant|a la suite de|a la suite du|emboitant le pas a|emboitant le pas au|au tour de|au tour du|rejoignant|imitant',
  including: 'dont|parmi lesquels|notamment|comme|tels que|tel que|a savoir|y compris|parmi eux|citons',
  contrast: 'mais|alors que|tandis que|contrairement a|contrairement au|contrairement aux|a l inverse de|a l inverse du|en revanche|cependant|pourtant|quant a|quant au|de son cote|pour sa part|en attendant|toutefois|malgre|bien que|quoique|au profit de|au profit d|au profit du|au benefice de',
  against: 'contre|face a|face au|versus|vs|affronte|bat|battu|recoit|recevra|se deplace a|derby|adversaire|defaite|victoire',
  also: 'aussi|egalement|a son tour|de meme|lui aussi|elle aussi|meme chemin|dernier en date|nouveau club|le dernier',
  conj: 'et|ainsi que|de meme que|tout en|ou',
  loc: 'sur|via|dans|en|par|aupres',
  from: 'de|d|du|des',
  to: 'vers|pour|sur|a|au',
  article: 'le|la|les|l|un|une|son|sa|ses|leur|leurs|du|de|d|des|au|aux|ce|cette',
  platformAnaphor: 'le reseau social|la plateforme|le reseau|ce reseau|cette plateforme|le reseau social americain|l application|le site|le reseau a l oiseau bleu|plateforme|reseau social|le reseau social d elon musk',
};
