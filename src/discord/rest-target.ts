/** Discord's REST base, as discord.js wants it: the API root and, apart, the version it appends. */
export interface RestTarget {
  api: string;
  version: string;
}

const discordApi = 'https://discord.com/api';

/**
 * `DISCORD_API_BASE` may name the root (`http://127.0.0.1:8080/api`) or already carry a version
 * (`…/api/v10`); discord.js appends `/v<version>` itself, so a version given is split off.
 */
export function restTarget(apiBase: string | null): RestTarget {
  const base = (apiBase ?? discordApi).replace(/\/+$/, '');
  const versioned = /^(.*)\/v(\d+)$/.exec(base);
  if (versioned?.[1] && versioned[2]) return { api: versioned[1], version: versioned[2] };
  return { api: base, version: '10' };
}
