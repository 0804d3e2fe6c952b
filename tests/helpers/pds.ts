// The reference PDS targets Node 22; on Node 20 it needs the iterator helpers, in the test process only.
import 'core-js/actual/iterator/index.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { PDS, envToCfg, envToSecrets } from '@atproto/pds';
import { Database as PlcDatabase, PlcServer } from '@did-plc/server';

/**
 * A real atproto PDS (the reference implementation, SQLite and disk blobs) and an in-memory PLC
 * directory, both on 127.0.0.1, started in the test process:
 *
 *   const pds = await startTestPds();
 *   const account = await pds.createAccount('clubwatch.test');
 *   // … point the bot at pds.url …
 *   expect(pds.requestsTo('com.atproto.server.createSession')).toHaveLength(1);
 *   await pds.close();
 *
 * Every request goes through a thin wrapper that records it and can answer instead of the PDS
 * (`pds.answerNext(...)`), for rate limits and failures the real server would take hours to show.
 */
export interface TestAccount {
  did: string;
  handle: string;
  password: string;
}

interface RecordedXrpcCall {
  method: string;
  /** The XRPC method name ("com.atproto.repo.createRecord"), or the path for anything else. */
  nsid: string;
  query: URLSearchParams;
}

interface InjectedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Let the PDS answer, with these headers added (rate-limit headers a dev PDS does not send). */
  passThrough?: boolean;
}

export interface TestPdsOptions {
  /** The PDS's own rate limits (off by default in a dev PDS). */
  rateLimitsEnabled?: boolean;
}

export interface TestPds {
  /** "http://localhost:PORT": the PDS refuses IP hosts in its own URLs. */
  url: string;
  plcUrl: string;
  readonly calls: RecordedXrpcCall[];
  createAccount(handle: string): Promise<TestAccount>;
  /** A logged-in client for an account, for arranging and checking what a test needs. */
  agentFor(account: TestAccount): Promise<AtpAgent>;
  /** The calls made to one XRPC method so far. */
  requestsTo(nsid: string): RecordedXrpcCall[];
  /** After `after` more calls to `nsid` reach the PDS, the next `times` get this answer instead. */
  answerNext(nsid: string, answer: InjectedAnswer, options?: { times?: number; after?: number }): void;
  close(): Promise<void>;
}

async function listenLocal(handler: http.RequestListener, port = 0): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

async function freePort(): Promise<number> {
  const probe = await listenLocal(() => undefined);
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

export async function startTestPds(options: TestPdsOptions = {}): Promise<TestPds> {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'clubwatch-pds-'));

  const plc = PlcServer.create({ db: PlcDatabase.mock() });
  const plcServer = await listenLocal(plc.app);
  const plcUrl = `http://localhost:${(plcServer.address() as AddressInfo).port}`;

  const port = await freePort();
  const env = {
    port,
    hostname: 'localhost',
    devMode: true,
    version: '0.0.0',
    dataDirectory,
    blobstoreDiskLocation: join(dataDirectory, 'blobs'),
    didPlcUrl: plcUrl,
    serviceHandleDomains: ['.test'],
    inviteRequired: false,
    rateLimitsEnabled: options.rateLimitsEnabled ?? false,
    jwtSecret: randomBytes(16).toString('hex'),
    adminPassword: 'admin-pass',
    plcRotationKeyK256PrivateKeyHex: randomBytes(32).toString('hex'),
  };
  const pds = await PDS.create(envToCfg(env), envToSecrets(env));
  await pds.ctx.sequencer.start();

  const calls: RecordedXrpcCall[] = [];
  const injected = new Map<string, Array<{ answer: InjectedAnswer; after: number }>>();
  const pdsServer = await listenLocal((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const nsid = url.pathname.startsWith('/xrpc/') ? url.pathname.slice('/xrpc/'.length) : url.pathname;
    calls.push({ method: req.method ?? 'GET', nsid, query: url.searchParams });
    const queue = injected.get(nsid);
    const head = queue?.[0];
    let answer: InjectedAnswer | undefined;
    if (head && head.after > 0) head.after -= 1;
    else if (head) answer = queue?.shift()?.answer;
    if (answer?.passThrough) {
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    } else if (answer) {
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body ?? { error: 'Injected', message: `injected ${answer.status}` }));
      return;
    }
    pds.app(req, res);
  }, port);
  const url = `http://localhost:${port}`;

  const passwords = new Map<string, string>();
  return {
    url,
    plcUrl,
    calls,
    async createAccount(handle) {
      const password = randomBytes(12).toString('hex');
      const agent = new AtpAgent({ service: url });
      const created = await agent.createAccount({ handle, password, email: `${handle.replace(/\W/g, '-')}@example.test` });
      passwords.set(created.data.did, password);
      return { did: created.data.did, handle: created.data.handle, password };
    },
    async agentFor(account) {
      const agent = new AtpAgent({ service: url });
      await agent.login({ identifier: account.did, password: account.password });
      return agent;
    },
    requestsTo(nsid) {
      return calls.filter((call) => call.nsid === nsid);
    },
    answerNext(nsid, answer, { times = 1, after = 0 } = {}) {
      const queue = injected.get(nsid) ?? [];
      for (let i = 0; i < times; i++) queue.push({ answer, after: i === 0 ? after : 0 });
      injected.set(nsid, queue);
    },
    async close() {
      await closeServer(pdsServer);
      await pds.destroy();
      await closeServer(plcServer);
      await plc.ctx.db.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
