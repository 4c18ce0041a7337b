import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/page';
import { exportFilename } from '@/lib/inbox/export';
import { inboxCsvStream } from '@/lib/inbox/export-stream';
import { choicesFrom, loadFilterOptions } from '@/lib/inbox/load';
import { parseInboxParams } from '@/lib/inbox/params';
import { amsterdamDate } from '@/lib/procedure/dates';

export const dynamic = 'force-dynamic';

/**
 * GET /beheer/export?<the inbox's parameters>: the inbox view as a CSV download, every page, streamed. The same
 * permission and visibility as the inbox (a handler exports what their inbox shows).
 */
export async function GET(request: NextRequest) {
  const actor = await requireActor('complaints.read');
  const params = parseInboxParams(request.nextUrl.searchParams, choicesFrom(await loadFilterOptions(actor)));
  const today = amsterdamDate(new Date());
  const csv = inboxCsvStream(await getDb(), actor, params, today);
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFilename(today)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
