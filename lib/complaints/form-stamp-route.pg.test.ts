import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedThrowawayDatabase } from '@/db/testing';
import { MIN_FILL_MS, botVerdict } from './form-stamp';

/**
 * The complaint form is served from the cache and fetches its stamp from /api/form-stamp when it mounts (issue 13);
 * the route counts against the `formStamp` abuse limit (lib/server/rate-limit.ts) in real PostgreSQL.
 */
let close: () => Promise<void>;
let route: typeof import('@/app/api/form-stamp/route');
let limits: typeof import('@/lib/server/rate-limit');

beforeAll(async () => {
  delete process.env.RATE_LIMIT_FACTOR;
  ({ close } = await migratedThrowawayDatabase());
  route = await import('@/app/api/form-stamp/route');
  limits = await import('@/lib/server/rate-limit');
});
afterAll(() => close?.());

let next = 0;
/** Each call from its own address, so the per-address limit is not what these tests meet. */
const GET = (address = `192.0.2.${++next}`) => route.GET(new Request('http://localhost:3000/api/form-stamp', { headers: { 'x-forwarded-for': address } }));

describe('GET /api/form-stamp', () => {
  it('answers a fresh signed stamp, never cached, and how long after it a complaint is taken', async () => {
    const before = Date.now();
    const response = await GET();
    expect(response.headers.get('cache-control')).toContain('no-store');
    const { stamp, minFillMs } = (await response.json()) as { stamp: string; minFillMs: number };
    expect(minFillMs).toBe(MIN_FILL_MS);
    const ms = Number(stamp.split('.')[0]);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['at once', 0, 'tooFast'],
    ['just under the minimum fill time', MIN_FILL_MS - 1, 'tooFast'],
    ['after the minimum fill time', MIN_FILL_MS + 1, 'human'],
  ] as const)('a complaint sent with it %s is %s', async (_, afterMs, verdict) => {
    const { stamp } = (await (await GET()).json()) as { stamp: string };
    const shown = Number(stamp.split('.')[0]);
    expect(botVerdict({ formStamp: stamp, website: '' }, new Date(shown + afterMs))).toBe(verdict);
  });

  it('a stamp with another time under the same signature is refused', async () => {
    const { stamp } = (await (await GET()).json()) as { stamp: string };
    const [ms, mac] = stamp.split('.');
    expect(botVerdict({ formStamp: `${Number(ms) - 60_000}.${mac}`, website: '' }, new Date())).toBe('badStamp');
  });

  it('429 with Retry-After once an address has fetched its window of stamps; another address still gets one', async () => {
    const { perAddress } = limits.LIMITS.formStamp;
    for (let i = 0; i < perAddress.points; i++) expect((await GET('203.0.113.77')).status).toBe(200);
    const refused = await GET('203.0.113.77');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('cache-control')).toContain('no-store');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: 'limited', retryAfterMinutes: 10 });
    const other = await GET('203.0.113.78');
    expect(other.status).toBe(200);
  });
});
