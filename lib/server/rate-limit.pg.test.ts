import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@/db/testing';

/**
 * The abuse limits (issue 12, review item 2) on real PostgreSQL: per address and globally, one window, exact under
 * concurrency, and on every public entry that is not the complaint form (that one: lib/complaints/submit.contract.ts,
 * which runs on pg, PGlite and Neon).
 */
let database: ThrowawayDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let limits: typeof import('./rate-limit');

beforeAll(async () => {
  database = await createThrowawayDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.DATABASE_DRIVER;
  delete process.env.RATE_LIMIT_FACTOR;
  const client = await import('@/db/client');
  const { runMigrations } = await import('@/db/migrate');
  limits = await import('./rate-limit');
  closeDb = client.closeDb;
  await runMigrations();
  db = await client.getDb();
});

afterAll(async () => {
  await closeDb?.();
  await database?.drop();
});

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 9, 0) + minutes * 60_000);

describe('consumeLimit', () => {
  it('allows the per-address number in a window, then says when to try again; another address is not affected', async () => {
    const { perAddress } = limits.LIMITS.lostLink;
    for (let i = 0; i < perAddress.points; i++) expect(await limits.consumeLimit('lostLink', '203.0.113.1', at(i))).toEqual({ ok: true });
    expect(await limits.consumeLimit('lostLink', '203.0.113.1', at(20))).toEqual({ ok: false, retryAfterMinutes: 40, retryAfterSeconds: 2400 });
    expect(await limits.consumeLimit('lostLink', '203.0.113.2', at(20))).toEqual({ ok: true });
    // The window ends: the address may try again.
    expect(await limits.consumeLimit('lostLink', '203.0.113.1', at(61))).toEqual({ ok: true });
  });

  it('the global limit holds however many addresses are used', async () => {
    const { global } = limits.LIMITS.submit;
    const start = at(1000);
    const results = [];
    for (let i = 0; i < global.points + 3; i++) results.push(await limits.consumeLimit('submit', `198.51.100.${i % 250}-${i}`, start));
    expect(results.filter((r) => r.ok)).toHaveLength(global.points);
    expect(results.at(-1)).toMatchObject({ ok: false, retryAfterMinutes: 60 });
  });

  it('20 simultaneous requests on one address: exactly the allowed number pass', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => limits.consumeLimit('submit', '192.0.2.77', at(5000))));
    expect(results.filter((r) => r.ok)).toHaveLength(limits.LIMITS.submit.perAddress.points);
  });
});

describe('the public entries', () => {
  it('the lost-link form: "try again in N minutes", not "unavailable"', async () => {
    const { requestStatusLinkAction } = await import('@/lib/complaints/client-actions');
    let state: Awaited<ReturnType<typeof requestStatusLinkAction>> = { state: 'idle' };
    const form = new FormData();
    form.set('reference', 'KL-2026-0001');
    form.set('email', 'iemand@example.test');
    for (let i = 0; i <= limits.LIMITS.lostLink.perAddress.points; i++) state = await requestStatusLinkAction(state, form);
    expect(state).toMatchObject({ state: 'unavailable', retryAfterMinutes: expect.any(Number) });
  });

  it('the judgement buttons on the status page: back to the page with a rate-limit message', async () => {
    const { judgeOutcome } = await import('@/lib/complaints/steps/satisfaction');
    let result = await judgeOutcome({ token: 'x'.repeat(43), satisfied: 'yes' });
    for (let i = 0; i < limits.LIMITS.clientAction.perAddress.points && !('error' in result && result.error === 'limited'); i++) {
      result = await judgeOutcome({ token: 'x'.repeat(43), satisfied: 'yes' });
    }
    expect(result).toMatchObject({ ok: false, error: 'limited', fieldErrors: { _form: ['rateLimited'] } });
  });

  it('the answer upload: 429 with Retry-After before the body is read', async () => {
    const route = await import('@/app/api/status/[token]/answer/route');
    const token = 'y'.repeat(43);
    const post = () =>
      route.POST(new Request(`http://localhost:3000/api/status/${token}/answer`, { method: 'POST', body: new FormData(), headers: { 'x-forwarded-for': '203.0.113.99' } }), {
        params: Promise.resolve({ token }),
      });
    let response = await post();
    for (let i = 0; i < limits.LIMITS.clientAnswer.perAddress.points && response.status !== 429; i++) response = await post();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ ok: false, error: 'limited', fieldErrors: { _form: ['rateLimited'] } });
  });
});
