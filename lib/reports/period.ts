import type { RawSearchParams } from '@/lib/inbox/params';
import { addCalendarDays, addCalendarMonths, calendarDaysBetween, compareIsoDates, type IsoDate, isIsoDate } from '@/lib/procedure/dates';
import type { Period } from './types';

/**
 * The dashboard's period as it lives in the URL (`/beheer/rapportage?period=quarter&compare=1`,
 * `?period=custom&from=2026-01-01&to=2026-03-31`). Pure. Parsing is forgiving: anything missing or malformed falls back
 * to the default (this calendar year); a custom range given backwards is turned round, one longer than
 * `MAX_PERIOD_YEARS` is shortened; each of these is reported as a `notice`, so the page can say what it did.
 *
 * Dates are calendar dates in Europe/Amsterdam; a period is inclusive at both ends and covers whole calendar units
 * (a month, quarter or year runs to its last day, also when that lies in the future).
 */

export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'lastYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET = 'year' satisfies PeriodPreset;

/** The longest custom range, in years (a longer one is shortened to end on its `to`). */
export const MAX_PERIOD_YEARS = 5;

/** What the parser changed in what was asked: custom dates missing or invalid, given backwards, or too far apart. */
export type PeriodNotice = 'invalidDates' | 'swapped' | 'capped';

export type PeriodChoice = {
  preset: PeriodPreset;
  period: Period;
  /** "Compare with the previous period": show `previousPeriod(choice)` beside it. */
  compare: boolean;
  notice: PeriodNotice | null;
};

function first(raw: RawSearchParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const monthOf = (date: IsoDate) => Number(date.slice(5, 7));
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayBefore = (date: IsoDate) => addCalendarDays(date, -1);

/** The calendar month, quarter or year around `today`, or last calendar year. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: IsoDate): Period {
  const year = yearOf(today);
  switch (preset) {
    case 'month': {
      const from = `${year}-${pad(monthOf(today))}-01`;
      return { from, to: lastDayBefore(addCalendarMonths(from, 1)) };
    }
    case 'quarter': {
      const from = `${year}-${pad(Math.floor((monthOf(today) - 1) / 3) * 3 + 1)}-01`;
      return { from, to: lastDayBefore(addCalendarMonths(from, 3)) };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** Dates outside these years are not a period anyone means (and keep date arithmetic well away from its edges). */
const validDate = (value: string | undefined): value is IsoDate =>
  value !== undefined && isIsoDate(value) && yearOf(value) >= 1900 && yearOf(value) <= 2999;

export function parsePeriodParams(raw: RawSearchParams, today: IsoDate): PeriodChoice {
  const asked = first(raw, 'period');
  const compare = first(raw, 'compare') === '1';
  const preset = (PERIOD_PRESETS as readonly string[]).includes(asked ?? '') ? (asked as PeriodPreset) : DEFAULT_PRESET;
  if (preset !== 'custom') return { preset, period: presetPeriod(preset, today), compare, notice: null };

  let from = first(raw, 'from');
  let to = first(raw, 'to');
  if (!validDate(from) || !validDate(to)) {
    return { preset: DEFAULT_PRESET, period: presetPeriod(DEFAULT_PRESET, today), compare, notice: 'invalidDates' };
  }
  let notice: PeriodNotice | null = null;
  if (compareIsoDates(from, to) > 0) {
    [from, to] = [to, from];
    notice = 'swapped';
  }
  const earliest = addCalendarDays(addCalendarMonths(to, -12 * MAX_PERIOD_YEARS), 1);
  if (compareIsoDates(from, earliest) < 0) {
    from = earliest;
    notice = 'capped';
  }
  return { preset, period: { from, to }, compare, notice };
}

/** The URL query of a choice, without defaults (custom dates only for a custom range). The inverse of `parsePeriodParams`. */
export function periodSearchParams(choice: Pick<PeriodChoice, 'preset' | 'period' | 'compare'>): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.preset !== DEFAULT_PRESET) params.set('period', choice.preset);
  if (choice.preset === 'custom') {
    params.set('from', choice.period.from);
    params.set('to', choice.period.to);
  }
  if (choice.compare) params.set('compare', '1');
  return params;
}

export function periodLength(period: Period): number {
  return calendarDaysBetween(period.from, period.to) + 1;
}

/**
 * The period to compare with: the calendar unit before for a whole month, quarter or year (February after January,
 * whatever their lengths), else the same number of days right before.
 */
export function previousPeriod(period: Period): Period {
  const shape = describePeriod(period);
  const months = shape.kind === 'month' ? 1 : shape.kind === 'quarter' ? 3 : shape.kind === 'year' ? 12 : 0;
  if (months > 0) {
    const from = addCalendarMonths(period.from, -months);
    return { from, to: lastDayBefore(period.from) };
  }
  const to = lastDayBefore(period.from);
  return { from: addCalendarDays(to, 1 - periodLength(period)), to };
}

/** What a period is, for its label: a whole calendar month, quarter or year, or a range of dates. */
export type PeriodShape =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'range'; from: IsoDate; to: IsoDate };

export function describePeriod(period: Period): PeriodShape {
  const { from, to } = period;
  const year = yearOf(from);
  const month = monthOf(from);
  const wholeMonths = (n: number) => from.endsWith('-01') && to === lastDayBefore(addCalendarMonths(from, n));
  if (month === 1 && wholeMonths(12)) return { kind: 'year', year };
  if ((month - 1) % 3 === 0 && wholeMonths(3)) return { kind: 'quarter', year, quarter: ((month - 1) / 3 + 1) as 1 | 2 | 3 | 4 };
  if (wholeMonths(1)) return { kind: 'month', year, month };
  return { kind: 'range', from, to };
}
