import { addCalendarDays, addCalendarMonths, compareIsoDates, type IsoDate, subtractCalendarDays } from './dates';
import { isWeekend, isWorkingDay, publicHoliday } from './holidays';
import type { ProcedureTerms } from './terms';
import { OPEN_STATUSES, type Status } from './vocabulary';

/** Pure derivations of the procedure's due dates. Nothing here is stored: dates are derived from receipt + terms. */

export type NonWorkingDay = { kind: 'weekend' } | { kind: 'holiday'; name: string };

export type DueDate = {
  due: IsoDate;
  /** Set when the due date is a weekend day or a Dutch public holiday. */
  nonWorkingDay: NonWorkingDay | null;
  /** The working day on or before the due date: the date staff should aim for. */
  internalTarget: IsoDate;
};

export function previousWorkingDayOnOrBefore(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = subtractCalendarDays(day, 1);
  return day;
}

export function describeDueDate(due: IsoDate): DueDate {
  const holiday = publicHoliday(due);
  const nonWorkingDay: NonWorkingDay | null = holiday
    ? { kind: 'holiday', name: holiday }
    : isWeekend(due)
      ? { kind: 'weekend' }
      : null;
  return { due, nonWorkingDay, internalTarget: previousWorkingDayOnOrBefore(due) };
}

export function acknowledgementDue(received: IsoDate, terms: ProcedureTerms): IsoDate {
  return addCalendarDays(received, terms.acknowledgementDays);
}

export function notAdmissibleNoticeDue(received: IsoDate, terms: ProcedureTerms): IsoDate {
  return addCalendarDays(received, terms.notAdmissibleNoticeDays);
}

/** An extension as recorded on a complaint: the resolution due date it set. */
export type Extension = { newDue: IsoDate };

/** The resolution due date: receipt + term, or the due date set by the latest extension. */
export function resolutionDue(received: IsoDate, terms: ProcedureTerms, extensions: readonly Extension[] = []): IsoDate {
  const last = extensions.at(-1);
  return last ? last.newDue : addCalendarDays(received, terms.resolutionDays);
}

export type Clocks = {
  acknowledgement: DueDate;
  notAdmissibleNotice: DueDate;
  resolution: DueDate;
};

export function clocksFor(received: IsoDate, terms: ProcedureTerms, extensions: readonly Extension[] = []): Clocks {
  return {
    acknowledgement: describeDueDate(acknowledgementDue(received, terms)),
    notAdmissibleNotice: describeDueDate(notAdmissibleNoticeDue(received, terms)),
    resolution: describeDueDate(resolutionDue(received, terms, extensions)),
  };
}

/** When the conduct complained about happened: a date, or still going on. */
export type IncidentTime = { ongoing: true } | { ongoing: false; date: IsoDate };

export type IncidentAgeCheck = {
  /** True when the conduct happened longer than the limit (one year) before the complaint was received. */
  olderThanLimit: boolean;
  /** The earliest incident date that is still handled. */
  earliestHandled: IsoDate;
};

/**
 * The one-year rule: a complaint about conduct that took place more than one year before it was filed is not
 * handled. Exactly one year ago is still within the year. Conduct that is still going on is never too old.
 */
export function checkIncidentAge(received: IsoDate, incident: IncidentTime, terms: ProcedureTerms): IncidentAgeCheck {
  const earliestHandled = addCalendarMonths(received, -terms.incidentLimitMonths);
  const olderThanLimit = !incident.ongoing && compareIsoDates(incident.date, earliestHandled) < 0;
  return { olderThanLimit, earliestHandled };
}

// ---------------------------------------------------------------------------------------------------------------
// Which clocks are running, the nearest deadline and how urgent it is. The database derives the same next due date
// in a generated column (db/schema.ts `next_due`); db/deadlines.pg.test.ts checks that both agree.

export const CLOCKS = ['acknowledgement', 'notAdmissibleNotice', 'resolution'] as const;
export type Clock = (typeof CLOCKS)[number];

export type ClockInput = {
  status: Status;
  receivedOn: IsoDate;
  terms: ProcedureTerms;
  incident: IncidentTime;
  /** The resolution due date set by the latest extension, if any. */
  resolutionExtendedTo: IsoDate | null;
};

/**
 * The clocks still running: the acknowledgement until it is sent (status received); the not-admissible notice while
 * an open complaint is flagged by the one-year rule; the resolution while the complaint is open.
 */
export function runningClocks(input: ClockInput): Clock[] {
  if (!OPEN_STATUSES.includes(input.status)) return [];
  const running: Clock[] = [];
  if (input.status === 'received') running.push('acknowledgement');
  if (checkIncidentAge(input.receivedOn, input.incident, input.terms).olderThanLimit) running.push('notAdmissibleNotice');
  running.push('resolution');
  return running;
}

export function dueDateOf(clock: Clock, input: ClockInput): IsoDate {
  switch (clock) {
    case 'acknowledgement':
      return acknowledgementDue(input.receivedOn, input.terms);
    case 'notAdmissibleNotice':
      return notAdmissibleNoticeDue(input.receivedOn, input.terms);
    case 'resolution':
      return resolutionDue(input.receivedOn, input.terms, input.resolutionExtendedTo ? [{ newDue: input.resolutionExtendedTo }] : []);
  }
}

/** The nearest running deadline (ties: the earlier clock in procedure order), or null for a closed complaint. */
export function nextDeadline(input: ClockInput): { clock: Clock; due: IsoDate } | null {
  let next: { clock: Clock; due: IsoDate } | null = null;
  for (const clock of runningClocks(input)) {
    const due = dueDateOf(clock, input);
    if (!next || compareIsoDates(due, next.due) < 0) next = { clock, due };
  }
  return next;
}

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue';

/** How many working days before a due date it counts as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

/** Working days from `today` (exclusive) up to and including `due`; 0 when due today. */
export function workingDaysUntil(today: IsoDate, due: IsoDate): number {
  let count = 0;
  for (let day = addCalendarDays(today, 1); compareIsoDates(day, due) <= 0; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count;
}

/**
 * Overdue once the due date has passed; due soon when at most three working days remain (a due date today counts as due soon);
 * on time otherwise.
 */
export function deadlineState(due: IsoDate, today: IsoDate): DeadlineState {
  if (compareIsoDates(due, today) < 0) return 'overdue';
  return workingDaysUntil(today, due) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}
