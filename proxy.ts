import { NextResponse } from 'next/server';
import type { NextFetchEvent, NextRequest } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { auth } from '@/lib/auth/config';
import { ACCESS_DENIED_PATH, CHANGE_PASSWORD_PATH, SIGN_IN_PATH, backofficeDecision } from '@/lib/auth/gate';
import { routing } from '@/lib/i18n/routing';

/**
 * Next 16 proxy (Node runtime). Public pages: Dutch at `/`, English under `/en` (next-intl). Back-office: a session
 * is required and the role must allow the page (lib/auth/policy.ts); pages and actions check again themselves.
 */
const publicPages = createMiddleware(routing);

const backoffice = auth((request) => {
  const user = request.auth?.user;
  const decision = backofficeDecision(request.nextUrl.pathname, user ? { role: user.role, mustChangePassword: user.mustChangePassword } : null);
  const to = (path: string, params: Record<string, string> = {}) => {
    const url = new URL(path, request.nextUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return NextResponse.redirect(url);
  };
  switch (decision.kind) {
    case 'allow':
      return NextResponse.next();
    case 'signIn':
      return to(SIGN_IN_PATH, { terug: request.nextUrl.pathname + request.nextUrl.search });
    case 'changePassword':
      return to(CHANGE_PASSWORD_PATH);
    case 'denied':
      return to(ACCESS_DENIED_PATH);
    case 'home':
      return to(decision.path);
  }
});

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  if (path === '/beheer' || path.startsWith('/beheer/')) {
    // Server actions (POST) check the user themselves, in the action pipeline. Reading the session here would also
    // re-issue its cookie on the response, undoing a sign-out or a password change made by that very action.
    if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
    return backoffice(request, event as never);
  }
  return publicPages(request);
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
