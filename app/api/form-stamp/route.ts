import { NextResponse } from 'next/server';
import { MIN_FILL_MS, signFormStamp } from '@/lib/complaints/form-stamp';
import { clientAddressFrom } from '@/lib/server/client-address';
import { consumeLimit, type LimitDecision } from '@/lib/server/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * GET /api/form-stamp: `{ stamp, minFillMs }`, the signed time the complaint form was shown (lib/complaints/form-stamp.ts),
 * and how long after it a complaint is taken. The form page is served from Next's cache (issue 13), so it cannot carry a
 * per-request time: the form fetches its stamp here when it mounts (and again when sending, if that failed; it then
 * waits until minFillMs have passed). A bot gains nothing over fetching the page: the stamp still has to be that old.
 *
 * 200 { stamp, minFillMs } · 429 too many (Retry-After; lib/server/rate-limit.ts `formStamp`) · 503 database down.
 */
export async function GET(request: Request) {
  let limit: LimitDecision;
  try {
    limit = await consumeLimit('formStamp', clientAddressFrom(request.headers));
  } catch {
    return json(503, { error: 'unavailable' });
  }
  if (!limit.ok) {
    return json(429, { error: 'limited', retryAfterMinutes: limit.retryAfterMinutes }, { 'Retry-After': String(limit.retryAfterSeconds) });
  }
  return json(200, { stamp: signFormStamp(new Date()), minFillMs: MIN_FILL_MS });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store, private', ...headers } });
}
