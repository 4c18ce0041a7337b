import { addCalendarDays, addCalendarMonths, compareIsoDates, type IsoDate, subtractCalendarDays } from './dates';
import { isWeekend, isWorkingDay, publicHoliday } from './holidays';
import type { ProcedureTerms } from './terms';

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
