import { describe, expect, it } from 'vitest';
import { capSessionCookies, dueForTouch, sessionState, tokenMaxAge } from './session';

const signIn = new Date('2026-11-24T08:00:00Z');
const at = (hours: number, minutes = 0) => new Date(signIn.getTime() + (hours * 60 + minutes) * 60_000);

describe('a back-office session', () => {
  // Absolute lifetime 10 h from sign-in; idle timeout 60 min since the last request.
  it.each([
    ['just signed in', at(0), at(0), 'ok'],
    ['59 minutes without a request', at(0), at(0, 59), 'ok'],
    ['60 minutes without a request', at(0), at(1), 'idle'],
    ['busy all day, 9 h 59 after sign-in', at(9, 58), at(9, 59), 'ok'],
    ['busy all day, 10 h after sign-in: no activity extends it', at(9, 59), at(10), 'expired'],
    ['long past both', at(1), at(12), 'expired'],
  ] as const)('%s → %s', (_label, lastSeenAt, now, expected) => {
    expect(sessionState({ signedInAt: signIn, lastSeenAt }, now)).toBe(expected);
  });

  it.each([
    [at(0), at(0, 0.5), false],
    [at(0), at(0, 1), true],
  ])('writes the last-seen time at most once a minute (%s → %s: %s)', (lastSeen, now, due) => {
    expect(dueForTouch(lastSeen, now)).toBe(due);
  });

  const s = (d: Date) => Math.floor(d.getTime() / 1000);
  it.each([
    ['at sign-in: the full maxAge (10 h)', s(at(0)), 36_000],
    ['after 9 h: one hour left', s(at(9)), 3600],
    ['after 9 h 59: one minute left', s(at(9, 59)), 60],
    ['at or after the end: nothing', s(at(11)), 0],
  ])('a re-issued token lives at most until the absolute end: %s', (_label, now, seconds) => {
    expect(tokenMaxAge(s(signIn), now, 36_000)).toBe(seconds);
  });

  it('a token without a sign-in time gets the plain maxAge (and is refused by the session check anyway)', () => {
    expect(tokenMaxAge(undefined, s(at(3)), 36_000)).toBe(36_000);
  });
});

describe('the session cookie from /api/auth/session', () => {
  const end = new Date('2026-11-24T18:00:00Z');
  it.each([
    ['a later expiry is moved back to the end', 'authjs.session-token=abc; Path=/; Expires=Tue, 25 Nov 2026 04:00:00 GMT; HttpOnly', 'authjs.session-token=abc; Path=/; HttpOnly; Expires=Tue, 24 Nov 2026 18:00:00 GMT'],
    ['an earlier one stays', 'authjs.session-token=abc; Path=/; Expires=Tue, 24 Nov 2026 09:00:00 GMT', 'authjs.session-token=abc; Path=/; Expires=Tue, 24 Nov 2026 09:00:00 GMT'],
    ['the secure name too', '__Secure-authjs.session-token=abc; Expires=Tue, 25 Nov 2026 04:00:00 GMT; Secure', '__Secure-authjs.session-token=abc; Secure; Expires=Tue, 24 Nov 2026 18:00:00 GMT'],
    ['a cleared cookie is left alone', 'authjs.session-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'authjs.session-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
    ['other cookies are left alone', 'authjs.csrf-token=x; Path=/', 'authjs.csrf-token=x; Path=/'],
  ])('%s', (_label, cookie, expected) => {
    expect(capSessionCookies([cookie], end)).toEqual([expected]);
  });
});

