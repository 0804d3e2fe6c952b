import { UserError } from '../errors.ts';

/**
 * What one process of the bot does. `all` (the default) is the whole bot in one process. With a
 * shared store (PostgreSQL), `gateway` holds the Discord gateway and answers commands, and any
 * number of `worker`s poll sources, extract, and deliver.
 */
const roles = ['all', 'gateway', 'worker'] as const;
export type Role = (typeof roles)[number];

export function parseRole(value: string | undefined): Role {
  if (value === undefined) return 'all';
  if ((roles as readonly string[]).includes(value)) return value as Role;
  throw new UserError(`--role must be all, gateway or worker, not "${value}"`);
}
