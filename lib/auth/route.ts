import type { NextRequest } from 'next/server';
import { handlers } from './config';
import { capSessionCookies } from './session';
import { readSessionOrUnavailable } from './session-lookup';

/**
 * The Auth.js route (app/api/auth/[...nextauth]): its own handlers, except that the cookie /api/auth/session hands
 * out expires no later than the session's absolute end (the `expires` the session callback reports), and a database
 * outage answers 503 instead of signing the user out.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (!request.nextUrl.pathname.endsWith('/session')) return handlers.GET(request);
  // The database did not answer while the session was checked: 503, and the cookie stays (Auth.js would delete it,
  // signing the user out by an outage).
  const { value: response, unavailable } = await readSessionOrUnavailable(() => handlers.GET(request));
  if (unavailable) return Response.json({ error: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { expires?: string } | null;
  const end = body?.expires ? new Date(body.expires) : null;
  if (!end || Number.isNaN(end.getTime())) return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  for (const cookie of capSessionCookies(response.headers.getSetCookie(), end)) headers.append('set-cookie', cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export const POST = handlers.POST;
