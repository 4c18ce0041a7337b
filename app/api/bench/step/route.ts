import { NextResponse } from 'next/server';
import { acknowledgeFloor } from '@/db/bench';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/**
 * POST /api/bench/step: the floor of `npm run bench:step` — the writes of the handler step "acknowledge" on the
 * complaint and version in the body (`[{ "complaintId": n, "version": v }]`, as the server action gets them), in one
 * transaction (db/bench.ts), nothing else. It exists only in the benchmark build: KLACHTLOKET_BENCH_BUILD is fixed
 * when the app is built (next.config.ts `env`), and every other build answers 404 here.
 */
export async function POST(request: Request) {
  if (process.env.KLACHTLOKET_BENCH_BUILD !== '1') return new NextResponse(null, { status: 404 });
  const body = (await request.json().catch(() => null)) as [{ complaintId?: unknown; version?: unknown }] | null;
  const complaintId = Number(body?.[0]?.complaintId);
  const version = Number(body?.[0]?.version);
  if (!Number.isInteger(complaintId) || !Number.isInteger(version)) return NextResponse.json({ ok: false }, { status: 400 });
  const done = await acknowledgeFloor(await getDb(), complaintId, version, new Date());
  return NextResponse.json(done ? { ok: true, version: done.version } : { ok: false, error: 'conflict' }, { status: done ? 200 : 409, headers: { 'Cache-Control': 'no-store' } });
}
