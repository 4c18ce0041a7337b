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

/** A session id: 128 random bits. */
export const newSessionId = () => randomBytes(16).toString('base64url');
