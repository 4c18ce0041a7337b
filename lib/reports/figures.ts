import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  compareIsoDates,
  type IsoDate,
  subtractCalendarDays,
  weekday,
} from '@/lib/procedure/dates';
import type { Granularity, Period } from './types';

/** Pure helpers of the management report (db/reports.ts): buckets, percentiles and the "did it help?" windows. */

/** Periods up to this many days (inclusive) get bars per week; longer ones per month. */
export const WEEKLY_UP_TO_DAYS = 92;

/** Days in a period, both ends included. */
export function periodDays(period: Period): number {
  return calendarDaysBetween(period.from, period.to) + 1;
}

export function granularityOf(period: Period): Granularity {
  return periodDays(period) <= WEEKLY_UP_TO_DAYS ? 'week' : 'month';
}

/** The Monday of the week the date falls in (ISO weeks). */
export function mondayOf(date: IsoDate): IsoDate {
  return subtractCalendarDays(date, (weekday(date) + 6) % 7);
}

export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

const maxDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) >= 0 ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) <= 0 ? a : b);

/** The start of the bucket a day falls in: its Monday or the first of its month, clipped to the period's start. */
export function bucketStartOf(date: IsoDate, granularity: Granularity, period: Period): IsoDate {
  return maxDate(granularity === 'week' ? mondayOf(date) : firstOfMonth(date), period.from);
}

/** Every bucket of the period in order, each with its first and last day (clipped to the period). */
export function bucketsOf(period: Period, granularity: Granularity): { start: IsoDate; end: IsoDate }[] {
  const out: { start: IsoDate; end: IsoDate }[] = [];
  if (compareIsoDates(period.from, period.to) > 0) return out;
  let start = period.from;
  while (compareIsoDates(start, period.to) <= 0) {
    const next =
      granularity === 'week' ? addCalendarDays(mondayOf(start), 7) : addCalendarMonths(firstOfMonth(start), 1);
    out.push({ start, end: minDate(subtractCalendarDays(next, 1), period.to) });
    start = next;
  }
  return out;
}

/**
 * A percentile with linear interpolation between the closest ranks (PostgreSQL's `percentile_cont`), from a histogram
 * of whole values and their counts in any order. Null when there are no values.
 */
export function percentileFromHistogram(histogram: readonly { value: number; count: number }[], p: number): number | null {
  const sorted = histogram.filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, h) => sum + h.count, 0);
  if (n === 0) return null;
  const position = p * (n - 1);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (rank < seen) return h.value;
    }
    return sorted.at(-1)!.value;
  };
  const lower = Math.floor(position);
  const fraction = position - lower;
  const a = valueAt(lower);
  if (fraction === 0) return a;
  const b = valueAt(lower + 1);
  return a + (b - a) * fraction;
}

/** The 6-month windows around the day a measure was done (`MeasureEffect` in types.ts). */
export const EFFECT_MONTHS = 6;

export type EffectWindow = {
  /** Received on or after this day and before doneOn count as "before". */
  beforeFrom: IsoDate;
  /** Received after doneOn up to and including this day count as "after" (today when the window has not ended). */
  afterTo: IsoDate;
  afterComplete: boolean;
  /** Days covered by the "after" window so far (0 when the measure was done today or later). */
  afterDays: number;
};

export function effectWindow(doneOn: IsoDate, today: IsoDate): EffectWindow {
  const windowEnd = addCalendarMonths(doneOn, EFFECT_MONTHS);
  const afterComplete = compareIsoDates(windowEnd, today) <= 0;
  const afterTo = afterComplete ? windowEnd : maxDate(minDate(today, windowEnd), doneOn);
  return {
    beforeFrom: addCalendarMonths(doneOn, -EFFECT_MONTHS),
    afterTo,
    afterComplete,
    afterDays: calendarDaysBetween(doneOn, afterTo),
  };
}
