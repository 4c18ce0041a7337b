import { describe, expect, it } from 'vitest';
import { cronAuthorized } from './cron';

describe('cron authorization', () => {
  it.each([
    ['Bearer s3cret', 's3cret', true],
    ['Bearer wrong', 's3cret', false],
    ['s3cret', 's3cret', false],
    [null, 's3cret', false],
    ['Bearer ', '', false], // no secret configured: closed
    ['Bearer undefined', undefined, false],
  ])('%j with secret %j → %s', (header, secret, expected) => {
    expect(cronAuthorized(header, secret)).toBe(expected);
  });
});
