import type { Env } from './env.ts';

/** Step three: secrets, kept apart from the config so that logging the config never leaks one. */
export interface Secrets {
  discordToken: string | null;
  blueskyAppPassword: string | null;
  /** `CLUBWATCH_DATABASE_URL`: PostgreSQL instead of the SQLite file (it may hold a password). */
  databaseUrl: string | null;
}

export function secretsFromEnv(env: Env): Secrets {
  return {
    discordToken: env.discordToken ?? null,
    blueskyAppPassword: env.blueskyAppPassword ?? null,
    databaseUrl: env.databaseUrl ?? null,
  };
}
