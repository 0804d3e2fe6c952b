import type { Lexicon } from './kinds.ts';

/** Portuguese cues (Brazil and Portugal), folded. */
export const pt: Lexicon = {
  leave:
    'nao sera mais um usuario da|nao sera mais um usuario do|nao sera mais usuario da|nao sera mais usuario do|nao e mais usuario da|nao e mais usuario do|nao fara mais parte da|nao fara mais parte do|nao faz mais parte da|nao faz mais parte do|deixa de fazer parte da|deixa de fazer parte do|deixou de fazer parte da|deixou de fazer parte do|se distancia do|se distancia da|distanciando se do|distanciando se da|deixa|deixar|deixou|deixara|deixam|deixaram|deixamos|deixando|abandon*|sai do|sai da|sai de|saiu do|saiu da|saiu de|sair do|sair da|sair de|saira do|saira da|saem do|sairam do|n:saida do|n:saida da|n:saida de|se despede do|se despede da|despede se do|despede se da|despediu se do|se despediu do|despedir se do|diz adeus ao|disse adeus ao|adeus ao|da adeus ao|deu adeus ao|diz adeus a|se retira do|retira se do|retirou se do|se retirou do|n:retirada do|vira as costas|virou as costas|da as costas|deu as costas|a:encerra|a:encerrou|a:encerrar|a:fecha|a:fechou|congela|congelada|congelou|arquiva|arquivada|arquivou|debandada|n:adeus ao|rompe com|rompeu com|larga|largou|se afasta do|afasta se do|adeus|tchau|pos fim a sua|poe fim a sua|encerra sua|encerrou sua|encerra a sua|encerrou a sua|desliga|n:saidas de|n:saidas do|n:saidas da|n:saidas dos|ja nao esta no|ja nao esta na|nao esta mais no|nao esta mais na|a:fech*|a:encerr*|n:fim da sua presenca no|n:fim da presenca no|deixado|deixe|deixem|fica fora do|fica fora da|ficara fora do',
  stay:
    'permanece no|permanece na|permanecera no|permanecer no|continua no|continua na|continuara no|segue no|segue na|seguira no|fica no|fica na|ficara no|ficar no|mantem|mantera|manter|mantem ... conta|mantem ... perfil|mantem ... presenca|permanece|continua ativo|segue ativo|se mantem|seguira|fica|continuar no|continuar na|continuar em|vai continuar|a:manter|a:mantem|a:mantera|a:vao manter|a:conserva*|continuar tambem no|continua tambem no|vai continuar tambem|segue tambem no|continuara tambem no',
  join:
    'passa a fazer parte do|passou a fazer parte do|passa a fazer parte da|passou a fazer parte da|primeiros passos no|primeiros passos na|primeiros passos em|entra no|entra na|entrou no|entrar no|chega ao|chega a|chegou ao|chegar ao|chegam ao|n:chegada ao|n:chegada a|estreia no|estreia na|estreou no|estrear no|desembarca no|desembarcou no|aterrissa no|aterra no|se junta ao|junta se ao|juntou se ao|adere ao|aderiu ao|a:cria|a:criou|a:abre|a:abriu|a:lanca|a:lancou|a:inaugura|a:nova|a:novo|ja esta no|agora no|marca presenca no|aposta no|apostou no|se cadastra|ingressa no|ingressou no|a:abre|a:abriu|a:abrir|a:abriram|a:aberto|a:aberta|a:abertura|a:criar|a:criaram|a:criado|a:criada|a:criados|a:criadas|a:criando|a:criacao|a:criam|a:lanc*|a:inaugur*',
  pause: 'pausa|boicot*|silencio|apagao|greve|paralisa|suspend*',
  onset: 'agora|desde|ja|a partir de hoje|desde hoje|passa a|passou a|comeca a|comecou a|passara a',
  temp: 'temporariamente|por 24 horas|por 48 horas|24 horas|48 horas|72 horas|neste fim de semana|no fim de semana|por uma semana|provisoriamente|momentaneamente|por ... dias|por ... horas|durante ... dias|durante ... horas|durante uma semana',
  return: 'volta ao|volta a|voltou ao|voltar ao|voltara ao|retorna ao|retornou ao|retornar ao|n:retorno ao|n:volta ao|a:reativa|a:reativou|a:reativar|reativa|reativou|regressa ao|regressou ao|de volta ao',
  delete: 'a:tira la do ar|a:tirar do ar|a:tirou do ar|a:tirada do ar|a:foram desativadas|a:foram desativados|a:foi desativado|a:foi desativada|a:apaga|a:apagou|a:apagar|a:exclui|a:excluiu|a:excluir|a:deleta|a:deletou|a:elimina|a:eliminou|a:remove|a:removeu|a:desativa|a:desativou|a:desativar|n:exclusao',
  use: 'usa|usar|utiliza|utilizar|publica|publicar|publicara|posta|postar|tuita|ativo no|presente no|presenca no|atualiza|atualizar|parceria com|acordo com|fecha acordo|colaboracao com|estamos no|estamos na|estamos presentes|esta no|esta na|estaremos no',
  cease: 'nao ... mais|deixa de|deixou de|deixara de|deixar de|para de|parou de|parar de|encerra|encerrou|poe fim|pos fim|acabou com|acaba com|interrompe',
  continue: 'continua|continuara|continuar|segue|seguira|seguir|mantem|mantera|ainda|por enquanto|por ora|no momento',
  follow: 'assumido a mesma posicao|assumiu a mesma posicao|a mesma posicao|deu o passo|dado o passo|da o passo|ja o fizera|ja o fez|ja o tinha feito|ja o tinham feito|segue o exemplo|seguiu o exemplo|seguir o exemplo|segue os passos|seguiu os passos|seguir os passos|faz o mesmo|fez o mesmo|fara o mesmo|fazer o mesmo|imita|imitou|o mesmo passo|a mesma decisao|o mesmo caminho|seguido pelo|seguidos pelo|seguido por|seguiram',
  migrate: 'migra para|migrou para|migrar para|muda se para|mudou se para|se muda para|se mudou para|troca|trocou|trocar|passa para|passou para|substitui|migr* para|migr* pro|muda* se para|mudaram se para',
  idiom: 'nao so|nao apenas|nao somente|nao muitos|nao muitas|nao poucos|nao poucas',
  neg: 'nao|nunca|jamais|nem|nenhum|nenhuma|tampouco|sem',
  modal:
    'a ideia de|estudam|avaliam|analisam|consideram|pensam em|cogitam|debatem|discutem|ameacam|reduzem|limitam|nao descartam|estariam|planeja|planejam|planejando|planejado|pretende|pretendem|livres para|livre para|liberados para|estuda|estudando|avalia|avaliando|analisa|analisando|considera|considerando|pensa em|pensando em|cogita|cogitando|debate|discute|poderia|poderiam|pode|podem|talvez|possivel*|eventual*|rumor*|especula*|suposta*|segundo fontes|pede|pedem|pediram|exige|exigem|reivindica|mocao|votacao|vota|votar|proposta|propoe|enquete|pesquisa|ameaca|reduzir|reduz|limitar|menos|nao descarta|estaria|deve|devera|eventual|eventualmente|peticao|abaixo assinado|carta|pedindo|solicita|para que|a fim de que|pedidos|pedido|reivindicacoes|admite|admitem|admitiu',
  undecided: 'ainda nao decidiu|nao decidiu|sem decisao|ainda nao ha decisao|nenhuma decisao|a decidir|indefinido|em aberto|ainda nao|nao sabe|desconhece',
  deny: 'descarta|descartou|nega|negou|desmente|desmentiu|rejeita|rejeitou|afasta|afastou',
  report: 'anuncia|anunciou|comunica|comunicou|confirma|confirmou|explica|explicou|informa|informou|afirma|afirmou|declara|declarou|disse|diz|nota oficial|comunicado|segundo o clube|publicou|confirmado|anunciado|respondeu|responde',
  nocomment: 'nao quis comentar|preferiu nao comentar|nao comentou|nao se pronunciou|sem comentarios|nao respondeu|nao retornou|nao se manifestou|nao quis se pronunciar|nao comenta|nao comentam|nao quis falar|evitou comentar',
  hack: 'hacke*|hackead*|invadid*|invasao|ataque hacker|comprometid*|golpe|phishing|pirate*|hacker*|suspensa pelo|bloqueada pelo|suspenso pelo|bloqueado|foi suspensa|foi suspenso|foi bloqueada|foi bloqueado',
  fake: 'falsa|falso|fake|perfil falso|conta falsa|parodia|nao oficial|impostor*|clone',
  post: 'post|postagem|publicacao|tuite|tweet|mensagem|video|foto|imagem|story|meme|comentarios',
  account: 'conta|contas|perfil|perfis|pagina|canal|presenca|atividade|atividades|trajetoria|canais|paginas',
  person:
    'eu|prefeitura|camara municipal|universidade|universidades|filho|filha|esposa|irmao|jogador|jogadora|jogadores|atacante|goleiro|zagueiro|meia|lateral|volante|capitao|treinador|tecnico|tecnica|presidente|diretor|dirigente|dono|proprietario|ministro|ministra|politico|prefeito|governador|deputado|senador|governo|partido|torcedores|torcedor|torcida|torcida organizada|socios|ultras|jornalista|estrela|craque|idolo|influenciador|bilionario|magnata|musk|elon musk|ex jogador|adeptos|adepto|claque|candidato|avancado|guarda redes|defesa|medio|treinador|futebolista|futebolistas|ponta|extremo|centroavante|lateral esquerdo|lateral direito',
  generic: 'aqueles que|aquelas que|todos os que|clubes|times|equipes|equipas|entidades|organizacoes|midia|empresas|instituicoes|universidades|usuarios|utilizadores|varios clubes|muitos clubes|federacoes|ligas|outros clubes|outros|ninguem|nenhum clube|nenhum',
  anaphor: 'clube|o clube|time|o time|equipe|equipa|agremiacao|entidade|instituicao|emblema|colectividade|coletividade|sad|os dois clubes|ambos os clubes|os dois rivais|os dois emblemas',
  pronoun: 'que|ele|ela|o qual|este|esta',
  first: 'nos|nosso|nossa|nossos|nossas|deixamos|saimos|abandonamos|ficamos|continuamos|chegamos|estamos|estaremos|seremos',
  precedent: 'apos|depois do|depois da|depois de|como|assim como|a exemplo do|a exemplo da|seguindo|seguindo o|na esteira do|na esteira de|tal como|a semelhanca do|na sequencia do',
  including: 'entre eles|entre os quais|como|incluindo|inclusive|tais como|entre outros',
  contrast: 'mas|enquanto|porem|contudo|entretanto|no entanto|ja|ao contrario do|ao contrario de|diferentemente do|por outro lado|por sua vez|apesar de|apesar do|apesar da|embora|em favor de|em favor do|em detrimento de',
  against: 'contra|diante do|diante de|vs|versus|vence|venceu|derrota|derrotou|vitoria|empate|classico|jogo|partida|recebe|enfrenta|duelo',
  also: 'tambem|igualmente|outro clube|ultimo clube|o mais recente|mais um',
  conj: 'e|bem como|assim como',
  loc: 'no|na|em|nos|nas|via|atraves|pelo|pela',
  from: 'formado no|formado na|formado pelo|revelado pelo|revelado no|do|da|de|dos|das',
  to: 'para|ao|a|pro|pra|no|na|pelo|pela',
  article: 'o|a|os|as|um|uma|seu|sua|seus|suas|do|da|ao',
  platformAnaphor: 'a rede social|a plataforma|a rede|a rede de musk|essa rede|esta plataforma|a rede do bilionario|plataforma|rede social|la|ali',
};
