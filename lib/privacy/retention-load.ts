import { getDb } from '@/db/client';
import { currentTerms } from '@/db/complaints';
import { dueForAnonymisation, privacyRequestsDueForAnonymisation, retentionStats, type RetentionDue, type RetentionStats } from '@/db/retention';
import type { IsoDate } from '@/lib/procedure/dates';
import { lastYearFrom, outlookUntil } from './retention';

/** At most this many due complaints are listed on the page (the count says how many there are). */
export const RETENTION_LIST_LIMIT = 500;

export type RetentionOverview = {
  today: IsoDate;
  until: IsoDate;
  yearFrom: IsoDate;
  retentionMonths: number;
  due: RetentionDue[];
  more: boolean;
  stats: RetentionStats;
  /** Privacy requests due in the same window (lib/privacy/retention.ts): only their number is shown. */
  requestsDue: number;
};

/** The manager's page /beheer/bewaartermijn: what is due for anonymisation up to a month ahead, and what was done. */
export async function loadRetentionOverview(today: IsoDate): Promise<RetentionOverview> {
  const db = await getDb();
  const terms = await currentTerms(db);
  const until = outlookUntil(today);
  const yearFrom = lastYearFrom(today);
  const [due, stats, requests] = await Promise.all([
    dueForAnonymisation(db, until, terms.retentionMonths, RETENTION_LIST_LIMIT + 1),
    retentionStats(db, yearFrom),
    privacyRequestsDueForAnonymisation(db, until, terms.retentionMonths),
  ]);
  return {
    today,
    until,
    yearFrom,
    retentionMonths: terms.retentionMonths,
    due: due.slice(0, RETENTION_LIST_LIMIT),
    more: due.length > RETENTION_LIST_LIMIT,
    stats,
    requestsDue: requests.length,
  };
}
