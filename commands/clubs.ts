import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { choice, localized } from './localize.ts';

const clubOption = <const R extends boolean>(required: R) => ({
  type: ApplicationCommandOptionType.String as const,
  ...localized('club', 'Club: name, nickname or catalog id', {
    fr: ['club', 'Club : nom, surnom ou identifiant'],
    de: ['verein', 'Verein: Name, Spitzname oder ID'],
    'es-ES': ['club', 'Club: nombre, apodo o id'],
    it: ['club', 'Club: nome, soprannome o id'],
    'pt-BR': ['clube', 'Clube: nome, apelido ou id'],
  }),
  required,
  autocomplete: true as const,
  max_length: 100,
});

const platformChoices = [
  choice('x', 'X'),
  choice('bluesky', 'Bluesky'),
  choice('threads', 'Threads'),
  choice('mastodon', 'Mastodon'),
  choice('instagram', 'Instagram'),
  choice('tiktok', 'TikTok'),
  choice('facebook', 'Facebook'),
  choice('youtube', 'YouTube'),
];

const actionChoices = [
  choice('leave', 'leaves', { fr: 'quitte', de: 'verlässt', 'es-ES': 'deja', it: 'lascia', 'pt-BR': 'deixa' }),
  choice('stay', 'stays', { fr: 'reste', de: 'bleibt', 'es-ES': 'sigue', it: 'resta', 'pt-BR': 'fica' }),
  choice('join', 'joins', { fr: 'rejoint', de: 'tritt bei', 'es-ES': 'llega', it: 'arriva', 'pt-BR': 'chega' }),
  choice('pause', 'pauses', { fr: 'fait une pause', de: 'pausiert', 'es-ES': 'pausa', it: 'sospende', 'pt-BR': 'pausa' }),
  choice('return', 'returns', { fr: 'revient', de: 'kehrt zurück', 'es-ES': 'vuelve', it: 'torna', 'pt-BR': 'volta' }),
  choice('delete', 'deletes its account', { fr: 'supprime son compte', de: 'löscht sein Konto', 'es-ES': 'borra su cuenta', it: 'cancella l’account', 'pt-BR': 'apaga a conta' }),
];

/** `/clubs`: what any member may ask. Its handlers get arguments typed from this definition. */
export const clubsDefinition = {
  type: ApplicationCommandType.ChatInput,
  ...localized('clubs', 'What football clubs do on social media', {
    fr: ['clubs', 'Ce que font les clubs de foot sur les réseaux'],
    de: ['vereine', 'Was Fußballvereine in sozialen Medien tun'],
    'es-ES': ['clubes', 'Lo que hacen los clubes en las redes'],
    it: ['club', 'Cosa fanno i club sui social'],
    'pt-BR': ['clubes', 'O que os clubes fazem nas redes'],
  }),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized('status', 'Where a club stands on each platform', {
        fr: ['statut', 'Où en est un club sur chaque plateforme'],
        de: ['status', 'Wo ein Verein auf jeder Plattform steht'],
        'es-ES': ['estado', 'Situación de un club en cada plataforma'],
        it: ['stato', 'Dove si trova un club su ogni piattaforma'],
        'pt-BR': ['status', 'Situação de um clube em cada plataforma'],
      }),
      options: [clubOption(false)],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized('latest', 'The most recent stories', {
        fr: ['dernieres', 'Les nouvelles les plus récentes'],
        de: ['neueste', 'Die neuesten Meldungen'],
        'es-ES': ['ultimas', 'Las noticias más recientes'],
        it: ['ultime', 'Le notizie più recenti'],
        'pt-BR': ['ultimas', 'As notícias mais recentes'],
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...localized('platform', 'Only this platform', {
            fr: ['plateforme', 'Seulement cette plateforme'],
            de: ['plattform', 'Nur diese Plattform'],
            'es-ES': ['plataforma', 'Solo esta plataforma'],
            it: ['piattaforma', 'Solo questa piattaforma'],
            'pt-BR': ['plataforma', 'Só esta plataforma'],
          }),
          choices: platformChoices,
        },
        {
          type: ApplicationCommandOptionType.String,
          ...localized('action', 'Only this kind of news', {
            fr: ['action', 'Seulement ce type de nouvelle'],
            de: ['aktion', 'Nur diese Art von Meldung'],
            'es-ES': ['accion', 'Solo este tipo de noticia'],
            it: ['azione', 'Solo questo tipo di notizia'],
            'pt-BR': ['acao', 'Só este tipo de notícia'],
          }),
          choices: actionChoices,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized('board', 'The board as a picture: who is where, club by club', {
        fr: ['tableau', 'Le tableau en image : qui est où, club par club'],
        de: ['uebersicht', 'Die Übersicht als Bild: wer wo ist, Verein für Verein'],
        'es-ES': ['tablero', 'El tablero en imagen: quién está dónde, club a club'],
        it: ['quadro', 'Il quadro in immagine: chi è dove, club per club'],
        'pt-BR': ['quadro', 'O quadro em imagem: quem está onde, clube a clube'],
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...localized('league', 'Only this league', {
            fr: ['championnat', 'Seulement ce championnat'],
            de: ['liga', 'Nur diese Liga'],
            'es-ES': ['liga', 'Solo esta liga'],
            it: ['campionato', 'Solo questo campionato'],
            'pt-BR': ['liga', 'Só esta liga'],
          }),
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          ...localized('country', 'Only this country', {
            fr: ['pays', 'Seulement ce pays'],
            de: ['land', 'Nur dieses Land'],
            'es-ES': ['pais', 'Solo este país'],
            it: ['paese', 'Solo questo paese'],
            'pt-BR': ['pais', 'Só este país'],
          }),
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          ...localized('platform', 'Only this platform', {
            fr: ['plateforme', 'Seulement cette plateforme'],
            de: ['plattform', 'Nur diese Plattform'],
            'es-ES': ['plataforma', 'Solo esta plataforma'],
            it: ['piattaforma', 'Solo questa piattaforma'],
            'pt-BR': ['plataforma', 'Só esta plataforma'],
          }),
          choices: platformChoices,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized('history', 'A club’s timeline', {
        fr: ['historique', 'La chronologie d’un club'],
        de: ['verlauf', 'Die Chronik eines Vereins'],
        'es-ES': ['historial', 'La cronología de un club'],
        it: ['storia', 'La cronologia di un club'],
        'pt-BR': ['historico', 'A linha do tempo de um clube'],
      }),
      options: [clubOption(true)],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
