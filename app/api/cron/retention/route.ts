import { loggableError } from '@/lib/server/log-error';
import { NextResponse, type NextRequest } from 'next/server';
import { runRetention } from '@/lib/privacy/retention-run';
import { cronAuthorized } from '@/lib/server/cron';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cron/retention: anonymises the closed complaints whose retention period has passed (for serverless hosting;
 * call it daily); `Authorization: Bearer $CRON_SECRET`. Answers the counts: { day, due, anonymised, failed }.
 */
export async function GET(request: NextRequest) {
  if (!cronAuthorized(request.headers.get('authorization'))) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  try {
    return NextResponse.json(await runRetention());
  } catch (error) {
    console.error('[cron retention]', loggableError(error));
    return NextResponse.json({ error: 'unavailable' }, { status: 503 });
  }
}
