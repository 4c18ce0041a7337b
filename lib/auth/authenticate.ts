import { activeAdmins, findUserForSignIn, lockSignIn, markSignedIn, recentFailures, recordLoginAttempt } from '@/db/auth';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { enqueueAccountMail, organisationOrDefault } from '@/db/settings';
import { accountLockedNotice } from '@/lib/mail/letters';
import { failureLocksAccount, LOCKOUT, lockedUntil, minutesLeft, type SignInDecision, signInDecision } from './lockout';
import { verifyPassword } from './passwords';
import { signInSchema } from './schemas';

export type AuthenticationResult =
  | { ok: true; user: { id: number; name: string; email: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failures the limits look at (the longest window), and what they decide for this attempt. */
export async function limitsFor(db: Db | Tx, email: string, ip: string, now: Date): Promise<SignInDecision> {
  const since = new Date(now.getTime() - LOCKOUT.account.windowMinutes * 60_000);
  return signInDecision(await recentFailures(db, email, ip, since), now);
}

/**
 * Checks a sign-in attempt: the limits first (kept in the database, so they hold across server instances; see
 * lib/auth/lockout.ts), then — after the account's delay — the password (argon2id; unknown accounts take as long as
 * known ones). Every checked attempt is recorded; attempts refused by a lock are not, so they do not extend it. The
 * delay is waited outside the transaction (no connection held), and the limits are checked again under the lock.
 */
export async function authenticate(credentials: unknown, ip: string, now = new Date(), { sleep = realSleep }: { sleep?: Sleep } = {}): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const email = parsed.data.email.toLowerCase();
  const db = await getDb();
  const first = await limitsFor(db, email, ip, now);
  if (first.kind === 'locked') return { ok: false, reason: 'locked', minutes: minutesLeft(first.until, now) };
  if (first.delayMs > 0) await sleep(first.delayMs);
  return db.transaction(async (tx): Promise<AuthenticationResult> => {
    await lockSignIn(tx, email, ip);
    const since = new Date(now.getTime() - LOCKOUT.account.windowMinutes * 60_000);
    const failures = await recentFailures(tx, email, ip, since);
    const decision = signInDecision(failures, now);
    if (decision.kind === 'locked') return { ok: false, reason: 'locked', minutes: minutesLeft(decision.until, now) };

    const user = await findUserForSignIn(tx, email);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
    const ok = passwordOk && user !== null && user.active;
    await recordLoginAttempt(tx, { email, ip, success: ok, at: now });
    if (!ok || !user) {
      if (user?.active && failureLocksAccount(failures.byAccount, now)) await tellAccountLocked(tx, user, minutesLeft(lockedUntil([now, ...failures.byAccount], now, LOCKOUT.account)!, now), now);
      return { ok: false, reason: 'invalid' };
    }
    await markSignedIn(tx, user.id, now);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  });
}

/** The account just got locked: a mail to its user and to every active admin (outbox, same transaction). */
async function tellAccountLocked(tx: Tx, user: { name: string; email: string }, minutes: number, now: Date) {
  const organisation = await organisationOrDefault(tx);
  const recipients = [{ name: user.name, email: user.email, toOwner: true }];
  for (const admin of await activeAdmins(tx)) {
    if (admin.email.toLowerCase() !== user.email.toLowerCase()) recipients.push({ ...admin, toOwner: false });
  }
  for (const recipient of recipients) {
    const letter = accountLockedNotice({
      recipientName: recipient.name,
      accountName: user.name,
      accountEmail: user.email,
      toOwner: recipient.toOwner,
      failures: LOCKOUT.account.maxFailures,
      minutes,
      organisation,
    });
    await enqueueAccountMail(tx, { kind: 'account-locked', recipient: recipient.email, subject: letter.subject, bodyText: letter.text, at: now });
  }
}
