/**
 * The words of the generated news: per language, headlines and lead sentences of the kind sports
 * outlets publish every day (match reports, transfers, injuries, tickets), a few that mention a
 * social network without any move on it, and real announcements of clubs leaving, staying on or
 * joining a platform. `{club}` and `{other}` are club names, `{n}` a number, `{player}` a name.
 */
export type BenchLanguage = 'fr' | 'en' | 'de' | 'es' | 'it' | 'pt';

export interface LanguageText {
  /** Headlines with no announcement in them. */
  headlines: string[];
  /** Sentences that fill a lead up to its usual length. */
  fillers: string[];
  /** Headlines that mention X or Bluesky without any club moving. */
  nearMisses: string[];
  /** Headline and first sentence of a real announcement. */
  announcements: Array<[string, string]>;
  players: string[];
}

export const corpusText: Record<BenchLanguage, LanguageText> = {
  fr: {
    headlines: [
      '{club} s’impose face à {other} au terme d’un match fou',
      'Mercato : {club} proche d’un accord pour {player}',
      '{club} : {player} forfait pour trois semaines',
      'Ligue 1 : les notes de {club} – {other}',
      '{club} dévoile son nouveau maillot extérieur',
      'Conférence de presse : l’entraîneur de {club} fait le point avant {other}',
      'Billetterie : {club} annonce {n} abonnés, un record',
      '{club} et {other} se neutralisent dans un derby tendu',
    ],
    fillers: [
      'Le club a confirmé l’information dans un communiqué publié en fin de matinée.',
      'Les supporters étaient venus en nombre malgré la pluie, et l’ambiance a été à la hauteur.',
      'L’entraîneur a salué l’état d’esprit de son groupe tout en regrettant un manque de réalisme.',
      'Le défenseur central, touché à la cuisse, devrait manquer les deux prochaines rencontres.',
      'Selon nos informations, les discussions avancent et une visite médicale pourrait avoir lieu cette semaine.',
      'Le président a rappelé les ambitions du club : une qualification européenne dès cette saison.',
      'La rencontre se jouera à guichets fermés, {n} places ayant été vendues en quelques heures.',
      'Au classement, l’équipe remonte à la quatrième place, à deux points du podium.',
      'Le jeune milieu formé au club a prolongé son contrat jusqu’en 2029.',
      'La direction n’a pas souhaité commenter les rumeurs de départ de son capitaine.',
    ],
    nearMisses: [
      '{club} annonce sur X la prolongation de {player}',
      'La vidéo de {club} publiée sur X dépasse le million de vues',
      'Sur Bluesky, les supporters de {club} réagissent au nul contre {other}',
    ],
    announcements: [
      ['{club} quitte X', '{club} a annoncé ce mercredi qu’il quittait le réseau social X, dénonçant la montée des discours haineux.'],
      ['{club} rejoint Bluesky', '{club} a ouvert un compte sur Bluesky et invite ses supporters à le suivre sur le réseau.'],
      ['{club} n’envisage pas de quitter X', 'Interrogé par nos soins, {club} a fait savoir qu’il restera sur X pour informer ses supporters.'],
    ],
    players: ['Mathis Lemoine', 'Yanis Benali', 'Hugo Marchand', 'Kylian Dufour', 'Théo Garnier'],
  },
  en: {
    headlines: [
      '{club} beat {other} in a thriller at home',
      'Transfer news: {club} close in on {player}',
      '{club} confirm {player} out for three weeks',
      'Player ratings: {club} v {other}',
      '{club} unveil their new away kit',
      'Press conference: {club} boss previews the trip to {other}',
      '{club} sell {n} season tickets, a club record',
      '{club} and {other} share the points in a tense derby',
    ],
    fillers: [
      'The club confirmed the news in a statement released late on Tuesday morning.',
      'Supporters turned out in numbers despite the rain, and the atmosphere matched the occasion.',
      'The manager praised the attitude of his squad but regretted a lack of sharpness in front of goal.',
      'The centre-back, who felt his hamstring, is expected to miss the next two matches.',
      'Talks are said to be advanced and a medical could take place later this week.',
      'The chairman repeated the club’s ambition of European football by the end of the season.',
      'The game will be played in front of a full house, with {n} tickets sold within hours.',
      'The win lifts the side to fourth in the table, two points off the top three.',
      'The academy midfielder has signed a new contract running until 2029.',
      'The club declined to comment on speculation about the future of its captain.',
    ],
    nearMisses: [
      '{club} announce {player} extension in a video posted on X',
      'The {club} goal clip shared on X passes a million views',
      'On Bluesky, {club} fans react to the draw with {other}',
    ],
    announcements: [
      ['{club} leave X', '{club} said on Wednesday that they are leaving X, citing the spread of hate speech on the platform.'],
      ['{club} join Bluesky', '{club} have opened an account on Bluesky and asked supporters to follow them there.'],
      ['{club} will stay on X', '{club} told us they will remain on X, which they still see as the quickest way to reach fans.'],
    ],
    players: ['Jack Holloway', 'Marcus Reid', 'Ollie Bennett', 'Tom Harding', 'Kieran Walsh'],
  },
  de: {
    headlines: [
      '{club} schlägt {other} in einem packenden Spiel',
      'Transfer: {club} vor Einigung mit {player}',
      '{club} muss drei Wochen auf {player} verzichten',
      'Die Noten zum Spiel {club} gegen {other}',
      '{club} stellt das neue Auswärtstrikot vor',
      'Pressekonferenz: {club}-Trainer vor dem Duell mit {other}',
      '{club} meldet {n} Dauerkarten, so viele wie nie',
      '{club} und {other} trennen sich im Derby unentschieden',
    ],
    fillers: [
      'Der Verein bestätigte die Nachricht am Vormittag in einer Mitteilung.',
      'Trotz Regen kamen die Fans in großer Zahl, die Stimmung im Stadion war hervorragend.',
      'Der Trainer lobte die Einstellung seiner Mannschaft, bemängelte aber die Chancenverwertung.',
      'Der Innenverteidiger zog sich eine Oberschenkelverletzung zu und fällt vorerst aus.',
      'Die Gespräche sollen weit fortgeschritten sein, der Medizincheck könnte noch diese Woche folgen.',
      'Der Präsident bekräftigte das Ziel, in dieser Saison das internationale Geschäft zu erreichen.',
      'Das Spiel ist mit {n} Zuschauern ausverkauft, die Karten waren in wenigen Stunden vergriffen.',
      'In der Tabelle klettert das Team auf Rang vier, zwei Punkte hinter den Champions-League-Plätzen.',
      'Das Eigengewächs aus dem Mittelfeld hat seinen Vertrag bis 2029 verlängert.',
      'Zu den Gerüchten um die Zukunft des Kapitäns wollte sich der Verein nicht äußern.',
    ],
    nearMisses: [
      '{club} verkündet auf X die Vertragsverlängerung von {player}',
      'Das Torvideo von {club} auf X knackt die Million',
      'Auf Bluesky diskutieren Fans von {club} über das Remis gegen {other}',
    ],
    announcements: [
      ['{club} verlässt X', '{club} hat angekündigt, die Plattform X zu verlassen, und begründet den Schritt mit Hass und Hetze.'],
      ['{club} ist jetzt auf Bluesky', '{club} ist ab sofort auf Bluesky aktiv und lädt die Fans ein, dem Verein dort zu folgen.'],
      ['{club} bleibt auf X', '{club} bleibt vorerst auf X, wie der Verein auf Nachfrage mitteilte.'],
    ],
    players: ['Lukas Brandt', 'Jonas Albrecht', 'Felix Hartmann', 'Niklas Vogt', 'Tim Kessler'],
  },
  es: {
    headlines: [
      '{club} vence a {other} en un partido de locos',
      'Mercado: {club} cerca de un acuerdo por {player}',
      '{club}: {player} estará tres semanas de baja',
      'Las notas del {club} – {other}',
      '{club} presenta su nueva camiseta visitante',
      'Rueda de prensa: el técnico de {club} analiza la visita a {other}',
      '{club} supera los {n} abonados, un récord',
      '{club} y {other} empatan en un derbi tenso',
    ],
    fillers: [
      'El club confirmó la noticia en un comunicado publicado a media mañana.',
      'La afición acudió en masa pese a la lluvia y el ambiente estuvo a la altura.',
      'El entrenador elogió la actitud de su plantilla, aunque lamentó la falta de acierto.',
      'El central sufre una lesión en el muslo y se perderá los dos próximos encuentros.',
      'Según nuestras informaciones, las negociaciones avanzan y el reconocimiento médico podría ser esta semana.',
      'El presidente recordó el objetivo del club: volver a jugar en Europa esta misma temporada.',
      'El partido se jugará con el estadio lleno, tras venderse {n} entradas en pocas horas.',
      'En la clasificación, el equipo sube a la cuarta plaza, a dos puntos del podio.',
      'El joven centrocampista de la cantera ha renovado su contrato hasta 2029.',
      'El club no quiso comentar los rumores sobre el futuro de su capitán.',
    ],
    nearMisses: [
      '{club} anuncia en X la renovación de {player}',
      'El vídeo del gol de {club} publicado en X supera el millón de visitas',
      'En Bluesky, los aficionados de {club} reaccionan al empate con {other}',
    ],
    announcements: [
      ['{club} abandona X', '{club} anunció este miércoles que abandona la red social X por la difusión de mensajes de odio.'],
      ['{club} se une a Bluesky', '{club} ha abierto una cuenta en Bluesky y pide a sus aficionados que lo sigan allí.'],
      ['{club} seguirá en X', '{club} ha confirmado que seguirá en X, que considera esencial para informar a su afición.'],
    ],
    players: ['Álvaro Ruiz', 'Pablo Serrano', 'Iker Navarro', 'Sergio Molina', 'Dani Castro'],
  },
  it: {
    headlines: [
      '{club} batte {other} al termine di una partita pazza',
      'Calciomercato: {club} vicino all’accordo per {player}',
      '{club}: {player} fermo per tre settimane',
      'Le pagelle di {club} – {other}',
      '{club} presenta la nuova maglia da trasferta',
      'Conferenza stampa: l’allenatore di {club} presenta la sfida con {other}',
      '{club} supera quota {n} abbonati, è record',
      '{club} e {other} pareggiano in un derby teso',
    ],
    fillers: [
      'La società ha confermato la notizia con un comunicato diffuso in tarda mattinata.',
      'I tifosi sono arrivati numerosi nonostante la pioggia e l’atmosfera è stata all’altezza.',
      'L’allenatore ha elogiato l’atteggiamento della squadra, ma ha lamentato la scarsa precisione.',
      'Il difensore centrale ha accusato un problema alla coscia e salterà le prossime due gare.',
      'Secondo le nostre informazioni la trattativa è avanzata e le visite mediche potrebbero arrivare in settimana.',
      'Il presidente ha ribadito l’obiettivo della società: tornare in Europa già in questa stagione.',
      'La partita si giocherà a stadio esaurito, con {n} biglietti venduti in poche ore.',
      'In classifica la squadra sale al quarto posto, a due punti dal podio.',
      'Il giovane centrocampista del vivaio ha rinnovato il contratto fino al 2029.',
      'La società non ha voluto commentare le voci sul futuro del capitano.',
    ],
    nearMisses: [
      '{club} annuncia su X il rinnovo di {player}',
      'Il video del gol di {club} pubblicato su X supera il milione di visualizzazioni',
      'Su Bluesky i tifosi di {club} commentano il pareggio con {other}',
    ],
    announcements: [
      ['{club} lascia X', '{club} ha annunciato mercoledì di lasciare il social network X, denunciando la diffusione di messaggi d’odio.'],
      ['{club} sbarca su Bluesky', '{club} ha aperto un account su Bluesky e invita i tifosi a seguirlo.'],
      ['{club} resta su X', '{club} ha fatto sapere che resterà su X, ritenuto ancora essenziale per informare i tifosi.'],
    ],
    players: ['Lorenzo Bianchi', 'Matteo Ricci', 'Davide Colombo', 'Andrea Greco', 'Simone Villa'],
  },
  pt: {
    headlines: [
      '{club} vence {other} numa partida eletrizante',
      'Mercado: {club} perto de acertar com {player}',
      '{club}: {player} fica fora por três semanas',
      'As notas de {club} x {other}',
      '{club} apresenta o novo uniforme reserva',
      'Entrevista coletiva: técnico do {club} projeta o duelo com {other}',
      '{club} passa de {n} sócios-torcedores, um recorde',
      '{club} e {other} empatam em clássico tenso',
    ],
    fillers: [
      'O clube confirmou a notícia em comunicado divulgado no fim da manhã.',
      'A torcida compareceu em peso apesar da chuva, e o ambiente esteve à altura.',
      'O treinador elogiou a atitude do elenco, mas lamentou a falta de pontaria.',
      'O zagueiro sentiu a coxa e deve desfalcar a equipe nos próximos dois jogos.',
      'Segundo apurou a reportagem, as conversas avançam e os exames médicos podem ocorrer nesta semana.',
      'O presidente reforçou a meta do clube: voltar à Libertadores já nesta temporada.',
      'A partida terá casa cheia, com {n} ingressos vendidos em poucas horas.',
      'Na tabela, a equipe sobe para a quarta posição, a dois pontos do G3.',
      'O jovem volante formado na base renovou contrato até 2029.',
      'A diretoria não quis comentar os rumores sobre o futuro do capitão.',
    ],
    nearMisses: [
      '{club} anuncia no X a renovação de {player}',
      'Vídeo do gol do {club} publicado no X passa de um milhão de visualizações',
      'No Bluesky, torcedores do {club} reagem ao empate com {other}',
    ],
    announcements: [
      ['{club} deixa o X', 'O {club} anunciou nesta quarta-feira que vai deixar a rede social X, citando a disseminação de discursos de ódio.'],
      ['{club} entra no Bluesky', 'O {club} abriu uma conta no Bluesky e convidou os torcedores a segui-lo por lá.'],
      ['{club} continuará no X', 'O {club} informou que vai permanecer no X, que considera essencial para falar com a torcida.'],
    ],
    players: ['Gabriel Souza', 'Lucas Ferreira', 'Matheus Lima', 'Rafael Costa', 'Pedro Almeida'],
  },
};
