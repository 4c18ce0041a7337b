import { findUserForSignIn, lockSignIn, markSignedIn, recentFailures, recordLoginAttempt } from '@/db/auth';
import { getDb } from '@/db/client';
import { LOCKOUT, lockoutOf, minutesLeft } from './lockout';
import { verifyPassword } from './passwords';
import { signInSchema } from './schemas';

export type AuthenticationResult =
  | { ok: true; user: { id: number; name: string; email: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks a sign-in attempt: the lockout first (kept in the database, so it holds across server instances), then the
 * password (argon2id; unknown accounts take as long as known ones). Every checked attempt is recorded; attempts
 * refused by the lockout are not, so they do not extend it.
 */
export async function authenticate(credentials: unknown, ip: string, now = new Date()): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const email = parsed.data.email.toLowerCase();
  const db = await getDb();
  return db.transaction(async (tx): Promise<AuthenticationResult> => {
    await lockSignIn(tx, email, ip);
    const since = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000);
    const failures = await recentFailures(tx, email, ip, since);
    const until = lockoutOf(failures.byAccount, failures.byAddress, now);
    if (until) return { ok: false, reason: 'locked', minutes: minutesLeft(until, now) };

    const user = await findUserForSignIn(tx, email);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
    const ok = passwordOk && user !== null && user.active;
    await recordLoginAttempt(tx, { email, ip, success: ok, at: now });
    if (!ok || !user) return { ok: false, reason: 'invalid' };
    await markSignedIn(tx, user.id, now);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  });
}
