import { PROCEDURE_TIME_ZONE } from './terms';

/**
 * Dependency-free calendar helpers, safe to ship to the browser (the complaint form's schema uses them).
 * Arithmetic on dates lives in ./dates.
 */

/** A calendar date in Europe/Amsterdam, written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROCEDURE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/Amsterdam at the given instant. */
export function amsterdamDate(instant: Date): IsoDate {
  const parts = amsterdamParts.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
