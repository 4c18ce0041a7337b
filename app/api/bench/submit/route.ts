import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { floorReferenceData, insertFloorSubmission } from '@/db/bench';
import { getDb } from '@/db/client';
import { amsterdamDate } from '@/lib/procedure/dates';

export const dynamic = 'force-dynamic';

/**
 * POST /api/bench/submit: the floor of `npm run bench:submit` — the rows of one online submission in one transaction
 * (db/bench.ts), nothing else. It exists only in the benchmark build: KLACHTLOKET_BENCH_BUILD is fixed when the app is
 * built (next.config.ts `env`), and every other build answers 404 here.
 */
let reference: Promise<Awaited<ReturnType<typeof floorReferenceData>>> | undefined;

export async function POST() {
  if (process.env.KLACHTLOKET_BENCH_BUILD !== '1') return new NextResponse(null, { status: 404 });
  const db = await getDb();
  reference ??= floorReferenceData(db);
  const { categoryId, terms } = await reference;
  const now = new Date();
  const receivedOn = amsterdamDate(now);
  const key = randomUUID();
  const row = await insertFloorSubmission(db, {
    year: Number(receivedOn.slice(0, 4)),
    receivedOn,
    now,
    name: 'Benchmark Klant',
    email: 'bench@example.test',
    categoryId,
    description: 'Een klacht van de benchmark: dezelfde rijen als een echte indiening.',
    terms,
    tokenHash: key.replaceAll('-', '') + key.replaceAll('-', ''),
    idempotencyKey: key,
  });
  return NextResponse.json({ ok: true, reference: row.reference }, { headers: { 'Cache-Control': 'no-store' } });
}
