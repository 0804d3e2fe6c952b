import { DiscordAPIError, Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { GUILD_ID, NEWS_ID, USER, clubGuild, connectClient } from './connect-client.ts';

const CLUBS = ['Ajax', 'AZ', 'Feyenoord', 'PSV'];
const responseMessageIds: string[] = [];

/** A small bot: /ping replies, /standings defers then edits, /follow offers club names. */
function handle(interaction: Interaction): void {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const choices = CLUBS.filter((c) => c.toLowerCase().startsWith(typed)).map((c) => ({ name: c, value: c.toLowerCase() }));
    void interaction.respond(choices);
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  if (interaction.commandName === 'ping') {
    void interaction.reply({ content: `pong in ${interaction.locale}`, flags: MessageFlags.Ephemeral });
  } else if (interaction.commandName === 'standings') {
    void (async () => {
      await interaction.deferReply();
      await interaction.editReply({ embeds: [{ title: `Standings: ${interaction.options.getString('league')}` }] });
      await interaction.followUp({ content: 'updated hourly', flags: MessageFlags.Ephemeral });
    })();
  } else if (interaction.commandName === 'setup') {
    const channel = interaction.options.getChannel('channel', true);
    const role = interaction.options.getRole('role', true);
    const user = interaction.options.getUser('who', true);
    void interaction.reply(`${channel.name} ${role.name} ${user.username}`);
  } else if (interaction.commandName === 'echo') {
    void interaction.reply({ content: 'echo', withResponse: true }).then((response) => {
      if (response.resource?.message) responseMessageIds.push(response.resource.message.id);
    });
  } else if (interaction.commandName === 'digest') {
    void interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(() => interaction.followUp('three stories'));
  } else if (interaction.commandName === 'follow') {
    const sub = interaction.options.getSubcommand();
    void interaction.reply(`${sub} ${interaction.options.getString('club')}`);
  }
  // /silent is never answered.
}

describe('fake Discord interactions, answered by the real discord.js client', () => {
  let discord: FakeDiscord;
  let client: Client;
  const base = { guildId: GUILD_ID, channelId: NEWS_ID, user: USER };

  beforeAll(async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    client = await connectClient(discord);
    client.on(Events.InteractionCreate, handle);
  });
  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  it('returns an immediate ephemeral reply', async () => {
    const result = await discord.interact({ ...base, commandName: 'ping', locale: 'nl' });
    expect(result.deadlineMissed).toBe(false);
    expect(result.initial).toMatchObject({ type: 4, content: 'pong in nl', flags: MessageFlags.Ephemeral });
    expect(discord.messages(NEWS_ID).some((m) => m.content === 'pong in nl')).toBe(false);
  });

  it('returns a deferred reply once the original response is edited', async () => {
    const result = await discord.interact({
      ...base,
      commandName: 'standings',
      options: [{ name: 'league', type: 3, value: 'eredivisie' }],
    });
    expect(result.initial?.type).toBe(5);
    expect(result.reply?.embeds[0]?.title).toBe('Standings: eredivisie');
    const original = discord.messages(NEWS_ID).find((m) => m.interaction_metadata?.id === result.id);
    expect(original?.embeds[0]?.title).toBe('Standings: eredivisie');
    expect((original?.flags ?? 0) & MessageFlags.Loading).toBe(0);
    await vi.waitFor(() => expect(result.responses.some((r) => r.kind === 'followup')).toBe(true));
    expect(result.responses.map((r) => r.kind)).toEqual(['callback', 'edit-original', 'followup']);
  });

  it('turns the first follow-up after a deferral into the reply, as Discord does', async () => {
    const result = await discord.interact({ ...base, commandName: 'digest' });
    expect(result.responses.map((r) => r.kind)).toEqual(['callback', 'followup']);
    expect(result.reply).toMatchObject({ content: 'three stories', flags: MessageFlags.Ephemeral });
    expect(discord.messages(NEWS_ID).some((m) => m.content === 'three stories')).toBe(false);
  });

  it('passes subcommands and their options as Discord nests them', async () => {
    const result = await discord.interact({
      ...base,
      commandName: 'follow',
      options: [{ name: 'add', type: 1, options: [{ name: 'club', type: 3, value: 'psv' }] }],
    });
    expect(result.reply?.content).toBe('add psv');
    expect(discord.messages(NEWS_ID).at(-1)?.content).toBe('add psv');
  });

  it('resolves channel, role and user options the way Discord does', async () => {
    const result = await discord.interact({
      ...base,
      commandName: 'setup',
      options: [
        { name: 'channel', type: 7, value: NEWS_ID },
        { name: 'role', type: 8, value: GUILD_ID },
        { name: 'who', type: 6, value: USER.id },
      ],
    });
    expect(result.reply?.content).toBe('news @everyone fan');
  });

  it('answers a reply asked with its response with the message created', async () => {
    const result = await discord.interact({ ...base, commandName: 'echo' });
    const original = discord.messages(NEWS_ID).find((m) => m.interaction_metadata?.id === result.id);
    await vi.waitFor(() => expect(responseMessageIds).toContain(original?.id));
  });

  it('returns the choices of an autocomplete answer', async () => {
    const result = await discord.interact({
      ...base,
      type: 'autocomplete',
      commandName: 'follow',
      options: [{ name: 'add', type: 1, options: [{ name: 'club', type: 3, value: 'a', focused: true }] }],
    });
    expect(result.choices).toEqual([
      { name: 'Ajax', value: 'ajax' },
      { name: 'AZ', value: 'az' },
    ]);
  });

  it('records a missed deadline and refuses the late answer like Discord', async () => {
    const result = await discord.interact({ ...base, commandName: 'silent', deadlineMs: 200 });
    expect(result.deadlineMissed).toBe(true);
    expect(discord.problems.map((p) => p.kind)).toContain('interaction-deadline-missed');
    const late = await client.rest
      .post(`/interactions/${result.id}/${result.token}/callback`, { body: { type: 4, data: { content: 'late' } }, auth: false })
      .catch((e: unknown) => e);
    expect((late as DiscordAPIError).code).toBe(10062);
  });

  it('refuses a second acknowledgement with 40060', async () => {
    const result = await discord.interact({ ...base, commandName: 'ping' });
    const again = await client.rest
      .post(`/interactions/${result.id}/${result.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false })
      .catch((e: unknown) => e);
    expect((again as DiscordAPIError).code).toBe(40060);
  });
});

describe('fake Discord interaction tokens', () => {
  it('refuses edits once the interaction token has expired', async () => {
    const discord = await startFakeDiscord({ guilds: [clubGuild()], interactionTokenTtlMs: 100 });
    const client = await connectClient(discord, 0);
    try {
      client.on(Events.InteractionCreate, handle);
      const result = await discord.interact({ guildId: GUILD_ID, channelId: NEWS_ID, user: USER, commandName: 'ping' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const error = await client.rest
        .patch(`/webhooks/${discord.applicationId}/${result.token}/messages/@original`, { body: { content: 'late edit' }, auth: false })
        .catch((e: unknown) => e);
      expect((error as DiscordAPIError).code).toBe(50027);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });
});
