import { NextResponse, type NextRequest } from 'next/server';
import { databaseHealth } from '@/lib/health';
import { cronAuthorized } from '@/lib/server/cron';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health: 200 `{ status: 'ok' }` or 503 `{ status: 'unavailable' }` for anyone (load balancers, uptime
 * checks). The details (app version, database driver and status) only with `Authorization: Bearer $CRON_SECRET`.
 */
export async function GET(request: NextRequest) {
  const database = await databaseHealth();
  const ok = database.status === 'ok';
  const status = ok ? 'ok' : 'unavailable';
  const details = cronAuthorized(request.headers.get('authorization') ?? null);
  const body = details ? { status, app: { name: 'klachtloket', version: process.env.npm_package_version ?? null }, database } : { status };
  return NextResponse.json(body, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
