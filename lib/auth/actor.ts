import { AsyncLocalStorage } from 'node:async_hooks';
import { findSessionUser } from '@/db/auth';
import { getDb } from '@/db/client';
import type { Role } from '@/lib/procedure/vocabulary';
import { readSession } from './session-lookup';

/** The signed-in user behind a request, as the database knows them now (role, active). */
export type Actor = { id: number; name: string; email: string; role: Role; mustChangePassword: boolean };

const scope = new AsyncLocalStorage<{ userId: number | null }>();

/**
 * Runs `fn` as if the user with this id were signed in (or nobody, with null). For server-side callers without a
 * browser session — scripts and the integration tests that call the real server actions. The user is still looked
 * up, so a deactivated user is refused here exactly as in a request.
 */
export function runAs<T>(userId: number | null, fn: () => Promise<T>): Promise<T> {
  return scope.run({ userId }, fn);
}

async function sessionUserId(): Promise<number | null> {
  const override = scope.getStore();
  if (override) return override.userId;
  const { auth } = await import('./config');
  // A database outage while the session is checked throws (the pipeline answers "unavailable"), never "nobody".
  const session = await readSession(() => auth());
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The current actor, or null when nobody (active) is signed in; throws when the database does not answer. */
export async function currentActor(): Promise<Actor | null> {
  const id = await sessionUserId();
  if (id === null) return null;
  const user = await findSessionUser(await getDb(), id);
  if (!user || !user.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword };
}
