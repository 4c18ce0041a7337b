/**
 * Sign-in limits (issue 12): keep guessing out without letting anyone lock someone else out.
 * - Per (account, address) pair: after `pair.maxFailures` wrong attempts within `pair.windowMinutes` that pair is
 *   refused until the oldest of those failures is `pair.windowMinutes` old. The right password from another address
 *   still works.
 * - Per address (password spraying over many accounts): the same at a higher count, `address.maxFailures`.
 * - Per account, from any address: no lock at first but an increasing delay before the password is checked
 *   (`delay`: doubling from `baseMs` once `afterFailures` failures are in the pair window, capped at `maxMs`); only
 *   at `account.maxFailures` within `account.windowMinutes` is the account itself locked, and the user and the
 *   admins are mailed.
 * A successful sign-in starts the count afresh (for the pair, the address and the account). Attempts refused by a
 * lock are not recorded, so they do not extend it. Pure: the failures come from the database (db/auth.ts).
 */
export const LOCKOUT = {
  pair: { maxFailures: 5, windowMinutes: 15 },
  address: { maxFailures: 20, windowMinutes: 15 },
  account: { maxFailures: 50, windowMinutes: 60 },
  delay: { afterFailures: 3, baseMs: 500, maxMs: 4000 },
} as const;

export type LockoutPolicy = typeof LOCKOUT;
type Window = { maxFailures: number; windowMinutes: number };

const MINUTE = 60_000;

/** Failures since the last success, newest first (any order is accepted). */
export type RecentFailures = readonly Date[];
export type FailureHistory = { byPair: RecentFailures; byAddress: RecentFailures; byAccount: RecentFailures };

export type SignInDecision = { kind: 'locked'; scope: 'pair' | 'address' | 'account'; until: Date } | { kind: 'check'; delayMs: number };

const inWindow = (failures: RecentFailures, now: Date, windowMinutes: number) =>
  failures.filter((at) => at.getTime() > now.getTime() - windowMinutes * MINUTE).sort((a, b) => b.getTime() - a.getTime());

export function lockedUntil(failures: RecentFailures, now: Date, policy: Window = LOCKOUT.pair): Date | null {
  const counted = inWindow(failures, now, policy.windowMinutes);
  if (counted.length < policy.maxFailures) return null;
  const oldestCounted = counted[policy.maxFailures - 1]!;
  return new Date(oldestCounted.getTime() + policy.windowMinutes * MINUTE);
}

/** The wait before checking a password, after this many recent failures for the account (from any address). */
export function delayFor(accountFailures: number, policy = LOCKOUT.delay): number {
  if (accountFailures < policy.afterFailures) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** (accountFailures - policy.afterFailures));
}

/** What to do with a sign-in attempt: refuse it (which lock, until when) or check the password after a delay. */
export function signInDecision(history: FailureHistory, now: Date, policy: LockoutPolicy = LOCKOUT): SignInDecision {
  // The longest lock wins: the user is told the whole wait.
  const locks = (
    [
      ['account', lockedUntil(history.byAccount, now, policy.account)],
      ['pair', lockedUntil(history.byPair, now, policy.pair)],
      ['address', lockedUntil(history.byAddress, now, policy.address)],
    ] as const
  ).filter((lock): lock is readonly ['account' | 'pair' | 'address', Date] => lock[1] !== null);
  if (locks.length) {
    const [scope, until] = locks.reduce((a, b) => (b[1].getTime() > a[1].getTime() ? b : a));
    return { kind: 'locked', scope, until };
  }
  return { kind: 'check', delayMs: delayFor(inWindow(history.byAccount, now, policy.pair.windowMinutes).length, policy.delay) };
}

/** Whether one more failure now locks the account (so the user and the admins are told once, at that moment). */
export function failureLocksAccount(byAccount: RecentFailures, now: Date, policy: LockoutPolicy = LOCKOUT): boolean {
  return inWindow(byAccount, now, policy.account.windowMinutes).length + 1 === policy.account.maxFailures;
}

/** Whole minutes left, at least 1, for the message "try again in N minutes". */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}
