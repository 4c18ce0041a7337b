import { describe, expect, it } from 'vitest';
import { hashToken, statusTokenFor, TOKEN_PATTERN } from './tokens';

const key = '6f1b0f3e-8f3a-4c7b-9a55-0c1a4a0c9d11';

describe('status link tokens', () => {
  it('the same submission gets the same token back (a re-posted form shows the same link)', () => {
    expect(statusTokenFor(key, 'secret-a')).toBe(statusTokenFor(key, 'secret-a'));
  });

  it.each([
    ['another submission', '0b7c4d7e-1111-4c7b-9a55-0c1a4a0c9d11', 'secret-a'],
    ['another secret', key, 'secret-b'],
  ])('differs for %s', (_label, otherKey, secret) => {
    expect(statusTokenFor(otherKey, secret)).not.toBe(statusTokenFor(key, 'secret-a'));
  });

  it('is 256 bits, URL-safe, and stored only as a SHA-256 hash', () => {
    const token = statusTokenFor(key, 'secret-a');
    expect(token).toMatch(TOKEN_PATTERN);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
