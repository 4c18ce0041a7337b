import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertTestReferenceData } from '@/db/fixtures';
import { migratedThrowawayDatabase } from '@/db/testing';
import { complaints } from '@/db/schema';
import { validComplaint } from './submit.contract';

/**
 * `POST /api/klachten`, the public complaint form's submission (issue 13: a route handler, not a server action), on
 * real PostgreSQL: what each answer looks like over HTTP and that a refused request writes nothing. The submission's
 * own rules are tested through the same function in ./submit.contract.ts.
 */
let db: Db;
let close: () => Promise<void>;
let route: typeof import('@/app/api/klachten/route');

beforeAll(async () => {
  delete process.env.RATE_LIMIT_FACTOR;
  ({ db, close } = await migratedThrowawayDatabase());
  await insertTestReferenceData(db);
  route = await import('@/app/api/klachten/route');
});
afterAll(() => close?.());

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  route.POST(new Request('http://localhost:3000/api/klachten', { method: 'POST', body, headers: { 'content-type': 'application/json', host: 'localhost:3000', ...headers } }));
const count = async () => (await db.select({ id: complaints.id }).from(complaints)).length;

describe('POST /api/klachten', () => {
  it('200 with the reference and the status link token; the same idempotency key again gives the same complaint', async () => {
    const input = validComplaint();
    const first = await post(JSON.stringify(input), { origin: 'http://localhost:3000' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('no-store');
    const body = await first.json();
    expect(body).toMatchObject({ ok: true, data: { reference: expect.stringMatching(/^KL-\d{4}-\d{4,}$/), token: expect.any(String) } });
    const before = await count();
    const again = await (await post(JSON.stringify(input))).json();
    expect(again.data.reference).toBe(body.data.reference);
    expect(await count()).toBe(before);
  });

  it.each([
    ['not JSON', 'dit is geen json', 400],
    ['JSON, but a list', JSON.stringify([validComplaint()]), 400],
    ['JSON, but a text', JSON.stringify('klacht'), 400],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 400],
    ['over 64 kB', JSON.stringify(validComplaint({ description: 'x'.repeat(70_000) })), 413],
    ['without a form stamp (a bot)', JSON.stringify(validComplaint({ formStamp: undefined })), 422],
    ['sent within seconds of the form being shown', JSON.stringify(validComplaint({ formStamp: (validComplaint().formStamp as string).replace(/^\d+/, String(Date.now())) })), 422],
    ['with the honeypot filled', JSON.stringify(validComplaint({ website: 'https://spam.example' })), 422],
  ] as const)('%s: %s, nothing written', async (_, body, status) => {
    const before = await count();
    const response = await post(body as BodyInit);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['invalid'] } });
    expect(await count()).toBe(before);
  });

  it('bad fields: 422 with the field errors the form shows, nothing written', async () => {
    const before = await count();
    const response = await post(JSON.stringify(validComplaint({ name: '', email: 'noor@', incidentDate: '2999-01-01' })));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { name: ['required'], email: [expect.any(String)], incidentDate: [expect.any(String)] } });
    expect(await count()).toBe(before);
  });

  it('from another site: 403, nothing written', async () => {
    const before = await count();
    const response = await post(JSON.stringify(validComplaint()), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('over the abuse limit: 429 with Retry-After and the minutes the form shows, nothing written', async () => {
    let response = await post(JSON.stringify(validComplaint()));
    for (let i = 0; i < 20 && response.status !== 429; i++) response = await post(JSON.stringify(validComplaint()));
    expect(response.status).toBe(429);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, error: 'limited', retryAfterMinutes: expect.any(Number) });
    expect(Number(response.headers.get('retry-after'))).toBe(body.retryAfterMinutes * 60);
    const before = await count();
    expect((await post(JSON.stringify(validComplaint()))).status).toBe(429);
    expect(await count()).toBe(before);
  });
});
