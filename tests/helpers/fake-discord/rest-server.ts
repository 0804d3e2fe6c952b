import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { FakeDiscordState } from './core.ts';
import { DiscordHttpError, methodNotAllowed, notFound, unauthorized, type DiscordErrorBody } from './errors.ts';
import type { RateLimiter } from './rate-limits.ts';
import { matchRoute, type Route, type RouteRequest, type RouteResponse } from './router.ts';
import type { FailureRule, RecordedRequest, RequestStats, StatusFailure } from './types.ts';

type ActiveRule = FailureRule & { remaining: number };

const DEFAULT_4XX: Record<number, DiscordErrorBody> = {
  401: { message: '401: Unauthorized', code: 0 },
  403: { message: 'Missing Permissions', code: RESTJSONErrorCodes.MissingPermissions },
  404: { message: '404: Not Found', code: 0 },
};

/** The REST half of the fake: parses, records, injects failures, limits rates, then routes. */
export class RestServer {
  readonly requests: RecordedRequest[] = [];
  /** Called for every request once answered. */
  readonly listeners = new Set<(request: RecordedRequest) => void>();
  readonly stats: RequestStats = { total: 0, byStatus: {}, injected: 0, invalid: 0 };
  readonly #rules: ActiveRule[] = [];

  constructor(
    private readonly state: FakeDiscordState,
    private readonly routes: readonly Route[],
    private readonly limiter: RateLimiter,
    private responseDelayMs: number,
  ) {}

  failNext(rule: FailureRule): void {
    this.#rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  pendingFailures(): number {
    return this.#rules.reduce((n, r) => n + r.remaining, 0);
  }

  setResponseDelay(ms: number): void {
    this.responseDelayMs = ms;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake.discord');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const raw = await readBody(req);
    const path = apiPath(url.pathname);
    const record: RecordedRequest = {
      method,
      path: path ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: null,
      files: [],
      status: 0,
      responseBody: null,
      at: receivedAt,
      respondedAt: 0,
      injected: false,
      dropped: null,
    };
    let answer: RouteResponse;
    try {
      const parsed = await parseBody(raw, headers['content-type'] ?? '');
      record.body = parsed.body;
      record.files = parsed.files;
      answer = await this.#answer(method, path, {
        method,
        path: record.path,
        params: {},
        query: url.searchParams,
        headers,
        body: parsed.body,
        files: parsed.files,
        receivedAt,
      }, record);
    } catch (error) {
      answer = this.#fromError(error);
    }
    if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs));
    record.status = answer.status;
    record.responseBody = answer.body ?? null;
    record.respondedAt = Date.now();
    this.stats.total += 1;
    this.stats.byStatus[answer.status] = (this.stats.byStatus[answer.status] ?? 0) + 1;
    if (record.injected) this.stats.injected += 1;
    if (answer.status === 401 || answer.status === 403 || answer.status === 429) this.stats.invalid += 1;
    record.dropped = answer.drop ?? null;
    if (this.state.options.recordRequests !== false) this.requests.push(record);
    for (const listener of this.listeners) listener(record);
    if (answer.drop === 'reset') res.socket?.resetAndDestroy();
    else if (answer.drop !== 'hang') send(res, answer);
  }

  async #answer(method: string, path: string | null, request: RouteRequest, record: RecordedRequest): Promise<RouteResponse> {
    if (path === null) throw notFound();
    const match = matchRoute(this.routes, method, path);
    if (match === null) throw notFound();
    if (match === 'wrong-method') throw methodNotAllowed();
    if (match.route.auth) this.#authorize(request.headers.authorization);
    const rule = this.#takeRule(method, path);
    if (rule) record.injected = true;
    if (rule && 'network' in rule) {
      if (!rule.afterHandling) return { status: 0, drop: rule.network };
      const handled = await this.#handle(method, path, match, request);
      return { ...handled, drop: rule.network };
    }
    if (rule) return injectedAnswer(rule, path);
    return this.#handle(method, path, match, request);
  }

  async #handle(
    method: string,
    path: string,
    match: { route: Route; params: Record<string, string> },
    request: RouteRequest,
  ): Promise<RouteResponse> {
    const decision = this.limiter.check(method, path);
    if (decision.limited) {
      return {
        status: 429,
        headers: decision.headers,
        body: { message: 'You are being rate limited.', retry_after: decision.limited.retryAfter, global: decision.limited.global },
      };
    }
    try {
      const answer = await match.route.handle({ ...request, params: match.params });
      return { ...answer, headers: { ...decision.headers, ...answer.headers } };
    } catch (error) {
      // Refused requests still used the bucket, and say so in their headers.
      const answer = this.#fromError(error);
      return { ...answer, headers: { ...decision.headers, ...answer.headers } };
    }
  }

  #authorize(header: string | undefined): void {
    const expected = this.state.options.token;
    if (!header?.startsWith('Bot ')) throw unauthorized();
    if (expected !== undefined && header !== `Bot ${expected}`) throw unauthorized();
  }

  #takeRule(method: string, path: string): ActiveRule | null {
    const matches = (pattern: RegExp | undefined): boolean => {
      if (!pattern) return true;
      pattern.lastIndex = 0;
      return pattern.test(path);
    };
    const rule = this.#rules.find(
      (r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method) && matches(r.pathPattern),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
    return rule;
  }

  #fromError(error: unknown): RouteResponse {
    if (error instanceof DiscordHttpError) return { status: error.status, body: error.body };
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.state.problem('fake-internal-error', detail);
    return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  }
}

/** What `failNext` answers instead of handling the request. */
function injectedAnswer(rule: StatusFailure, path: string): RouteResponse {
  if (rule.status === 429) {
    const retryAfter = rule.retryAfter ?? 0.1;
    return {
      status: 429,
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': rule.global ? 'global' : 'user',
        ...(rule.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: rule.global === true },
    };
  }
  if (rule.status >= 500) {
    if (rule.status === 500) return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    return { status: rule.status, headers: { 'content-type': 'text/html' }, body: `<html><body>${rule.status}</body></html>` };
  }
  const fallback =
    rule.status === 404 && path.startsWith('/channels/')
      ? { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel }
      : (DEFAULT_4XX[rule.status] ?? { message: `${rule.status}`, code: 0 });
  return {
    status: rule.status,
    body: { message: rule.message ?? fallback.message, code: rule.code ?? fallback.code },
  };
}

/** `/api/v10/channels/1` → `/channels/1`; null for anything outside the API. */
function apiPath(pathname: string): string | null {
  const match = /^\/api(?:\/v(\d+))?(\/.*)$/.exec(pathname);
  if (!match || (match[1] !== undefined && match[1] !== '10')) return null;
  try {
    return decodeURIComponent(match[2] ?? '/');
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RouteRequest['files'] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown = null;
    const files: RouteRequest['files'] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
        continue;
      }
      const data = new Uint8Array(await value.arrayBuffer());
      files.push({ field, filename: value.name, contentType: value.type, size: data.byteLength, data });
    }
    return { body, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DiscordHttpError(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  }
}

function send(res: ServerResponse, answer: RouteResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | undefined;
  if (answer.status !== 204 && answer.body !== undefined) {
    if (typeof answer.body === 'string') payload = answer.body;
    else {
      payload = JSON.stringify(answer.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}
