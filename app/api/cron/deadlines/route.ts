import { loggableError } from '@/lib/server/log-error';
import { NextResponse, type NextRequest } from 'next/server';
import { sendDeadlineDigests } from '@/lib/mail/digest-worker';
import { cronAuthorized } from '@/lib/server/cron';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cron/deadlines: makes the morning deadline digests (for serverless hosting; call it e.g. hourly on working
 * days); `Authorization: Bearer $CRON_SECRET`. Before 07:00 and on days off it reports why it did nothing.
 */
export async function GET(request: NextRequest) {
  if (!cronAuthorized(request.headers.get('authorization'))) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  try {
    return NextResponse.json(await sendDeadlineDigests());
  } catch (error) {
    console.error('[cron deadlines]', loggableError(error));
    return NextResponse.json({ error: 'unavailable' }, { status: 503 });
  }
}
