import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeDiscordState } from './core.ts';
import { guildObject, type GuildState } from './state.ts';
import type { GatewayConnectionRecord } from './types.ts';

interface Session {
  id: string;
  seq: number;
  identify: GatewayIdentifyData;
  socket: WebSocket | null;
  /** Dispatches kept so a RESUME can replay what was missed. */
  sent: { s: number; t: string; d: unknown }[];
}

const PRIVILEGED: Record<string, number> = {
  GuildMembers: GatewayIntentBits.GuildMembers,
  GuildPresences: GatewayIntentBits.GuildPresences,
  MessageContent: GatewayIntentBits.MessageContent,
};
const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === 'number')
  .reduce((all, bit) => all | bit, 0);

/** The gateway half: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatches. */
export class FakeGateway {
  readonly connections: GatewayConnectionRecord[] = [];
  readonly #sessions = new Map<string, Session>();
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sockets = new Set<WebSocket>();
  #url = '';

  constructor(
    private readonly state: FakeDiscordState,
    private readonly heartbeatIntervalMs: number,
  ) {}

  get url(): string {
    return this.#url;
  }

  attach(server: Server, url: string): void {
    this.#url = url;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req));
    });
  }

  /** Number of sessions with a live, identified connection. */
  get readySessions(): number {
    return [...this.#sessions.values()].filter((s) => s.socket !== null).length;
  }

  dispatch(t: string, d: unknown): void {
    for (const session of this.#sessions.values()) this.#send(session, t, d);
  }

  guildCreate(guild: GuildState): GatewayGuildCreateDispatchData {
    const channels = [...guild.channels.values()].filter((c) => !this.state.deletedChannels.has(c.id));
    return {
      ...guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()],
      channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    } as unknown as GatewayGuildCreateDispatchData;
  }

  /** Closes live connections with a code; 4000 lets discord.js resume. */
  disconnect(code = 4000): void {
    for (const session of this.#sessions.values()) session.socket?.close(code, 'fake disconnect');
  }

  /** Tells connected bots their session is gone (opcode 9, not resumable): they identify again. */
  invalidateSessions(): void {
    for (const session of this.#sessions.values()) {
      session.socket?.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      this.#sessions.delete(session.id);
    }
  }

  /** Asks connected bots to reconnect and resume (opcode 7). */
  requestReconnect(): void {
    for (const session of this.#sessions.values()) session.socket?.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
  }

  /**
   * Closes with 4004, a code discord.js does not retry, so a client a test forgot to destroy stops
   * instead of reconnecting to a closed port for the rest of the run.
   */
  async close(): Promise<void> {
    const closing = [...this.#sockets].map(
      (socket) => new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close(GatewayCloseCodes.AuthenticationFailed, 'fake Discord closed');
      }),
    );
    await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 200))]);
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.#sockets.add(ws);
    const query = Object.fromEntries(new URL(req.url ?? '/', 'ws://fake').searchParams);
    const record: GatewayConnectionRecord = {
      id: this.connections.length + 1,
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
      query,
      identify: null,
      resumed: false,
      sessionId: null,
      heartbeats: 0,
      received: [],
    };
    this.connections.push(record);
    let session: Session | null = null;
    ws.on('close', (code) => {
      this.#sockets.delete(ws);
      record.closedAt = Date.now();
      record.closeCode = code;
      if (session?.socket !== ws) return;
      session.socket = null;
      // A client closing with 1000 or 1001 ends its session, as on Discord; other codes may resume.
      if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
    });
    if (query.v !== undefined && query.v !== '10') {
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version.');
      return;
    }
    if (query.encoding !== undefined && query.encoding !== 'json') {
      ws.close(GatewayCloseCodes.DecodeError, 'only json encoding is supported');
      return;
    }
    // Compression is never applied: discord.js parses text frames as plain JSON whatever it asked for.
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    ws.on('message', (raw, isBinary) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString('utf8') : raw.toString());
      } catch {
        this.state.problem('gateway-protocol', 'undecodable gateway payload');
        ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      const op = payload.op ?? -1;
      record.received.push(op);
      switch (op) {
        case GatewayOpcodes.Heartbeat:
          record.heartbeats += 1;
          ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
          return;
        case GatewayOpcodes.Identify:
          if (session) return void ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
          session = this.#identify(ws, record, payload.d as GatewayIdentifyData);
          return;
        case GatewayOpcodes.Resume:
          if (session) return void ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
          session = this.#resume(ws, record, payload.d as { token: string; session_id: string; seq: number });
          return;
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestGuildMembers:
          if (!session) return void ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
          if (op === GatewayOpcodes.RequestGuildMembers) this.#membersChunk(ws, session, payload.d);
          return;
        default:
          this.state.problem('gateway-protocol', `unknown opcode ${op}`);
          ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
      }
    });
  }

  #tokenOk(token: string | undefined): boolean {
    const expected = this.state.options.token;
    return typeof token === 'string' && token.length > 0 && (expected === undefined || token === expected);
  }

  #identify(ws: WebSocket, record: GatewayConnectionRecord, identify: GatewayIdentifyData): Session | null {
    record.identify = identify;
    if (!this.#tokenOk(identify?.token)) {
      ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return null;
    }
    const intents = Number(identify.intents);
    if (!Number.isInteger(intents) || (intents & ~KNOWN_INTENTS) !== 0) {
      ws.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return null;
    }
    const granted = (this.state.options.privilegedIntents ?? []).reduce((all, name) => all | (PRIVILEGED[name] ?? 0), 0);
    const privileged = Object.values(PRIVILEGED).reduce((all, bit) => all | bit, 0);
    if ((intents & privileged & ~granted) !== 0) {
      ws.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return null;
    }
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, identify, socket: ws, sent: [] };
    this.#sessions.set(session.id, session);
    record.sessionId = session.id;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.state.botUser,
      guilds: [...this.state.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.#url,
      shard: identify.shard ?? [0, 1],
      application: { id: this.state.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.#send(session, GatewayDispatchEvents.Ready, { ...ready, private_channels: [], relationships: [] });
    for (const guild of this.state.guilds.values()) {
      this.#send(session, GatewayDispatchEvents.GuildCreate, this.guildCreate(guild));
    }
    return session;
  }

  #resume(ws: WebSocket, record: GatewayConnectionRecord, data: { token: string; session_id: string; seq: number }): Session | null {
    const session = this.#sessions.get(data?.session_id ?? '');
    if (!session || !this.#tokenOk(data.token)) {
      ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return null;
    }
    session.socket?.close(GatewayCloseCodes.SessionTimedOut);
    session.socket = ws;
    record.resumed = true;
    record.sessionId = session.id;
    for (const event of session.sent.filter((e) => e.s > data.seq)) {
      ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
    }
    this.#send(session, GatewayDispatchEvents.Resumed, null);
    return session;
  }

  #membersChunk(ws: WebSocket, session: Session, data: unknown): void {
    const { guild_id: guildId, nonce } = (data ?? {}) as { guild_id?: string; nonce?: string };
    const guild = this.state.guilds.get(guildId ?? '');
    if (!guild || ws !== session.socket) return;
    this.#send(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members: [...guild.members.values()],
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(nonce ? { nonce } : {}),
    });
  }

  #send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.sent.push(event);
    if (session.sent.length > 1000) session.sent.shift();
    session.socket?.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
  }
}
