import { describe, expect, it } from 'vitest';
import { fillIn, formatCount, lengthBand, textLength } from './text-length';

describe('textLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['  abc  ', 3],
    ['a'.repeat(20_000), 20_000],
    [undefined, 0],
    [null, 0],
  ])('%j has %i characters', (value, expected) => {
    expect(textLength(value)).toBe(expected);
  });
});

describe('lengthBand', () => {
  it.each([
    [0, 5000, 'ok'],
    [4499, 5000, 'ok'],
    [4500, 5000, 'near'],
    [5000, 5000, 'near'],
    [5001, 5000, 'over'],
    [20_000, 5000, 'over'],
    [1799, 2000, 'ok'],
    [1800, 2000, 'near'],
  ] as const)('%i of %i is %s', (count, max, band) => {
    expect(lengthBand(count, max)).toBe(band);
  });
});

describe('formatCount', () => {
  it.each([
    [1234, 'nl', '1.234'],
    [20_000, 'nl', '20.000'],
    [5000, 'en', '5,000'],
    [12, 'en', '12'],
  ])('%i in %s is %s', (n, locale, expected) => {
    expect(formatCount(n, locale)).toBe(expected);
  });
});

describe('fillIn', () => {
  it('fills the placeholders it knows and leaves the others', () => {
    expect(fillIn('Uw tekst is {count} tekens; het maximum is {max}. {other}', { count: '20.000', max: '5.000' })).toBe(
      'Uw tekst is 20.000 tekens; het maximum is 5.000. {other}',
    );
  });
});
