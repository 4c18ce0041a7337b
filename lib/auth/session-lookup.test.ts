import { describe, expect, it } from 'vitest';
import { readSession, readSessionOrUnavailable, reportSessionStoreUnavailable, SessionStoreUnavailable } from './session-lookup';

// Auth.js answers "no session" when its callback fails; the callback reports a database failure through this scope so
// the caller can answer "unavailable" instead of "forbidden" or "signed out" (found by scripts/faults.ts).
describe('session lookup', () => {
  it('passes the session through when the check did not fail', async () => {
    await expect(readSession(async () => ({ user: { id: '3' } }))).resolves.toEqual({ user: { id: '3' } });
    await expect(readSession(async () => null)).resolves.toBeNull();
  });

  it('throws SessionStoreUnavailable when the check inside reported the database as unavailable', async () => {
    const read = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // across an await, as inside Auth.js
      reportSessionStoreUnavailable();
      return null; // what Auth.js makes of a failed callback
    };
    await expect(readSession(read)).rejects.toBeInstanceOf(SessionStoreUnavailable);
    await expect(readSessionOrUnavailable(read)).resolves.toEqual({ value: null, unavailable: true });
  });

  it('keeps concurrent reads apart: one failing check does not fail another request', async () => {
    const failing = readSessionOrUnavailable(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      reportSessionStoreUnavailable();
      return null;
    });
    const fine = readSessionOrUnavailable(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'session';
    });
    expect(await Promise.all([failing, fine])).toEqual([
      { value: null, unavailable: true },
      { value: 'session', unavailable: false },
    ]);
  });

  it('a report outside any read changes nothing', async () => {
    reportSessionStoreUnavailable();
    await expect(readSession(async () => 'ok')).resolves.toBe('ok');
  });
});
