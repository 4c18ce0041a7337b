import type { NextRequest } from 'next/server';
import { handlers } from './config';
import { capSessionCookies } from './session';

/**
 * The Auth.js route (app/api/auth/[...nextauth]): its own handlers, except that the cookie /api/auth/session hands
 * out expires no later than the session's absolute end (the `expires` the session callback reports).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  if (!request.nextUrl.pathname.endsWith('/session')) return response;
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
