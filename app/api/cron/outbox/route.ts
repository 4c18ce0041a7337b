import { loggableError } from '@/lib/server/log-error';
import { NextResponse, type NextRequest } from 'next/server';
import { cronAuthorized } from '@/lib/server/cron';
import { deliverOutbox } from '@/lib/mail/worker';

export const dynamic = 'force-dynamic';

/** GET /api/cron/outbox: sends due e-mails (for serverless hosting); `Authorization: Bearer $CRON_SECRET`. */
export async function GET(request: NextRequest) {
  if (!cronAuthorized(request.headers.get('authorization'))) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  try {
    return NextResponse.json(await deliverOutbox());
  } catch (error) {
    console.error('[cron outbox]', loggableError(error));
    return NextResponse.json({ error: 'unavailable' }, { status: 503 });
  }
}
