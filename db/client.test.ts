import { describe, expect, it } from 'vitest';
import { resolveDriver } from './client';

describe('choosing the database driver', () => {
  it.each([
    [undefined, undefined, 'pglite'], // zero set-up: embedded
    ['postgres://postgres@127.0.0.1:5432/klachtloket', undefined, 'pg'],
    ['postgresql://user:pw@db.internal/klachtloket', undefined, 'pg'],
    ['postgres://user:pw@ep-cool-rain-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require', undefined, 'neon'],
    ['postgres://user:pw@ep-cool-rain-123456-pooler.eu-central-1.aws.neon.tech/neondb', undefined, 'neon'],
    ['postgres://postgres@127.0.0.1:5432/klachtloket', 'neon', 'neon'], // forced, as the Neon tests do
    [undefined, 'pglite', 'pglite'],
    ['postgres://postgres@127.0.0.1:5432/klachtloket', 'something-else', 'pg'], // unknown override is ignored
  ] as const)('%s (override %s) → %s', (url, override, expected) => {
    expect(resolveDriver(url, override)).toBe(expected);
  });
});
