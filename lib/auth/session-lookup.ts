import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Reading a session needs the database (lib/auth/config.ts checks its row on every request). Auth.js swallows an
 * error in that check and answers "no session", so during a database outage a signed-in user would be told
 * "forbidden" (server actions) or sent to the sign-in page, and /api/auth/session would delete their cookie.
 * This scope lets the session check report the outage to its caller, which then answers "unavailable" (try again)
 * and keeps the session: a fault test (scripts/faults.ts) restarts PostgreSQL under load and found it.
 */
export class SessionStoreUnavailable extends Error {
  constructor() {
    super('the session could not be checked: the database did not answer');
    this.name = 'SessionStoreUnavailable';
  }
}

type Lookup = { unavailable: boolean };

// On globalThis: Next bundles the Auth.js config and its callers separately; they must share one scope.
const store = globalThis as unknown as { __klachtloketSessionLookup?: AsyncLocalStorage<Lookup> };
const scope = (store.__klachtloketSessionLookup ??= new AsyncLocalStorage<Lookup>());

/** Called by the session check when the database failed it (the check itself still fails: no session). */
export function reportSessionStoreUnavailable(): void {
  const lookup = scope.getStore();
  if (lookup) lookup.unavailable = true;
}

/** Runs a session read; throws SessionStoreUnavailable when the database failed the check inside it. */
export async function readSession<T>(read: () => Promise<T>): Promise<T> {
  const lookup: Lookup = { unavailable: false };
  const value = await scope.run(lookup, read);
  if (lookup.unavailable) throw new SessionStoreUnavailable();
  return value;
}

/** As readSession, but tells the caller instead of throwing (for a route that answers 503 itself). */
export async function readSessionOrUnavailable<T>(read: () => Promise<T>): Promise<{ value: T; unavailable: boolean }> {
  const lookup: Lookup = { unavailable: false };
  const value = await scope.run(lookup, read);
  return { value, unavailable: lookup.unavailable };
}
