import { type SQL, and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Db, type Tx, together } from './client';
import { loginAttempts, userSessions, users } from './schema';

type Executor = Db | Tx;

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  sessionVersion: users.sessionVersion,
};

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)['role'];
  active: boolean;
  mustChangePassword: boolean;
  sessionVersion: number;
};

export async function findSessionUser(db: Executor, id: number): Promise<SessionUser | null> {
  const [row] = await db.select(sessionUserColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserForSignIn(db: Executor, email: string) {
  const [row] = await db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

/** Sign-in attempts for one e-mail address are taken in turn, so parallel guesses cannot slip past the lockout. */
export async function lockSignIn(tx: Tx, email: string, ip: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`signin:${email}`}, 0))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`signin-ip:${ip}`}, 0))`);
}

async function failuresSinceLastSuccess(db: Executor, where: SQL, since: Date) {
  const lastSuccess = db
    .select({ at: sql`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.success, true), gt(loginAttempts.at, since)));
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        where,
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
        sql`${loginAttempts.at} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(60);
  return rows.map((r) => r.at);
}

/**
 * Failed attempts since `since` that came after the last successful one: for the account from any address, for the
 * (account, address) pair, and for the address with any account (lib/auth/lockout.ts).
 */
export async function recentFailures(db: Executor, email: string, ip: string, since: Date) {
  const [byAccount, byPair, byAddress] = await together(db, [
    () => failuresSinceLastSuccess(db, eq(loginAttempts.email, email), since),
    () => failuresSinceLastSuccess(db, and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))!, since),
    () => failuresSinceLastSuccess(db, eq(loginAttempts.ip, ip), since),
  ]);
  return { byAccount, byPair, byAddress };
}

/** The active admins (for mails about account security). */
export async function activeAdmins(db: Executor) {
  return db.select({ name: users.name, email: users.email }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
}

export async function recordLoginAttempt(db: Executor, attempt: { email: string; ip: string; success: boolean; at: Date }) {
  await db.insert(loginAttempts).values(attempt);
}

export async function markSignedIn(db: Executor, userId: number, at: Date) {
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId));
}

/** Sets a new password; raising the session version signs out every other session of this user. */
export async function setPassword(db: Executor, userId: number, passwordHash: string, mustChange: boolean) {
  const [row] = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

export async function passwordHashOf(db: Executor, userId: number): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions (lib/auth/session.ts)

export async function startSession(db: Executor, session: { id: string; userId: number; at: Date }) {
  await db.insert(userSessions).values({ id: session.id, userId: session.userId, signedInAt: session.at, lastSeenAt: session.at });
}

/**
 * The user behind a session token and the token's session row, in one round trip (every signed-in request asks):
 * the session is null when its row does not exist or belongs to someone else.
 */
export async function findSessionAndUser(db: Executor, userId: number, sessionId: string) {
  const [row] = await db
    .select({ user: sessionUserColumns, session: userSessions })
    .from(users)
    .leftJoin(userSessions, and(eq(userSessions.id, sessionId), eq(userSessions.userId, users.id)))
    .where(eq(users.id, userId));
  return row ? { user: row.user as SessionUser, session: row.session } : null;
}

export async function touchSession(db: Executor, id: string, at: Date) {
  await db.update(userSessions).set({ lastSeenAt: at }).where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}

/** Ends a session for good (signed out, idle, expired); a later request with its cookie is refused. */
export async function endSession(db: Executor, id: string, at: Date, reason: 'signed-out' | 'idle' | 'expired') {
  await db.update(userSessions).set({ endedAt: at, endReason: reason }).where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}
