import { addCalendarMonths, compareIsoDates, type IsoDate } from '@/lib/procedure/dates';
import type { Status } from '@/lib/procedure/vocabulary';
import type { PrivacyStatus } from './requests';

/**
 * The retention rule (issue 12, AVG art. 5 (1)(e)): a complaint whose handling has ended is anonymised `retentionMonths`
 * after the day it was closed (Europe/Amsterdam calendar dates, lib/procedure/dates.ts; 31 August + 6 months =
 * 28/29 February). The period is the shorter of the one the complaint was received under (its copy of the terms: what
 * the client was told on the form) and the one in force now: a longer period set later never keeps data longer than
 * promised, a shorter one applies at once. An escalated complaint is still with the contracting party and waits.
 * db/retention.ts asks the same in SQL; a test checks that both agree.
 */

/** The statuses in which the handling has ended. */
export const FINAL_STATUSES = ['resolved', 'not_admissible', 'withdrawn', 'closed_by_party'] as const satisfies readonly Status[];

export type RetentionFacts = {
  status: Status;
  /** The day the handling ended (for closed_by_party: the day the contracting party closed it). */
  closingDay: IsoDate | null;
  /** The complaint's own copy of the terms' retention period; null/undefined when the copy has none. */
  ownRetentionMonths: number | null | undefined;
  anonymisedAt: Date | null;
};

/** The period that applies: the shorter of the complaint's own and the current one (the current one when it has none). */
export function retentionMonthsFor(own: number | null | undefined, current: number): number {
  return typeof own === 'number' && Number.isInteger(own) && own > 0 ? Math.min(own, current) : current;
}

/** The day the complaint is (or was) due for anonymisation; null when that does not apply (open, escalated, done). */
export function anonymisationDay(facts: RetentionFacts, currentMonths: number): IsoDate | null {
  if (facts.anonymisedAt || !facts.closingDay) return null;
  if (!(FINAL_STATUSES as readonly Status[]).includes(facts.status)) return null;
  return addCalendarMonths(facts.closingDay, retentionMonthsFor(facts.ownRetentionMonths, currentMonths));
}

/** Due on `today`: its anonymisation day has come (that day included). */
export function isDueForAnonymisation(facts: RetentionFacts, currentMonths: number, today: IsoDate): boolean {
  const day = anonymisationDay(facts, currentMonths);
  return day !== null && compareIsoDates(day, today) <= 0;
}

/**
 * Privacy requests (AVG art. 15-17) are kept as the record that they were answered (art. 5 (2)), with the requester's
 * name, address and texts, as long as complaints keep theirs: `retentionMonths` (the current terms; a request has no
 * copy of its own) after the day it was closed (completed or refused, Europe/Amsterdam). Then the retention run
 * anonymises it (db/anonymise.ts anonymisePrivacyRequest); dates, kind, status and the event list's steps stay.
 * db/retention.ts asks the same in SQL; a test checks that both agree.
 */
export type PrivacyRetentionFacts = { status: PrivacyStatus; closedDay: IsoDate | null; anonymisedAt: Date | null };

export function privacyRequestAnonymisationDay(facts: PrivacyRetentionFacts, currentMonths: number): IsoDate | null {
  if (facts.anonymisedAt || !facts.closedDay) return null;
  if (facts.status !== 'completed' && facts.status !== 'refused') return null;
  return addCalendarMonths(facts.closedDay, currentMonths);
}

export function isPrivacyRequestDue(facts: PrivacyRetentionFacts, currentMonths: number, today: IsoDate): boolean {
  const day = privacyRequestAnonymisationDay(facts, currentMonths);
  return day !== null && compareIsoDates(day, today) <= 0;
}

/** The manager's outlook: from today up to and including the same day next month. */
export function outlookUntil(today: IsoDate): IsoDate {
  return addCalendarMonths(today, 1);
}

/** "The last 12 months": from the same day a year ago (inclusive) to today. */
export function lastYearFrom(today: IsoDate): IsoDate {
  return addCalendarMonths(today, -12);
}
