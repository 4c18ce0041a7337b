import { clientAddressFrom } from '@/lib/server/client-address';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { findSessionUser } from '@/db/auth';
import { getDb } from '@/db/client';
import type { Role } from '@/lib/procedure/vocabulary';
import { appSecret } from '@/lib/server/env';
import { authenticate } from './authenticate';

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

type Claims = { uid?: number; sv?: number; role?: Role; mcp?: boolean };

/**
 * Auth.js v5: Credentials provider and JWT sessions. Every time a session is read, the user is looked up again, so a
 * deactivated user, a changed role or a changed password takes effect on the next request.
 */
export const authConfig = {
  secret: appSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 10 * 60 * 60 }, // a working day
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
  callbacks: {
    async jwt({ token, user }) {
      const claims = token as typeof token & Claims;
      const id = user?.id ? Number(user.id) : claims.uid;
      if (!id) return null;
      const current = await findSessionUser(await getDb(), id);
      if (!current || !current.active) return null;
      // A session from before a password change or deactivation is void.
      if (!user && claims.sv !== current.sessionVersion) return null;
      return {
        ...token,
        sub: String(current.id),
        name: current.name,
        email: current.email,
        uid: current.id,
        sv: current.sessionVersion,
        role: current.role,
        mcp: current.mustChangePassword,
      };
    },
    session({ session, token }) {
      const claims = token as typeof token & Claims;
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
