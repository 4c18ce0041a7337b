import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  type PeriodChoice,
  type PeriodShape,
  parsePeriodParams,
  periodLength,
  periodSearchParams,
  presetPeriod,
  previousPeriod,
} from './period';
import type { Period } from './types';

const TODAY = '2026-05-14';
const parse = (query: string, today = TODAY) => parsePeriodParams(new URLSearchParams(query), today);
const YEAR_2026: Period = { from: '2026-01-01', to: '2026-12-31' };

describe('presetPeriod', () => {
  it.each<[Parameters<typeof presetPeriod>[0], string, Period]>([
    ['month', '2026-05-14', { from: '2026-05-01', to: '2026-05-31' }],
    ['month', '2026-02-01', { from: '2026-02-01', to: '2026-02-28' }],
    ['month', '2028-02-29', { from: '2028-02-01', to: '2028-02-29' }], // leap year
    ['month', '2026-12-31', { from: '2026-12-01', to: '2026-12-31' }],
    ['quarter', '2026-01-01', { from: '2026-01-01', to: '2026-03-31' }],
    ['quarter', '2026-05-14', { from: '2026-04-01', to: '2026-06-30' }],
    ['quarter', '2026-09-30', { from: '2026-07-01', to: '2026-09-30' }],
    ['quarter', '2026-12-31', { from: '2026-10-01', to: '2026-12-31' }],
    ['year', '2026-05-14', YEAR_2026],
    ['year', '2026-12-31', YEAR_2026],
    ['lastYear', '2026-01-01', { from: '2025-01-01', to: '2025-12-31' }],
  ])('%s around %s', (preset, today, expected) => {
    expect(presetPeriod(preset, today)).toEqual(expected);
  });
});

