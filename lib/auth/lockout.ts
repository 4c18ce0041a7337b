/**
 * Sign-in lockout: after `maxFailures` wrong attempts for one account, or from one address, within `windowMinutes`,
 * further attempts are refused until the oldest of those failures is `windowMinutes` old. A successful sign-in
 * starts the count afresh. Attempts refused during a lockout are not counted, so a user who keeps trying does not
 * extend their own lockout. Pure: the attempts come from the database (db/auth.ts).
 */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15 } as const;

const MINUTE = 60_000;

/** Failures since the last success and within the window, newest first. */
export type RecentFailures = readonly Date[];

export function lockedUntil(failures: RecentFailures, now: Date, policy = LOCKOUT): Date | null {
  const windowStart = now.getTime() - policy.windowMinutes * MINUTE;
  const inWindow = failures.filter((at) => at.getTime() > windowStart).sort((a, b) => b.getTime() - a.getTime());
  if (inWindow.length < policy.maxFailures) return null;
  const oldestCounted = inWindow[policy.maxFailures - 1]!;
  return new Date(oldestCounted.getTime() + policy.windowMinutes * MINUTE);
}

/** The later of the account's and the address's lockout, or null. */
export function lockoutOf(byAccount: RecentFailures, byAddress: RecentFailures, now: Date, policy = LOCKOUT): Date | null {
  const times = [lockedUntil(byAccount, now, policy), lockedUntil(byAddress, now, policy)].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

/** Whole minutes left, at least 1, for the message "try again in N minutes". */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}
