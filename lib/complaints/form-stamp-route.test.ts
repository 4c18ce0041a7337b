import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/form-stamp/route';
import { MIN_FILL_MS, botVerdict } from './form-stamp';

/** The complaint form is served from the cache and fetches its stamp from /api/form-stamp when it mounts (issue 13). */
describe('GET /api/form-stamp', () => {
  it('answers a fresh signed stamp, never cached', async () => {
    const before = Date.now();
    const response = GET();
    expect(response.headers.get('cache-control')).toContain('no-store');
    const { stamp } = (await response.json()) as { stamp: string };
    const ms = Number(stamp.split('.')[0]);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['at once', 0, 'tooFast'],
    ['just under the minimum fill time', MIN_FILL_MS - 1, 'tooFast'],
    ['after the minimum fill time', MIN_FILL_MS + 1, 'human'],
  ] as const)('a complaint sent with it %s is %s', async (_, afterMs, verdict) => {
    const { stamp } = (await GET().json()) as { stamp: string };
    const shown = Number(stamp.split('.')[0]);
    expect(botVerdict({ formStamp: stamp, website: '' }, new Date(shown + afterMs))).toBe(verdict);
  });

  it('a stamp with another time under the same signature is refused', async () => {
    const { stamp } = (await GET().json()) as { stamp: string };
    const [ms, mac] = stamp.split('.');
    expect(botVerdict({ formStamp: `${Number(ms) - 60_000}.${mac}`, website: '' }, new Date())).toBe('badStamp');
  });
});
