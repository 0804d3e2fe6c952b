import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { maxUrlLength } from '../src/discord/input.ts';
import { choice, localized } from './localize.ts';

const Sub = ApplicationCommandOptionType.Subcommand;
const Text = ApplicationCommandOptionType.String;

/** Spread into each subcommand (`[...targetOptions]`): `satisfies` takes a definition's arrays as literals, not as a shared readonly array. */
const targetOptions = [
  {
    type: Text,
    ...localized('club', 'A club (name, nickname or id)', {
      fr: ['club', 'Un club (nom, surnom ou id)'],
      de: ['verein', 'Ein Verein (Name, Spitzname oder ID)'],
      'es-ES': ['club', 'Un club (nombre, apodo o id)'],
      it: ['club', 'Un club (nome, soprannome o id)'],
      'pt-BR': ['clube', 'Um clube (nome, apelido ou id)'],
    }),
    autocomplete: true,
    max_length: 100,
  },
  {
    type: Text,
    ...localized('league', 'Every club of a league', {
      fr: ['championnat', 'Tous les clubs d’un championnat'],
      de: ['liga', 'Alle Vereine einer Liga'],
      'es-ES': ['liga', 'Todos los clubes de una liga'],
      it: ['campionato', 'Tutti i club di un campionato'],
      'pt-BR': ['liga', 'Todos os clubes de uma liga'],
    }),
    autocomplete: true,
    max_length: 100,
  },
  {
    type: Text,
    ...localized('country', 'Every club of a country', {
      fr: ['pays', 'Tous les clubs d’un pays'],
      de: ['land', 'Alle Vereine eines Landes'],
      'es-ES': ['pais', 'Todos los clubes de un país'],
      it: ['paese', 'Tutti i club di un paese'],
      'pt-BR': ['pais', 'Todos os clubes de um país'],
    }),
    autocomplete: true,
    max_length: 100,
  },
] as const;

const urlOption = (description: string, translations: Parameters<typeof localized>[2]) =>
  ({
    type: Text,
    ...localized('url', description, translations),
    required: true,
    max_length: maxUrlLength,
  }) as const;

const urlNames = (fr: string, de: string, es: string, it: string, pt: string) =>
  ({ fr: ['url', fr], de: ['url', de], 'es-ES': ['url', es], it: ['url', it], 'pt-BR': ['url', pt] }) as Parameters<typeof localized>[2];

