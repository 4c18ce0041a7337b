import { clientAddressFrom } from '@/lib/server/client-address';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import { encode as encodeJwt, type JWT } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { endSession, findSessionAndUser, findSessionUser, startSession, touchSession } from '@/db/auth';
import { getDb } from '@/db/client';
import type { Role } from '@/lib/procedure/vocabulary';
import { appSecret } from '@/lib/server/env';
import { authenticate } from './authenticate';
import { loggableError } from '@/lib/server/log-error';
import { reportSessionStoreUnavailable } from './session-lookup';
import { dueForTouch, newSessionId, sessionEnd, sessionState, tokenMaxAge } from './session';

/** Wrong e-mail or password: one message for both, so the form does not tell which accounts exist. */
export class InvalidSignIn extends CredentialsSignin {
  code = 'invalid';
}

/** Too many failures: `code` is `locked:<minutes left>`. */
export class LockedOut extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `locked:${minutes}`;
  }
}

/** The client's address for the lockout: as the deployment says it may be read (lib/server/client-address.ts). */
export function clientAddress(headers: Headers): string {
  return clientAddressFrom(headers);
}

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; mustChangePassword: boolean };
  }
}

/** uid: user id; sv: session version; sid: the `user_sessions` row; sia: signed in at (epoch seconds). */
export type Claims = { uid?: number; sv?: number; sid?: string; sia?: number; role?: Role; mcp?: boolean };

/**
 * Whether the session behind a token still holds (lib/auth/session.ts): the user active with the same session
 * version, the session row not ended, not idle, not past its absolute lifetime. An idle or expired row is ended.
 */
export async function sessionHolds(claims: Claims, now: Date) {
  if (!claims.uid || !claims.sid) return null;
  const db = await getDb();
  const found = await findSessionAndUser(db, claims.uid, claims.sid);
  const current = found?.user;
  // A session from before a password change, role change or deactivation is void.
  if (!current || !current.active || claims.sv !== current.sessionVersion) return null;
  const session = found.session;
  if (!session || session.userId !== current.id || session.endedAt) return null;
  const state = sessionState(session, now);
  if (state !== 'ok') {
    await endSession(db, session.id, now, state);
    return null;
  }
  if (dueForTouch(session.lastSeenAt, now)) await touchSession(db, session.id, now);
  return current;
}

/** The token of a fresh sign-in (a new session row), or of a session that still holds; null ends the session. */
async function issueToken({ token, user }: { token: JWT; user?: { id?: string } | null }) {
  const claims = token as typeof token & Claims;
  const now = new Date();
  let session: { sid: string; sia: number };
  let current;
  if (user?.id) {
    // A fresh sign-in: a new session row.
    current = await findSessionUser(await getDb(), Number(user.id));
    if (!current || !current.active) return null;
    session = { sid: newSessionId(), sia: Math.floor(now.getTime() / 1000) };
    await startSession(await getDb(), { id: session.sid, userId: current.id, at: new Date(session.sia * 1000) });
  } else {
    current = await sessionHolds(claims, now);
    if (!current) return null;
    session = { sid: claims.sid!, sia: claims.sia! };
  }
  return {
    ...token,
    ...session,
    sub: String(current.id),
    name: current.name,
    email: current.email,
    uid: current.id,
    sv: current.sessionVersion,
    role: current.role,
    mcp: current.mustChangePassword,
  };
}

/**
 * Auth.js v5: Credentials provider and JWT sessions. Every time a session is read, the user is looked up again, so a
 * deactivated user, a changed role or a changed password takes effect on the next request.
 */
export const authConfig = {
  secret: appSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 10 * 60 * 60 }, // a working day; lib/auth/session.ts has the real limits
  jwt: {
    // No token outlives the session's absolute end, however often /api/auth/session re-issues it.
    encode(params) {
      const sia = (params.token as Claims | undefined)?.sia;
      return encodeJwt({ ...params, maxAge: tokenMaxAge(sia, Math.floor(Date.now() / 1000), params.maxAge ?? 10 * 60 * 60) });
    },
  },
  events: {
    // Sign-out ends the session server-side: a copied cookie is refused from now on.
    async signOut(message) {
      const sid = 'token' in message ? (message.token as Claims | null)?.sid : undefined;
      if (sid) await endSession(await getDb(), sid, new Date(), 'signed-out');
    },
  },
  pages: { signIn: '/beheer/inloggen' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(credentials, clientAddress(request.headers));
        if (result.ok) return { id: String(result.user.id), name: result.user.name, email: result.user.email };
        throw result.reason === 'locked' ? new LockedOut(result.minutes) : new InvalidSignIn();
      },
    }),
  ],
  // Auth.js logs a failed callback with its cause, which for a database error is the query and its parameters (a
  // session id, a user id): the class and SQLSTATE only, as everywhere else (lib/server/log-error.ts).
  logger: {
    error(error: Error) {
      const cause = (error as { cause?: { err?: unknown } }).cause;
      console.error(`[auth] ${(error as { type?: string }).type ?? error.name}:`, loggableError(cause?.err ?? cause ?? error));
    },
    warn(code: string) {
      console.warn(`[auth] warning: ${code}`);
    },
  },
  callbacks: {
    async jwt(params) {
      try {
        return await issueToken(params);
      } catch (error) {
        // The database did not answer: no session now, but the caller says "try again" (lib/auth/session-lookup.ts).
        reportSessionStoreUnavailable();
        throw error;
      }
    },
    session({ session, token }) {
      const claims = token as typeof token & Claims;
      // The session ends at its absolute end at the latest; /api/auth/session's cookie expires then too (route.ts).
      if (claims.sia) {
        const end = Math.min(new Date(session.expires).getTime(), sessionEnd(claims.sia).getTime());
        session.expires = new Date(end).toISOString() as typeof session.expires;
      }
      session.user = {
        ...session.user,
        id: String(claims.uid),
        name: token.name ?? '',
        email: token.email ?? '',
        role: claims.role!,
        mustChangePassword: claims.mcp ?? false,
      };
      return session;
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
