import { NextResponse } from 'next/server';
import { signFormStamp } from '@/lib/complaints/form-stamp';

export const dynamic = 'force-dynamic';

/**
 * GET /api/form-stamp: `{ stamp }`, the signed time the complaint form was shown (lib/complaints/form-stamp.ts). The
 * form page is served from Next's cache (issue 13), so it cannot carry a per-request time: the form fetches its stamp
 * here when it mounts. A bot gains nothing over fetching the page: the stamp still has to be MIN_FILL_MS old.
 */
export function GET() {
  return NextResponse.json({ stamp: signFormStamp(new Date()) }, { headers: { 'Cache-Control': 'no-store, private' } });
}
