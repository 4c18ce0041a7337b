import { describe, expect, it } from 'vitest';
import { isPermanent, MAX_ATTEMPTS, nextAttemptAt } from './retry';

const now = new Date('2026-11-24T12:00:00Z');
const minutes = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 60_000 : null);

describe('mail retry policy', () => {
  it.each([
    // attempts so far, status, minutes until the next attempt (null = give up)
    [1, 500, 1],
    [2, 500, 2],
    [3, 503, 4],
    [5, null, 16], // network error
    [7, 429, 64], // rate limited: retry
    [MAX_ATTEMPTS, 500, null], // out of attempts
    [1, 422, null], // invalid address: permanent
    [1, 403, null], // not allowed (e.g. unverified sender): permanent
    [1, 408, 1], // timeout: retry
  ])('after %i attempt(s) with status %s → retry in %s minute(s)', (attempts, statusCode, expected) => {
    expect(minutes(nextAttemptAt(attempts, { statusCode, message: 'x' }, now))).toBe(expected);
  });

  it('never waits more than six hours', () => {
    const policyWithManyAttempts = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => minutes(nextAttemptAt(i + 1, { statusCode: 500, message: '' }, now))!);
    expect(Math.max(...policyWithManyAttempts)).toBeLessThanOrEqual(360);
  });

  it.each([
    [400, true],
    [422, true],
    [429, false],
    [500, false],
    [null, false],
  ])('status %s is permanent: %s', (statusCode, expected) => {
    expect(isPermanent({ statusCode, message: '' })).toBe(expected);
  });
});
