/** When to try a failed e-mail again. Pure: the worker applies it. */

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

export type SendFailure = { statusCode: number | null; message: string };

/** Errors that will not go away by trying again: the address or the message itself is refused. */
export function isPermanent(failure: SendFailure): boolean {
  const code = failure.statusCode;
  return code !== null && code >= 400 && code < 500 && code !== 408 && code !== 409 && code !== 429;
}

/**
 * The moment of the next attempt after `attempts` failed ones, or null to give up: 1, 2, 4, 8 … minutes, at most
 * six hours apart, at most MAX_ATTEMPTS attempts; never for a permanent error.
 */
export function nextAttemptAt(attempts: number, failure: SendFailure, now: Date): Date | null {
  if (isPermanent(failure) || attempts >= MAX_ATTEMPTS) return null;
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return new Date(now.getTime() + delay);
}
