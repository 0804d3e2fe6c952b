import type { RecordedFile } from './types.ts';

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  files: (RecordedFile & { data: Uint8Array })[];
  receivedAt: number;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Cut the connection instead of answering. */
  drop?: 'reset' | 'hang';
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Like `/channels/:channelId/messages`; matched against the decoded path. */
  pattern: string;
  /** Interaction and webhook-token routes are called without the bot token. */
  auth: boolean;
  handle: (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;
}

export const json = (body: unknown, status = 200): RouteResponse => ({ status, body });
export const noContent = (): RouteResponse => ({ status: 204 });

/** Finds the route for a path, or tells whether the path exists under another method. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | 'wrong-method' | null {
  const segments = path.split('/').filter(Boolean);
  let pathExists = false;
  for (const route of routes) {
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (!ok) continue;
    if (route.method === method) return { route, params };
    pathExists = true;
  }
  return pathExists ? 'wrong-method' : null;
}
