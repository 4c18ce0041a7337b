// The public complaint form's submission as the browser sends it, captured from the built app: the route the form
// posts to (`POST /api/klachten`, found in the /klacht page's scripts) with a signed form stamp as the form fetches it
// (/api/form-stamp; lib/complaints/form-stamp.ts). Shared by bench:submit and bench:profile.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sleep } from './shared';

/** The route the form posts to (components/ComplaintForm.tsx postComplaint; app/api/klachten/route.ts). */
export const SUBMISSION_PATH = '/api/klachten';

export type Submission = { path: string; headers: Record<string, string>; body: (idempotencyKey: string) => string };

export async function captureSubmission(base: string, sql: pg.Client, now: Date): Promise<Submission> {
  const { amsterdamDate, addCalendarDays } = await import('../../lib/procedure/dates');
  const page = await (await fetch(`${base}/klacht`)).text();
  const { formStamp } = await import('../faults/app');
  const stamp = await formStamp(base);
  const scripts = [...page.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const code = (await Promise.all(scripts.map((src) => fetch(base + src).then((r) => r.text())))).join('\n');
  if (!code.includes(SUBMISSION_PATH)) throw new Error(`the /klacht page's scripts do not post to ${SUBMISSION_PATH}`);
  const category = (await sql.query<{ code: string }>('select code from categories where active order by sort_order limit 1')).rows[0]!.code;
  const today = amsterdamDate(now);
  const form = {
    name: 'Benchmark Klant',
    email: 'bench@example.test',
    street: '',
    postcode: '',
    city: '',
    phone: '',
    category,
    staffId: '',
    staffOther: '',
    description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
    incidentWhen: 'date',
    incidentDate: addCalendarDays(today, -20),
    desiredOutcome: '',
    partyChoice: 'municipality',
    partyName: '',
    consent: true,
    locale: 'nl',
    formStamp: stamp,
    website: '',
  };
  const headers = { 'content-type': 'application/json', origin: base };
  const body = (key: string) => JSON.stringify({ ...form, idempotencyKey: key });
  // The stamp must be older than the minimum fill time before the first request.
  await sleep(3_200);
  const probe = await fetch(base + SUBMISSION_PATH, { method: 'POST', headers, body: body(randomUUID()) });
  const probeBody = await probe.text();
  if (!probe.ok || !probeBody.includes('"ok":true')) throw new Error(`the captured submission did not file a complaint: ${probe.status} ${probeBody.slice(0, 300)}`);
  return { path: SUBMISSION_PATH, headers, body };
}
