import type { IsoDate } from '@/lib/procedure/dates';
import type { Locale } from '@/lib/procedure/vocabulary';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "24 november 2026" / "24 November 2026"; calendar dates are shown as they are, without a time zone shift. */
export function formatDate(date: IsoDate, locale: Locale, style: 'long' | 'full' = 'long'): string {
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: style, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Whole weeks when the days divide evenly ("6 weken"), else days. */
export function formatTerm(days: number, locale: Locale): string {
  if (days % 7 === 0) {
    const weeks = days / 7;
    return locale === 'nl' ? `${weeks} ${weeks === 1 ? 'week' : 'weken'}` : `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
  }
  return locale === 'nl' ? `${days} dagen` : `${days} days`;
}

/** "een jaar" / "one year" for 12 months, "2 jaar", else months. */
export function formatMonths(months: number, locale: Locale): string {
  if (months % 12 === 0) {
    const years = months / 12;
    if (locale === 'nl') return years === 1 ? 'een jaar' : `${years} jaar`;
    return years === 1 ? 'one year' : `${years} years`;
  }
  if (locale === 'nl') return months === 1 ? 'een maand' : `${months} maanden`;
  return months === 1 ? 'one month' : `${months} months`;
}