describe('parsePeriodParams', () => {
  it.each<[string, PeriodChoice]>([
    // the default: this calendar year
    ['', { preset: 'year', period: YEAR_2026, compare: false, notice: null }],
    ['period=year', { preset: 'year', period: YEAR_2026, compare: false, notice: null }],
    ['period=bogus', { preset: 'year', period: YEAR_2026, compare: false, notice: null }],
    ['period=YEAR', { preset: 'year', period: YEAR_2026, compare: false, notice: null }],
    // presets ignore dates
    ['period=month&from=2020-01-01&to=2020-02-01', { preset: 'month', period: { from: '2026-05-01', to: '2026-05-31' }, compare: false, notice: null }],
    ['period=quarter&compare=1', { preset: 'quarter', period: { from: '2026-04-01', to: '2026-06-30' }, compare: true, notice: null }],
    ['period=lastYear', { preset: 'lastYear', period: { from: '2025-01-01', to: '2025-12-31' }, compare: false, notice: null }],
    // compare only with exactly 1
    ['compare=yes', { preset: 'year', period: YEAR_2026, compare: false, notice: null }],
    ['compare=1&compare=0', { preset: 'year', period: YEAR_2026, compare: true, notice: null }],
    // custom ranges
    ['period=custom&from=2026-02-03&to=2026-04-05', { preset: 'custom', period: { from: '2026-02-03', to: '2026-04-05' }, compare: false, notice: null }],
    ['period=custom&from=2026-02-03&to=2026-02-03', { preset: 'custom', period: { from: '2026-02-03', to: '2026-02-03' }, compare: false, notice: null }],
    ['period=custom&from=2026-04-05&to=2026-02-03&compare=1', { preset: 'custom', period: { from: '2026-02-03', to: '2026-04-05' }, compare: true, notice: 'swapped' }],
    // invalid or missing dates: the default, and say so
    ['period=custom', { preset: 'year', period: YEAR_2026, compare: false, notice: 'invalidDates' }],
    ['period=custom&from=2026-02-03', { preset: 'year', period: YEAR_2026, compare: false, notice: 'invalidDates' }],
    ['period=custom&from=2026-02-30&to=2026-03-01', { preset: 'year', period: YEAR_2026, compare: false, notice: 'invalidDates' }],
    ['period=custom&from=3-2-2026&to=2026-03-01', { preset: 'year', period: YEAR_2026, compare: false, notice: 'invalidDates' }],
    ['period=custom&from=0001-01-01&to=2026-03-01', { preset: 'year', period: YEAR_2026, compare: false, notice: 'invalidDates' }],
    ['period=custom&from=2026-01-01&to=99999-01-01', { preset: 'year', period: YEAR_2026, compare: false, notice: 'invalidDates' }],
    // at most five years, ending on `to`
    ['period=custom&from=2021-05-15&to=2026-05-14', { preset: 'custom', period: { from: '2021-05-15', to: '2026-05-14' }, compare: false, notice: null }],
    ['period=custom&from=2021-05-14&to=2026-05-14', { preset: 'custom', period: { from: '2021-05-15', to: '2026-05-14' }, compare: false, notice: 'capped' }],
    ['period=custom&from=1990-01-01&to=2026-12-31', { preset: 'custom', period: { from: '2022-01-01', to: '2026-12-31' }, compare: false, notice: 'capped' }],
    // backwards and too long: both repaired, the cap is what is reported
    ['period=custom&from=2026-12-31&to=1990-01-01', { preset: 'custom', period: { from: '2022-01-01', to: '2026-12-31' }, compare: false, notice: 'capped' }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it('reads a plain object of search params too (as a page receives them)', () => {
    expect(parsePeriodParams({ period: ['custom', 'month'], from: '2026-01-01', to: '2026-01-31' }, TODAY).period).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('moves with today', () => {
    expect(parse('', '2027-01-01').period).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });
});

describe('periodSearchParams', () => {
  it.each<[string, string]>([
    ['', ''],
    ['period=quarter', 'period=quarter'],
    ['period=lastYear&compare=1', 'period=lastYear&compare=1'],
    ['period=custom&from=2026-04-05&to=2026-02-03', 'period=custom&from=2026-02-03&to=2026-04-05'],
    ['period=month&from=2020-01-01', 'period=month'],
    ['period=custom&from=nope', ''],
  ])('%s → %s', (query, expected) => {
    expect(periodSearchParams(parse(query)).toString()).toBe(expected);
  });

  it('round-trips', () => {
    for (const query of ['', 'period=month&compare=1', 'period=custom&from=2025-06-01&to=2026-05-31&compare=1']) {
      const choice = parse(query);
      expect(parse(periodSearchParams(choice).toString())).toEqual(choice);
    }
  });
});

describe('previousPeriod', () => {
  it.each<[Period, Period]>([
    // whole calendar units: the unit before, whatever its length
    [YEAR_2026, { from: '2025-01-01', to: '2025-12-31' }],
    [{ from: '2025-04-01', to: '2025-06-30' }, { from: '2025-01-01', to: '2025-03-31' }],
    [{ from: '2026-01-01', to: '2026-03-31' }, { from: '2025-10-01', to: '2025-12-31' }],
    [{ from: '2026-03-01', to: '2026-03-31' }, { from: '2026-02-01', to: '2026-02-28' }],
    [{ from: '2024-03-01', to: '2024-03-31' }, { from: '2024-02-01', to: '2024-02-29' }],
    [{ from: '2026-01-01', to: '2026-01-31' }, { from: '2025-12-01', to: '2025-12-31' }],
    // any other range: the same number of days right before
    [{ from: '2026-02-03', to: '2026-02-03' }, { from: '2026-02-02', to: '2026-02-02' }],
    [{ from: '2026-03-10', to: '2026-04-09' }, { from: '2026-02-07', to: '2026-03-09' }],
    [{ from: '2026-03-01', to: '2026-04-30' }, { from: '2025-12-30', to: '2026-02-28' }], // two months is not a unit
    // across the daylight-saving change (29 March 2026): calendar days, not hours
    [{ from: '2026-03-29', to: '2026-04-04' }, { from: '2026-03-22', to: '2026-03-28' }],
  ])('%j → %j', (period, expected) => {
    expect(previousPeriod(period)).toEqual(expected);
    if (describePeriod(period).kind === 'range') expect(periodLength(expected)).toBe(periodLength(period));
  });
});

describe('periodLength', () => {
  it.each<[Period, number]>([
    [{ from: '2026-02-03', to: '2026-02-03' }, 1],
    [YEAR_2026, 365],
    [{ from: '2024-01-01', to: '2024-12-31' }, 366],
    [{ from: '2026-10-20', to: '2026-10-31' }, 12], // across the change back to winter time
  ])('%j has %i days', (period, days) => {
    expect(periodLength(period)).toBe(days);
  });
});

describe('describePeriod', () => {
  it.each<[Period, PeriodShape]>([
    [YEAR_2026, { kind: 'year', year: 2026 }],
    [{ from: '2026-04-01', to: '2026-06-30' }, { kind: 'quarter', year: 2026, quarter: 2 }],
    [{ from: '2026-10-01', to: '2026-12-31' }, { kind: 'quarter', year: 2026, quarter: 4 }],
    [{ from: '2026-02-01', to: '2026-02-28' }, { kind: 'month', year: 2026, month: 2 }],
    [{ from: '2026-02-01', to: '2026-02-27' }, { kind: 'range', from: '2026-02-01', to: '2026-02-27' }],
    [{ from: '2026-02-01', to: '2026-04-30' }, { kind: 'range', from: '2026-02-01', to: '2026-04-30' }], // three months, not a quarter
    [{ from: '2025-01-01', to: '2026-12-31' }, { kind: 'range', from: '2025-01-01', to: '2026-12-31' }],
    [{ from: '2026-01-02', to: '2026-12-31' }, { kind: 'range', from: '2026-01-02', to: '2026-12-31' }],
  ])('%j', (period, shape) => {
    expect(describePeriod(period)).toEqual(shape);
  });
});
