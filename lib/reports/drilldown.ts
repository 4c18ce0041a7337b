import type { DrillDown, Period } from './types';

/**
 * The inbox URL that lists exactly the complaints behind a number on the dashboard (see `DrillDown`).
 * CONTRACT STUB: the reports data layer replaces this body; the signature stays.
 */
export function drillDownHref(period: Period, selection: DrillDown): string {
  void period;
  void selection;
  return '/beheer?status=all';
}
