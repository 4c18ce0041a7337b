import type { IsoDate } from '@/lib/procedure/dates';
import { describePeriod } from '@/lib/reports/period';
import type { Period } from '@/lib/reports/types';

/** Dutch labels for dates and periods on the dashboard (calendar dates: formatted as UTC, so no zone shifts a day). */

const dayMonthYear = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthLong = new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'UTC' });

const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

export const formatDate = (date: IsoDate) => dayMonthYear.format(utc(date)).replace('.', '');
export const formatDayMonth = (date: IsoDate) => dayMonth.format(utc(date)).replace('.', '');
export const formatMonth = (date: IsoDate) => monthYear.format(utc(date)).replace('.', '');

export const number = new Intl.NumberFormat('nl-NL');
export const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
export const signed = new Intl.NumberFormat('nl-NL', { signDisplay: 'exceptZero' });

type Labels = (key: 'year' | 'quarter' | 'month' | 'range', values: Record<string, string | number>) => string;

/** "2026", "2e kwartaal 2026", "februari 2026", "3 feb 2026 t/m 5 apr 2026". */
export function periodLabel(period: Period, t: Labels): string {
  const shape = describePeriod(period);
  switch (shape.kind) {
    case 'year':
      return t('year', { year: String(shape.year) });
    case 'quarter':
      return t('quarter', { quarter: shape.quarter, year: String(shape.year) });
    case 'month':
      return t('month', { month: monthLong.format(utc(period.from)), year: String(shape.year) });
    case 'range':
      return t('range', { from: formatDate(shape.from), to: formatDate(shape.to) });
  }
}
