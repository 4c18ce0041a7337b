import { describe, expect, it } from 'vitest';
import { formatDate, formatMonths, formatTerm } from './format';

describe('formatting for letters and pages', () => {
  it.each([
    [14, 'nl', '2 weken'],
    [42, 'nl', '6 weken'],
    [7, 'en', '1 week'],
    [28, 'en', '4 weeks'],
    [10, 'nl', '10 dagen'],
    [10, 'en', '10 days'],
  ] as const)('formatTerm(%i, %s) = %s', (days, locale, expected) => {
    expect(formatTerm(days, locale)).toBe(expected);
  });

  it.each([
    [12, 'nl', 'een jaar'],
    [12, 'en', 'one year'],
    [24, 'nl', '2 jaar'],
    [1, 'nl', 'een maand'],
    [18, 'en', '18 months'],
  ] as const)('formatMonths(%i, %s) = %s', (months, locale, expected) => {
    expect(formatMonths(months, locale)).toBe(expected);
  });

  it.each([
    ['2026-12-25', 'nl', 'long', '25 december 2026'],
    ['2026-12-25', 'en', 'long', '25 December 2026'],
    ['2027-01-01', 'nl', 'full', 'vrijdag 1 januari 2027'],
    ['2026-03-29', 'en', 'full', 'Sunday, 29 March 2026'], // the day DST starts: no shift to the 28th
  ] as const)('formatDate(%s, %s, %s) = %s', (date, locale, style, expected) => {
    expect(formatDate(date, locale, style)).toBe(expected);
  });
});
