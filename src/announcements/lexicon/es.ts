import type { Lexicon } from './kinds.ts';

/** Spanish cues, folded. */
export const es: Lexicon = {
  leave:
    'ya no sera usuario de|dejara de ser usuario de|deja de ser usuario de|deja de formar parte de|dejara de formar parte de|dejo de formar parte de|ya no formara parte de|ya no forma parte de|no formara mas parte de|se distancia de|se distancio de|distanciandose de|distanciandose del|abandon*|deja|dejara|dejar|dejo|dejan|dejaran|dejamos|dejado|sale de|salir de|salio de|saldra de|salen de|sale del|salio del|n:salida de|n:salida del|se va de|se marcha de|se marcho de|se fue de|se ira de|irse de|se despide de|se despidio de|despedirse de|se despiden de|dice adios a|dijo adios a|decir adios a|dice adios al|adios a|adios al|se retira de|se retiro de|retirarse de|se retiran de|n:retirada de|da la espalda a|dio la espalda a|dar la espalda a|a:cierra|a:cerro|a:cerrar|a:cerrara|congela|congelada|congelado|congelar|archiva|archivada|desaparece de|huye de|huyen de|n:exodo|n:adios a|abandono|rompe con|rompio con|se baja de|se bajo de|se aleja de|se alejo de|desconecta de|cuelga|n:marcha de|n:marcha del|n:abandono de|n:adios de|adios|hasta siempre|pone fin a su|puso fin a su|puesto fin a su|pone punto final a su|puesto punto final a su|n:adios del|se da de baja de|se dio de baja de|dado de baja de|darse de baja de|da de baja su cuenta|n:salidas de|n:salidas del|se desvincula de|se desvinculo de|desvincularse de|se desliga de|se aparta de|se aparto de|ya no esta en|no esta mas en|ya no estara en|a:cierr*|a:cerr*|n:fin de su presencia en|n:final de su presencia en|se mantiene fuera de|sigue fuera de|seguira fuera de',
  stay:
    'sigue en|seguira en|seguir en|siguen en|continua en|continuara en|continuar en|permanece en|permanecera en|permanecer en|permanecen en|se queda en|se quedara en|quedarse en|se quedan en|se mantiene en|se mantendra en|mantiene su cuenta|mantendra su cuenta|mantiene su presencia|mantener su presencia|mantendra su presencia|seguira presente|sigue presente|sigue activo|seguira activo|permanecera activo|se queda|permanece|mantiene|mantendra|seguira|sigue|va a continuar en|a:mantiene|a:mantendra|a:mantener|a:conserva*|a:mantendran|a:mantienen|seguira tambien en|continuara tambien en|sigue tambien en',
  join:
    'entrar a formar parte de|entra a formar parte de|pasa a formar parte de|paso a formar parte de|primeros pasos en|sus primeros pasos en|se une a|se unio a|unirse a|se unen a|se suma a|se sumo a|sumarse a|se suman a|llega a|llego a|llegan a|aterriza en|aterrizo en|desembarca en|desembarco en|a:abre|a:abrio|a:crea|a:creo|a:estrena|a:estreno|a:lanza|a:lanzo|a:inaugura|a:nueva|debuta en|debuto en|ya esta en|ya tiene cuenta en|se incorpora a|se incorporo a|n:llegada a|se apunta a|se apunto a|se registra en|se registro en|ahora en|ahora tambien en|desembarco en|apuesta por|aposto por|se estrena en|se estreno en|hace su debut en|aterrizaje en|irrumpe en|aparece en|a:abr*|a:abierto|a:abierta|a:abiertos|a:abiertas|a:cre*|a:lanz*|a:inaugur*|a:estren*',
  pause: 'pausa|boicot*|apagon|silencio|se desconecta|desconexion|huelga|parada|se calla|suspend*|silencia|silencio en',
  onset: 'ahora|desde|ya|a partir de hoy|desde hoy|empieza a|comienza a|pasa a|empezo a|comenzo a',
  temp: 'temporalmente|durante 24 horas|durante 48 horas|24 horas|48 horas|72 horas|este fin de semana|durante el fin de semana|durante una semana|provisionalmente|momentaneamente|durante ... dias|durante ... horas|durante ... semanas|por ... dias',
  return:
    'vuelve a|volvio a|volver a|vuelven a|regresa a|regreso a|regresar a|n:regreso a|n:vuelta a|retorna a|retorno a|a:reactiva|a:reactivo|a:reactivar|reactiva|de vuelta en|ha vuelto a|vuelve al|regresa al',
  delete: 'a:elimin*|a:borr*|a:desactiv*|a:suprim*|n:eliminacion de|a:cancela|a:cancelo',
  use: 'usa|usar|utiliza|utilizar|publica|publicar|publicara|publicando|tuitea|tuitear|activo en|activa en|presente en|presencia en|utilizara|usara|actualiza|actualizar|se alia con|alianza con|acuerdo con|colaboracion con|asociacion con|estamos en|estaremos en|esta en|nos vemos en|encontraras|nos encontraras',
  cease: 'ya no|deja de|dejara de|dejo de|dejar de|dejan de|cesa|cesara|cese|no ... mas|nunca mas|pone fin a|puso fin a|poner fin a|termina con|acaba con|dejara de publicar|dejara de usar',
  continue: 'sigue|seguira|continua|continuara|seguir|continuar|mantiene|mantendra|todavia|aun|por ahora|por el momento|de momento',
  follow: 'dado el paso|dio el paso|da el paso|dar el paso|la misma posicion|ya lo hizo|ya lo habia hecho|ya lo hicieron|sigue el ejemplo|siguen el ejemplo|siguio el ejemplo|seguir el ejemplo|sigue los pasos|siguio los pasos|seguir los pasos|siguen los pasos|imita|imito|imitar|hace lo mismo|hizo lo mismo|hara lo mismo|hacer lo mismo|se suma a la lista|el mismo paso|la misma decision|mismo camino|seguido por|seguidos por|le siguieron|siguieron',
  migrate: 'se muda a|se mudo a|mudarse a|se pasa a|se paso a|pasarse a|migra a|migro a|emigra a|emigro a|cambia|cambio|se traslada a|se traslado a|sustituye|reemplaza|migr* a|migr* hacia|se mud* a',
  idiom: 'no solo|no solamente|no unicamente|no muchos|no muchas|no pocos|no pocas',
  neg: 'no|nunca|jamas|tampoco|ni|ninguna|ningun|sin intencion|ni se plantea|sin',
  modal:
    'acaricia la idea|la idea de|estudian|evaluan|valoran|sopesan|analizan|plantean|consideran|piensan en|barajan|debaten|amenazan|reducen|limitan|se preguntan|contemplan|no descartan|planea|planean|planeaba|planeando|planeado|libres de|libre de|libres para|estudia|estudiando|evalua|evaluando|valora|valorando|sopesa|sopesando|analiza|analizando|plantea|se plantea|planteado|considera|considerando|piensa en|pensando en|baraja|barajando|debate|debatiendo|podria|podrian|quiza|quizas|tal vez|posible*|rumor*|especula*|supuestamente|segun fuentes|al parecer|pide|piden|pidieron|pidio|exige|exigen|reclama|reclaman|mocion|votacion|vota|votar|votaran|propuesta|propone|si|encuesta|amenaza|amenazo|reducir|reduce|reducira|limitar|limita|menos|se pregunta|debatira|estudiara|no descarta|no se descarta|sobre la mesa|se especula|pedir|pedirle|solicita|solicitan|solicitar|reclamar|exigir|exigirle|firmas|recogida de firmas|para que|carta|peticion|a fin de que|peticiones|reclamaciones|admite|admiten|contempla',
  undecided: 'no ha decidido|aun no ha decidido|todavia no ha decidido|todavia no|sin decidir|no hay decision|sin decision|aun no|por decidir|no ha tomado una decision|no ha tomado ninguna decision|decision pendiente|no le consta|no tiene constancia|desconoce',
  deny: 'descarta|descarto|descartan|descartado|niega|nego|desmiente|desmintio|rechaza|rechazo|desmentido',
  report: 'anuncia|anuncio|anunciado|comunica|comunico|confirma|confirmo|explica|explico|informa|informo|asegura|aseguro|declara|declaro|dijo|dice|afirma|afirmo|comunicado|segun el club|senalo|senala|escribio|escribe|confirmado|explicado|informado|asegurado|respondido',
  nocomment:
    'no quiso comentar|declino comentar|rehuso comentar|sin comentarios|no ha respondido|no respondio|no hizo comentarios|prefirio no pronunciarse|no se ha pronunciado|no quiso pronunciarse|no ha querido|no ha comentado|no comento|guarda silencio|guardo silencio|no comenta|evito comentar|evita pronunciarse',
  hack: 'hacke*|jaque*|pirate*|vulnerad*|comprometid*|ciberataque|robo de cuenta|estafa|phishing|suspendida por|bloqueada por|suspendido por|fue suspendida|ha sido suspendida|fue suspendido|ha sido suspendido|fue bloqueada',
  fake: 'falsa|falso|falsas|falsos|suplant*|parodia|no oficial|fake|impostor|cuenta de aficionados',
  post: 'publicacion|mensaje|tuit|tweet|post|video|foto|imagen|historia|meme|contenido|comentarios',
  account: 'cuenta|cuentas|perfil|perfiles|pagina|canal|presencia|actividad|etapa|andadura|aventura|canales|paginas',
  person:
    'fanaticos|fanatico|fanaticas|jugador|jugadora|jugadores|delantero|portero|defensa|centrocampista|capitan|entrenador|tecnico|mister|presidente|presidenta|director|director deportivo|directivo|dueno|propietario|ministro|ministra|politico|alcalde|alcaldesa|gobierno|partido|aficionados|aficion|hinchas|hinchada|socios|socio|ultras|penas|periodista|estrella|leyenda|influencer|multimillonario|magnate|musk|elon musk|exjugador|expresidente|expresidenta|exentrenador|exfutbolista|exdirectivo|extecnico|exportero|exdelantero|seguidores|candidato|diputado|grada|peña|grupo de animacion|volante|arquero|guardameta|extremo|mediocampista|zaguero|mediapunta|goleador|futbolista|futbolistas|atacante|defensor|lateral',
  generic: 'quienes|aquellos que|aquellas que|todos los que|clubes|equipos|entidades|organizaciones|medios|empresas|instituciones|universidades|usuarios|varios clubes|muchos clubes|federaciones|ligas|otros|otros clubes|algunos clubes|nadie|ningun club|ninguno',
  anaphor: 'club|entidad|equipo|conjunto|escuadra|institucion|sociedad|el club|la entidad|el conjunto|ambos clubes|los dos clubes|ambos equipos',
  pronoun: 'que|el|este|esta|ella|ellos|cual|quien',
  first: 'nosotros|nuestro|nuestra|nuestros|nuestras|nos|dejamos|abandonamos|nos despedimos|nos unimos|seguimos|llegamos|nos vamos|estamos|estaremos|seremos',
  precedent: 'tras|despues de|despues del|como|al igual que|igual que|siguiendo a|siguiendo al|siguiendo los pasos de|siguiendo los pasos del|a la estela de|a la estela del|en la estela de|a rebufo de|tal como|imitando a',
  including: 'entre ellos|entre los que|como|incluido|incluidos|incluyendo|tales como|entre otros|destaca|destacan',
  contrast: 'pero|mientras|mientras que|sin embargo|aunque|en cambio|a diferencia de|a diferencia del|al contrario que|al contrario del|por su parte|no obstante|por el contrario|pese a|pese al|a pesar de|en favor de|a favor de',
  against: 'contra|ante|frente a|frente al|vs|versus|gana a|gano a|vence a|vencio a|derrota|derroto|victoria|empate|partido|derbi|clasico|recibe a|visita a|se enfrenta|se mide',
  also: 'tambien|igualmente|asimismo|otro club|ultimo club|el ultimo|nuevo club',
  conj: 'y|e|asi como|ni|ni en|ni tampoco',
  loc: 'en|a traves de|via|por',
  from: 'formado en|formado en el|canterano del|formado por el|de|del|desde',
  to: 'a|al|hacia|en|para|por',
  article: 'el|la|los|las|un|una|su|sus|lo|del|al',
  platformAnaphor: 'la red social|la plataforma|la red|dicha red|dicha plataforma|esa red social|esta red social|esa plataforma|plataforma|red social|alli|ahi',
};
