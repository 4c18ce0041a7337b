import { randomBytes } from 'node:crypto';

/**
 * Back-office sessions (issue 12). Every session is a row in `user_sessions` whose id travels in the JWT; the row,
 * not the cookie, decides whether the session still holds:
 * - signing out ends the row, so a copied cookie stops working for pages, server actions and /api/auth/session;
 * - a session ends `absoluteHours` after sign-in, whatever happens in between (no refresh extends it);
 * - a session ends after `idleMinutes` without a request (pages and actions mark the row as seen, at most once a
 *   `touchSeconds`).
 * Pure: the times come from the database (db/auth.ts); lib/auth/config.ts applies the decision.
 */
export const SESSION = { absoluteHours: 10, idleMinutes: 60, touchSeconds: 60 } as const;

export type SessionTimes = { signedInAt: Date; lastSeenAt: Date };
export type SessionState = 'ok' | 'idle' | 'expired';

const MINUTE = 60_000;

export function sessionState(session: SessionTimes, now: Date, policy = SESSION): SessionState {
  if (now.getTime() >= session.signedInAt.getTime() + policy.absoluteHours * 60 * MINUTE) return 'expired';
  if (now.getTime() >= session.lastSeenAt.getTime() + policy.idleMinutes * MINUTE) return 'idle';
  return 'ok';
}

/** Whether to write a new last-seen time (not on every request: at most once per `touchSeconds`). */
export function dueForTouch(lastSeenAt: Date, now: Date, policy = SESSION): boolean {
  return now.getTime() - lastSeenAt.getTime() >= policy.touchSeconds * 1000;
}

/**
 * Seconds a newly issued token may live: Auth.js's `maxAge`, but never past the session's absolute end (so the
 * token /api/auth/session hands out does not outlive the session). `signedInAt` in epoch seconds.
 */
export function tokenMaxAge(signedInAtSeconds: number | undefined, nowSeconds: number, maxAge: number, policy = SESSION): number {
  if (signedInAtSeconds === undefined) return maxAge;
  const left = signedInAtSeconds + policy.absoluteHours * 3600 - nowSeconds;
  return Math.max(0, Math.min(maxAge, left));
}

/** The absolute end of a session signed in at `signedInAtSeconds` (epoch seconds). */
export const sessionEnd = (signedInAtSeconds: number, policy = SESSION) => new Date((signedInAtSeconds + policy.absoluteHours * 3600) * 1000);

/**
 * Auth.js sets the session cookie's Expires to now + maxAge on every read of /api/auth/session; this moves it back to
 * the session's end (`end`), so the browser drops the cookie then too. Other cookies pass unchanged.
 */
export function capSessionCookies(setCookies: readonly string[], end: Date): string[] {
  return setCookies.map((cookie) => {
    if (!/^(__Secure-)?authjs\.session-token(\.\d+)?=[^;]/.test(cookie)) return cookie;
    const expires = cookie.match(/;\s*Expires=([^;]*)/i)?.[1];
    if (expires && new Date(expires).getTime() <= end.getTime()) return cookie;
    const withoutExpiry = cookie.replace(/;\s*Expires=[^;]*/i, '').replace(/;\s*Max-Age=[^;]*/i, '');
    return `${withoutExpiry}; Expires=${end.toUTCString()}`;
  });
}

/** A session id: 128 random bits. */
export const newSessionId = () => randomBytes(16).toString('base64url');
