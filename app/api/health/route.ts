import { NextResponse } from 'next/server';
import { databaseHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** GET /api/health: app and database status; 503 when the database does not answer. */
export async function GET() {
  const database = await databaseHealth();
  const ok = database.status === 'ok';
  return NextResponse.json(
    { status: ok ? 'ok' : 'unavailable', app: { name: 'klachtloket', version: process.env.npm_package_version ?? null }, database },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
