import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { buildReason, databaseFingerprint } from './build-decision.mjs';

const here = databaseFingerprint('postgres://app:geheim@db.example:5432/klachten', '/srv/data');

describe('when npm start builds', () => {
  it.each([
    ['no build yet', { builtAt: 0, newestSource: 100, builtFor: null, database: here }, 'first start'],
    ['a source newer than the build', { builtAt: 100, newestSource: 101, builtFor: here, database: here }, 'changed sources'],
    ['built from another database', { builtAt: 100, newestSource: 50, builtFor: databaseFingerprint(undefined, '/srv/data'), database: here }, 'another database'],
    ['a build from before databases were remembered', { builtAt: 100, newestSource: 50, builtFor: null, database: here }, 'another database'],
    ['same sources, same database', { builtAt: 100, newestSource: 100, builtFor: here, database: here }, null],
  ])('%s → %s', (_name, state, reason) => {
    expect(buildReason(state)).toBe(reason);
  });

  it('a database is known by a hash: the same address gives the same one, the password is not in it', () => {
    expect(databaseFingerprint('postgres://app:geheim@db.example:5432/klachten', '/x')).toBe(here);
    expect(here).toMatch(/^[0-9a-f]{64}$/);
    expect(databaseFingerprint('postgres://app:geheim@db.example:5432/andere', '/srv/data')).not.toBe(here);
    expect(databaseFingerprint(undefined, '/srv/data')).not.toBe(databaseFingerprint(undefined, '/srv/other'));
    expect(databaseFingerprint(undefined, '/srv/data')).toBe(databaseFingerprint('', '/srv/data'));
  });
});