/** `/clubwatch`: a server's settings, for members who may manage the server. Its handlers get arguments typed from this definition. */
export const clubwatchDefinition = {
  type: ApplicationCommandType.ChatInput,
  ...localized('clubwatch', 'Set up clubwatch for this server', {
    fr: ['clubwatch', 'Configurer clubwatch pour ce serveur'],
    de: ['clubwatch', 'clubwatch für diesen Server einrichten'],
    'es-ES': ['clubwatch', 'Configurar clubwatch en este servidor'],
    it: ['clubwatch', 'Configura clubwatch per questo server'],
    'pt-BR': ['clubwatch', 'Configurar o clubwatch neste servidor'],
  }),
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: Sub,
      ...localized('watch', 'Follow a club, a league or a country', {
        fr: ['suivre', 'Suivre un club, un championnat ou un pays'],
        de: ['folgen', 'Einem Verein, einer Liga, einem Land folgen'],
        'es-ES': ['seguir', 'Seguir un club, una liga o un país'],
        it: ['segui', 'Segui un club, un campionato o un paese'],
        'pt-BR': ['seguir', 'Seguir um clube, uma liga ou um país'],
      }),
      options: [...targetOptions],
    },
    {
      type: Sub,
      ...localized('unwatch', 'Stop following a club, a league or a country', {
        fr: ['ne-plus-suivre', 'Ne plus suivre un club, championnat ou pays'],
        de: ['entfolgen', 'Verein, Liga oder Land nicht mehr folgen'],
        'es-ES': ['dejar-de-seguir', 'Dejar de seguir un club, liga o país'],
        it: ['smetti', 'Smetti di seguire club, campionato o paese'],
        'pt-BR': ['deixar-de-seguir', 'Parar de seguir clube, liga ou país'],
      }),
      options: [...targetOptions],
    },
    {
      type: Sub,
      ...localized('channel', 'Where clubwatch posts news', {
        fr: ['salon', 'Où clubwatch publie les nouvelles'],
        de: ['kanal', 'Wo clubwatch Meldungen postet'],
        'es-ES': ['canal', 'Dónde publica clubwatch'],
        it: ['canale', 'Dove clubwatch pubblica'],
        'pt-BR': ['canal', 'Onde o clubwatch publica'],
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Channel,
          ...localized('channel', 'A text or announcement channel', {
            fr: ['salon', 'Un salon textuel ou d’annonces'],
            de: ['kanal', 'Ein Text- oder Ankündigungskanal'],
            'es-ES': ['canal', 'Un canal de texto o de anuncios'],
            it: ['canale', 'Un canale testuale o di annunci'],
            'pt-BR': ['canal', 'Um canal de texto ou de anúncios'],
          }),
          required: true,
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
      ],
    },
    {
      type: Sub,
      ...localized('cadence', 'Post at once, or as an hourly or daily digest', {
        fr: ['rythme', 'Publier tout de suite, ou en résumé horaire ou quotidien'],
        de: ['takt', 'Sofort posten oder als stündliche/tägliche Übersicht'],
        'es-ES': ['ritmo', 'Publicar al momento o en resumen por hora o día'],
        it: ['cadenza', 'Pubblica subito o come riepilogo orario o giornaliero'],
        'pt-BR': ['ritmo', 'Publicar na hora ou em resumo por hora ou dia'],
      }),
      options: [
        {
          type: Text,
          ...localized('mode', 'When to post', {
            fr: ['mode', 'Quand publier'],
            de: ['modus', 'Wann gepostet wird'],
            'es-ES': ['modo', 'Cuándo publicar'],
            it: ['modo', 'Quando pubblicare'],
            'pt-BR': ['modo', 'Quando publicar'],
          }),
          required: true,
          choices: [
            choice('immediate', 'At once', { fr: 'Tout de suite', de: 'Sofort', 'es-ES': 'Al momento', it: 'Subito', 'pt-BR': 'Na hora' }),
            choice('hourly', 'Hourly digest', { fr: 'Résumé horaire', de: 'Stündlich', 'es-ES': 'Resumen por hora', it: 'Riepilogo orario', 'pt-BR': 'Resumo por hora' }),
            choice('daily', 'Daily digest', { fr: 'Résumé quotidien', de: 'Täglich', 'es-ES': 'Resumen diario', it: 'Riepilogo giornaliero', 'pt-BR': 'Resumo diário' }),
          ],
        },
        {
          type: Text,
          ...localized('time', 'Daily digest time, HH:MM', {
            fr: ['heure', 'Heure du résumé quotidien, HH:MM'],
            de: ['uhrzeit', 'Uhrzeit der Übersicht, HH:MM'],
            'es-ES': ['hora', 'Hora del resumen diario, HH:MM'],
            it: ['ora', 'Ora del riepilogo, HH:MM'],
            'pt-BR': ['hora', 'Hora do resumo diário, HH:MM'],
          }),
          max_length: 5,
        },
        {
          type: Text,
          ...localized('timezone', 'Time zone, e.g. Europe/Paris', {
            fr: ['fuseau', 'Fuseau horaire, ex. Europe/Paris'],
            de: ['zeitzone', 'Zeitzone, z. B. Europe/Berlin'],
            'es-ES': ['zona', 'Zona horaria, p. ej. Europe/Madrid'],
            it: ['fuso', 'Fuso orario, es. Europe/Rome'],
            'pt-BR': ['fuso', 'Fuso horário, ex. America/Sao_Paulo'],
          }),
          autocomplete: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          ...localized('picture', 'Attach a picture of the board to each digest', {
            fr: ['image', 'Joindre une image du tableau à chaque résumé'],
            de: ['bild', 'Jeder Übersicht ein Bild der Tabelle anhängen'],
            'es-ES': ['imagen', 'Adjuntar una imagen del tablero a cada resumen'],
            it: ['immagine', 'Allega un’immagine del quadro a ogni riepilogo'],
            'pt-BR': ['imagem', 'Anexar uma imagem do quadro a cada resumo'],
          }),
        },
      ],
    },
    {
      type: Sub,
      ...localized('language', 'The language clubwatch uses here', {
        fr: ['langue', 'La langue de clubwatch ici'],
        de: ['sprache', 'Die Sprache von clubwatch hier'],
        'es-ES': ['idioma', 'El idioma de clubwatch aquí'],
        it: ['lingua', 'La lingua di clubwatch qui'],
        'pt-BR': ['idioma', 'O idioma do clubwatch aqui'],
      }),
      options: [
        {
          type: Text,
          ...localized('language', 'Language', {
            fr: ['langue', 'Langue'],
            de: ['sprache', 'Sprache'],
            'es-ES': ['idioma', 'Idioma'],
            it: ['lingua', 'Lingua'],
            'pt-BR': ['idioma', 'Idioma'],
          }),
          required: true,
          choices: [
            choice('en', 'English'),
            choice('fr', 'Français'),
            choice('de', 'Deutsch'),
            choice('es', 'Español'),
            choice('it', 'Italiano'),
            choice('pt', 'Português'),
          ],
        },
      ],
    },
    {
      type: Sub,
      ...localized('mention', 'Role to mention in posts (empty: none)', {
        fr: ['mention', 'Rôle à mentionner (vide : aucun)'],
        de: ['erwähnung', 'Rolle, die erwähnt wird (leer: keine)'],
        'es-ES': ['mencion', 'Rol a mencionar (vacío: ninguno)'],
        it: ['menzione', 'Ruolo da menzionare (vuoto: nessuno)'],
        'pt-BR': ['mencao', 'Cargo a mencionar (vazio: nenhum)'],
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Role,
          ...localized('role', 'The role', { fr: ['role', 'Le rôle'], de: ['rolle', 'Die Rolle'], 'es-ES': ['rol', 'El rol'], it: ['ruolo', 'Il ruolo'], 'pt-BR': ['cargo', 'O cargo'] }),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      ...localized('sources', 'This server’s own news feeds', {
        fr: ['sources', 'Les flux propres à ce serveur'],
        de: ['quellen', 'Eigene Feeds dieses Servers'],
        'es-ES': ['fuentes', 'Los feeds propios del servidor'],
        it: ['fonti', 'I feed propri del server'],
        'pt-BR': ['fontes', 'Os feeds próprios do servidor'],
      }),
      options: [
        {
          type: Sub,
          ...localized('add', 'Add a news feed (RSS, Atom, JSON)', {
            fr: ['ajouter', 'Ajouter un flux (RSS, Atom, JSON)'],
            de: ['hinzufügen', 'Feed hinzufügen (RSS, Atom, JSON)'],
            'es-ES': ['añadir', 'Añadir un feed (RSS, Atom, JSON)'],
            it: ['aggiungi', 'Aggiungi un feed (RSS, Atom, JSON)'],
            'pt-BR': ['adicionar', 'Adicionar um feed (RSS, Atom, JSON)'],
          }),
          options: [urlOption('Feed address', urlNames('Adresse du flux', 'Feed-Adresse', 'Dirección del feed', 'Indirizzo del feed', 'Endereço do feed'))],
        },
        {
          type: Sub,
          ...localized('remove', 'Remove one of this server’s feeds', {
            fr: ['retirer', 'Retirer un flux de ce serveur'],
            de: ['entfernen', 'Einen Feed entfernen'],
            'es-ES': ['quitar', 'Quitar un feed'],
            it: ['rimuovi', 'Rimuovi un feed'],
            'pt-BR': ['remover', 'Remover um feed'],
          }),
          options: [{ ...urlOption('Feed address', urlNames('Adresse du flux', 'Feed-Adresse', 'Dirección del feed', 'Indirizzo del feed', 'Endereço do feed')), autocomplete: true }],
        },
        {
          type: Sub,
          ...localized('list', 'This server’s feeds and their state', {
            fr: ['liste', 'Les flux de ce serveur et leur état'],
            de: ['liste', 'Feeds dieses Servers und ihr Status'],
            'es-ES': ['lista', 'Los feeds y su estado'],
            it: ['elenco', 'I feed e il loro stato'],
            'pt-BR': ['lista', 'Os feeds e seu estado'],
          }),
        },
      ],
    },
    {
      type: Sub,
      ...localized('why', 'Why an article was or was not posted', {
        fr: ['pourquoi', 'Pourquoi un article a été publié ou non'],
        de: ['warum', 'Warum ein Artikel (nicht) gepostet wurde'],
        'es-ES': ['por-que', 'Por qué se publicó o no un artículo'],
        it: ['perche', 'Perché un articolo è stato pubblicato o no'],
        'pt-BR': ['por-que', 'Por que um artigo foi ou não publicado'],
      }),
      options: [urlOption('Article address', urlNames('Adresse de l’article', 'Artikel-Adresse', 'Dirección del artículo', 'Indirizzo dell’articolo', 'Endereço do artigo'))],
    },
    {
      type: Sub,
      ...localized('settings', 'All settings at a glance', {
        fr: ['reglages', 'Tous les réglages d’un coup d’œil'],
        de: ['einstellungen', 'Alle Einstellungen auf einen Blick'],
        'es-ES': ['ajustes', 'Todos los ajustes de un vistazo'],
        it: ['impostazioni', 'Tutte le impostazioni a colpo d’occhio'],
        'pt-BR': ['ajustes', 'Todos os ajustes de uma vez'],
      }),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
