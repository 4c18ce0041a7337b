import { AsyncLocalStorage } from 'node:async_hooks';
import { findSessionUser, type SessionUser } from '@/db/auth';
import { getDb } from '@/db/client';
import type { Role } from '@/lib/procedure/vocabulary';
import { appSecret } from '@/lib/server/env';
import type { Claims } from './config';
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

/** Auth.js's session cookie: `__Secure-` prefixed when the app is served over https. Its name is the token's salt. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/**
 * The user of the request's session, checked against the database (lib/auth/config.ts sessionHolds: the user active,
 * the session row open, not idle, not past its end) — what Auth.js's `auth()` does through its session callbacks,
 * without its detour: `auth()` builds an internal request, decrypts the token, runs the callbacks and encrypts a
 * refreshed token for a cookie it cannot set from a page or an action (issue 13: about 7 % of a step's CPU in a profile, and two extra queries). Here the
 * token is decrypted once (next-auth/jwt decode) and the user and session row come in one query.
 */
async function sessionUser(): Promise<SessionUser | null> {
  const { cookies } = await import('next/headers');
  const jar = await cookies();
  const cookie = SESSION_COOKIES.map((name) => jar.get(name)).find((c) => c !== undefined);
  // A token too large for one cookie is split by Auth.js (name.0, name.1, …); ours never is, but let Auth.js read it.
  if (!cookie) return SESSION_COOKIES.some((name) => jar.has(`${name}.0`)) ? sessionUserThroughAuthJs() : null;
  const { decode } = await import('next-auth/jwt');
  let claims: Claims | null;
  try {
    claims = await decode<Claims>({ token: cookie.value, secret: appSecret(), salt: cookie.name });
  } catch {
    return null; // not a token of ours (altered, expired, another secret): nobody
  }
  if (!claims) return null;
  const { sessionHolds } = await import('./config');
  return sessionHolds(claims, new Date());
}

/** The same through Auth.js itself (a chunked cookie); throws SessionStoreUnavailable when the database did not answer. */
async function sessionUserThroughAuthJs(): Promise<SessionUser | null> {
  const { auth } = await import('./config');
  const session = await readSession(() => auth());
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? findSessionUser(await getDb(), id) : null;
}

/** The current actor, or null when nobody (active) is signed in; throws when the database does not answer. */
export async function currentActor(): Promise<Actor | null> {
  const override = scope.getStore();
  const user = override ? (override.userId === null ? null : await findSessionUser(await getDb(), override.userId)) : await sessionUser();
  if (!user || !user.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword };
}
