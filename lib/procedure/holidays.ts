import Holidays from 'date-holidays';
import { type IsoDate, weekday } from './dates';

/**
 * Dutch public holidays from `date-holidays` (maintained rules incl. Easter-based days and King's Day moving off a
 * Sunday). Only days of type "public" count: Good Friday and Liberation Day are not general days off.
 */
const nl = new Holidays('NL');
const byYear = new Map<number, Map<IsoDate, string>>();

function holidaysOf(year: number): Map<IsoDate, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of nl.getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The Dutch name of the public holiday on that date, or null. */
export function publicHoliday(date: IsoDate): string | null {
  return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && publicHoliday(date) === null;
}
