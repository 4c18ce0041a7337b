import { getToken } from 'next-auth/jwt';
import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { ACCESS_DENIED_PATH, CHANGE_PASSWORD_PATH, SIGN_IN_PATH, backofficeDecision, type GateUser } from '@/lib/auth/gate';
import { routing } from '@/lib/i18n/routing';
import type { Role } from '@/lib/procedure/vocabulary';
import { HSTS, hashPolicy, newNonce, noncePolicy, servedOverHttps } from '@/lib/security/headers';
import { internalRoute, staticPageHashes } from '@/lib/security/static-pages';
import { checkActionBody, checkActionHeaders, needsBodyCheck, readBoundedText } from '@/lib/server/action-request';
import { appSecret } from '@/lib/server/env';

/**
 * Next 16 proxy (Node runtime). Public pages: Dutch at `/`, English under `/en` (next-intl). Back-office: a session
 * is required and the role must allow the page (lib/auth/policy.ts).
 *
 * The proxy only reads the session cookie; it never writes it. (Refreshing it here raced with signing out: a
 * prefetch answered after the sign-out put the cookie back.) Pages and actions look the user up in the database
 * again, so a deactivated user or a changed role is refused there even while an older cookie is still readable.
 */
const publicPages = createMiddleware(routing);

// The app is serving: lib/security/page-cache-handler.cjs may now hold a page it rendered again for a moment, so that
// every page served fits the policy sent with it (lib/security/static-pages.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for('klachtloket.proxy-serving')] = true;

async function sessionUser(request: NextRequest): Promise<GateUser> {
  const secret = appSecret();
  // Auth.js names the cookie `__Secure-authjs.session-token` on https, `authjs.session-token` on http.
  const token = (await getToken({ req: request, secret, secureCookie: true })) ?? (await getToken({ req: request, secret, secureCookie: false }));
  const role = token?.role as Role | undefined;
  if (!token || !role) return null;
  return { role, mustChangePassword: token.mcp === true };
}

const dev = process.env.NODE_ENV !== 'production';

/**
 * The page's Content-Security-Policy (lib/security/headers.ts): the hashes of its inline scripts when it is served
 * prerendered, else a fresh nonce. Next takes the nonce from the request's CSP header for its own scripts.
 */
function pagePolicy(request: NextRequest): string {
  const hashes = staticPageHashes(internalRoute(request.nextUrl.pathname, routing.locales, routing.defaultLocale));
  return hashes ? hashPolicy(hashes, dev) : noncePolicy(newNonce(), dev);
}

/** The request as the app sees it, carrying the page's policy (for the nonce). */
function withPolicy(request: NextRequest, policy: string): NextRequest {
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return new NextRequest(request, { headers });
}

function secured(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  if (servedOverHttps(request.url, request.headers.get('x-forwarded-proto'))) response.headers.set(HSTS.key, HSTS.value);
  return response;
}

async function backoffice(request: NextRequest, policy: string): Promise<NextResponse> {
  const decision = backofficeDecision(request.nextUrl.pathname, await sessionUser(request));
  const to = (path: string, params: Record<string, string> = {}) => {
    const url = new URL(path, request.nextUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return NextResponse.redirect(url);
  };
  switch (decision.kind) {
    case 'allow':
      return NextResponse.next({ request: { headers: withPolicy(request, policy).headers } });
    case 'signIn':
      return to(SIGN_IN_PATH, { terug: request.nextUrl.pathname + request.nextUrl.search });
    case 'changePassword':
      return to(CHANGE_PASSWORD_PATH);
    case 'denied':
      return to(ACCESS_DENIED_PATH);
    case 'home':
      return to(decision.path);
  }
}

/**
 * A server-action call (POST with a `Next-Action` header) that Next would answer with a 500 — over 1 MB, not the JSON
 * React sends, nested thousands deep — is refused here with 413/400 (lib/server/action-request.ts). The body is read
 * (a copy) only for text/plain calls within the size limit, and never logged.
 */
async function actionRefusal(request: NextRequest): Promise<NextResponse | null> {
  let refusal = checkActionHeaders(request.headers);
  if (!refusal && needsBodyCheck(request.headers)) {
    try {
      const body = await readBoundedText(request.clone().body);
      refusal = body === null ? { status: 413, reason: 'too large' } : checkActionBody(body);
    } catch {
      refusal = { status: 400, reason: 'unreadable body' };
    }
  }
  if (!refusal) return null;
  const text = refusal.status === 413 ? 'Het verzoek is te groot. / The request is too large.' : 'Ongeldig verzoek. / Bad request.';
  return new NextResponse(text, { status: refusal.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export default async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const policy = pagePolicy(request);
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const refused = await actionRefusal(request);
    if (refused) return refused;
  }
  if (path === '/beheer' || path.startsWith('/beheer/')) {
    // Server actions (POST) check the user themselves, in the action pipeline, before reading their input.
    // A form posted without JavaScript gets a page back: it needs the nonce too.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return secured(request, NextResponse.next({ request: { headers: withPolicy(request, policy).headers } }), policy);
    }
    return secured(request, await backoffice(request, policy), policy);
  }
  // next-intl passes the request's headers on to the page it rewrites to.
  return secured(request, publicPages(withPolicy(request, policy)), policy);
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
