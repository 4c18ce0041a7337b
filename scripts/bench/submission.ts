// The public submission server action as the browser calls it, captured from the built app: its action id from the
// /klacht page's scripts (checked against the build's server-reference manifest) and a signed form stamp as the form
// fetches it (/api/form-stamp; lib/complaints/form-stamp.ts). Shared by bench:submit and bench:profile.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { DIST, ROOT, sleep } from './shared';

export type Submission = { headers: Record<string, string>; body: (idempotencyKey: string) => string };

export async function captureSubmission(base: string, sql: pg.Client, now: Date): Promise<Submission> {
  const { amsterdamDate, addCalendarDays } = await import('../../lib/procedure/dates');
  const page = await (await fetch(`${base}/klacht`)).text();
  const { formStamp } = await import('../faults/app');
  const stamp = await formStamp(base);
  const manifest = JSON.parse(readFileSync(path.join(ROOT, DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const candidates = Object.entries(manifest.node)
    .filter(([, entry]) => Object.keys(entry.workers).some((w) => w.includes('klacht/page')) && (entry.exportedName ?? 'submitComplaint') === 'submitComplaint')
    .map(([id]) => id);
  const scripts = [...page.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const code = (await Promise.all(scripts.map((src) => fetch(base + src).then((r) => r.text())))).join('\n');
  const actionId = candidates.find((id) => code.includes(id));
  if (!actionId) throw new Error(`the submission action was not found in the /klacht page's scripts (candidates: ${candidates.join(', ')})`);
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
  const headers = {
    accept: 'text/x-component',
    'content-type': 'text/plain;charset=UTF-8',
    'next-action': actionId,
    origin: base,
    'next-router-state-tree': encodeURIComponent(
      JSON.stringify(['', { children: [['locale', 'nl', 'd'], { children: ['klacht', { children: ['__PAGE__', {}, null, null] }, null, null] }, null, null] }, null, null, true]),
    ),
  };
  const body = (key: string) => JSON.stringify([{ ...form, idempotencyKey: key }]);
  // The stamp must be older than the minimum fill time before the first request.
  await sleep(3_200);
  const probe = await fetch(`${base}/klacht`, { method: 'POST', headers, body: body(randomUUID()) });
  const probeBody = await probe.text();
  if (!probe.ok || !probeBody.includes('"ok":true')) throw new Error(`the captured action did not file a complaint: ${probe.status} ${probeBody.slice(0, 300)}`);
  return { headers, body };
}
