import { anonymiseComplaint, anonymisePrivacyRequest } from '@/db/anonymise';
import { getDb } from '@/db/client';
import { currentTerms } from '@/db/complaints';
import { dueForAnonymisation, privacyRequestsDueForAnonymisation } from '@/db/retention';
import { amsterdamDate } from '@/lib/procedure/dates';
import { loggableError } from '@/lib/server/log-error';

type Tally = { due: number; anonymised: number; failed: number };
/** Complaints at the top level; the privacy requests due by the same period under `requests`. */
export type RetentionReport = { day: string } & Tally & { requests: Tally };

/**
 * The retention run (issue 12): anonymises every complaint whose retention period has passed, and every privacy
 * request closed that long ago (lib/privacy/retention.ts), each in its own transaction, so one failure leaves the
 * others done; the failed one is tried again on the next run. Safe to run in several processes at once: both
 * anonymisers lock their row and do nothing the second time. Logs only counts and ids, never personal data.
 */
export async function runRetention({ now = new Date() } = {}): Promise<RetentionReport> {
  const db = await getDb();
  const day = amsterdamDate(now);
  const terms = await currentTerms(db);
  const due = await dueForAnonymisation(db, day, terms.retentionMonths);
  const requests = await privacyRequestsDueForAnonymisation(db, day, terms.retentionMonths);
  const report: RetentionReport = { day, due: due.length, anonymised: 0, failed: 0, requests: { due: requests.length, anonymised: 0, failed: 0 } };
  for (const complaint of due) {
    try {
      const { anonymised } = await db.transaction((tx) => anonymiseComplaint(tx, complaint.id, { now, reason: 'retention', actor: null }));
      if (anonymised) report.anonymised++;
    } catch (error) {
      report.failed++;
      console.error(`[retention] complaint ${complaint.id} not anonymised:`, loggableError(error));
    }
  }
  for (const request of requests) {
    try {
      const { anonymised } = await db.transaction((tx) => anonymisePrivacyRequest(tx, request.id, now));
      if (anonymised) report.requests.anonymised++;
    } catch (error) {
      report.requests.failed++;
      console.error(`[retention] privacy request ${request.id} not anonymised:`, loggableError(error));
    }
  }
  return report;
}

let lastDay: string | null = null;

/**
 * The in-process scheduler's tick (instrumentation.ts, hourly): runs once per calendar day in this process; a problem
 * is logged, never thrown, and the day is tried again on the next tick.
 */
export async function runRetentionQuietly(now = new Date()): Promise<void> {
  const day = amsterdamDate(now);
  if (lastDay === day) return;
  try {
    const report = await runRetention({ now });
    if (report.failed === 0 && report.requests.failed === 0) lastDay = day;
    if (report.due > 0 || report.requests.due > 0) {
      console.info(`[retention] ${report.day}: ${report.anonymised} complaints and ${report.requests.anonymised} privacy requests anonymised, ${report.failed + report.requests.failed} failed`);
    }
  } catch (error) {
    console.error('[retention] failed:', loggableError(error));
  }
}
