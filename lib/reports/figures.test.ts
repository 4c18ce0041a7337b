import { describe, expect, it } from 'vitest';
import { bucketStartOf, bucketsOf, effectWindow, granularityOf, mondayOf, percentileFromHistogram, periodDays } from './figures';

describe('granularityOf', () => {
  it.each([
    ['2026-03-01', '2026-03-31', 31, 'week'],
    ['2026-01-01', '2026-03-31', 90, 'week'],
    ['2026-07-01', '2026-09-30', 92, 'week'],
    ['2026-07-01', '2026-10-01', 93, 'month'],
    ['2026-01-01', '2026-12-31', 365, 'month'],
    ['2026-03-29', '2026-03-29', 1, 'week'],
  ] as const)('%s … %s (%i days) → %s', (from, to, days, expected) => {
    expect(periodDays({ from, to })).toBe(days);
    expect(granularityOf({ from, to })).toBe(expected);
  });
});

describe('mondayOf', () => {
  it.each([
    ['2026-03-02', '2026-03-02'], // Monday
    ['2026-03-08', '2026-03-02'], // Sunday
    ['2026-03-29', '2026-03-23'], // Sunday of the spring DST change
    ['2026-01-01', '2025-12-29'], // across the year
    ['2026-10-25', '2026-10-19'], // Sunday of the autumn DST change
  ] as const)('%s → %s', (date, monday) => expect(mondayOf(date)).toBe(monday));
});

describe('bucketStartOf', () => {
  const period = { from: '2026-03-04', to: '2026-05-31' };
  it.each([
    ['2026-03-04', 'week', '2026-03-04'], // clipped to the period's start (a Wednesday)
    ['2026-03-08', 'week', '2026-03-04'],
    ['2026-03-09', 'week', '2026-03-09'],
    ['2026-03-31', 'month', '2026-03-04'],
    ['2026-04-30', 'month', '2026-04-01'],
  ] as const)('%s per %s → %s', (date, g, start) => expect(bucketStartOf(date, g, period)).toBe(start));
});

describe('bucketsOf', () => {
  it('weeks from a mid-week start, the last clipped to the end, across the spring DST change', () => {
    expect(bucketsOf({ from: '2026-03-25', to: '2026-04-08' }, 'week')).toEqual([
      { start: '2026-03-25', end: '2026-03-29' },
      { start: '2026-03-30', end: '2026-04-05' },
      { start: '2026-04-06', end: '2026-04-08' },
    ]);
  });
  it('months of a year', () => {
    const months = bucketsOf({ from: '2026-01-01', to: '2026-12-31' }, 'month');
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(months[11]).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
  it('months from a mid-month start', () => {
    expect(bucketsOf({ from: '2026-10-15', to: '2027-01-10' }, 'month')).toEqual([
      { start: '2026-10-15', end: '2026-10-31' },
      { start: '2026-11-01', end: '2026-11-30' },
      { start: '2026-12-01', end: '2026-12-31' },
      { start: '2027-01-01', end: '2027-01-10' },
    ]);
  });
  it('nothing for an inverted period', () => expect(bucketsOf({ from: '2026-02-01', to: '2026-01-01' }, 'week')).toEqual([]));
});

describe('percentileFromHistogram (as percentile_cont)', () => {
  const h = (...values: number[]) => values.map((value) => ({ value, count: 1 }));
  it.each([
    ['empty', [], 0.5, null],
    ['one value', h(7), 0.5, 7],
    ['one value, p90', h(7), 0.9, 7],
    ['odd count median', h(1, 3, 10), 0.5, 3],
    ['even count median interpolates', h(1, 2, 3, 4), 0.5, 2.5],
    ['p90 of 1..10 interpolates', h(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9, 9.1],
    ['unsorted input', h(10, 1, 3), 0.5, 3],
    ['counts', [{ value: 5, count: 3 }, { value: 40, count: 1 }], 0.5, 5],
    ['counts, p90', [{ value: 5, count: 3 }, { value: 40, count: 1 }], 0.9, 5 + 35 * 0.7],
    ['zero counts ignored', [{ value: 1, count: 0 }, { value: 9, count: 2 }], 0.5, 9],
  ] as const)('%s', (_name, histogram, p, expected) => {
    const got = percentileFromHistogram(histogram, p);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe('effectWindow', () => {
  it.each([
    // done, today → beforeFrom, afterTo, complete, days
    ['2026-01-15', '2026-12-01', '2025-07-15', '2026-07-15', true, 181],
    ['2026-01-15', '2026-07-15', '2025-07-15', '2026-07-15', true, 181],
    ['2026-01-15', '2026-07-14', '2025-07-15', '2026-07-14', false, 180],
    ['2026-08-31', '2027-06-01', '2026-02-28', '2027-02-28', true, 181], // month ends clamp
    ['2026-06-01', '2026-06-01', '2025-12-01', '2026-06-01', false, 0],
    ['2026-06-10', '2026-06-01', '2025-12-10', '2026-06-10', false, 0], // done "in the future": nothing after yet
  ] as const)('done %s, today %s', (doneOn, today, beforeFrom, afterTo, afterComplete, afterDays) => {
    expect(effectWindow(doneOn, today)).toEqual({ beforeFrom, afterTo, afterComplete, afterDays });
  });
});
