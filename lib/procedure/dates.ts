import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, subDays } from 'date-fns';
import { type IsoDate, isIsoDate } from './calendar';
import { PROCEDURE_TIME_ZONE } from './terms';

export { amsterdamDate, isIsoDate, type IsoDate } from './calendar';

/** Parses `YYYY-MM-DD` to midnight of that day in the procedure's zone, or null when it is not a real date. */
function parseIsoDate(value: string): TZDate | null {
  if (!isIsoDate(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, PROCEDURE_TIME_ZONE);
}

function mustParse(value: IsoDate): TZDate {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not a calendar date: ${value}`);
  return date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Writes a date as `YYYY-MM-DD` in its own zone (a TZDate's getters answer in the procedure's zone). */
const toIso = (date: Date): IsoDate => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return toIso(addDays(mustParse(date), days));
}

export function subtractCalendarDays(date: IsoDate, days: number): IsoDate {
  return toIso(subDays(mustParse(date), days));
}

/** Adds months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb; 29 Feb - 12 months = 28 Feb). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return toIso(addMonths(mustParse(date), months));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return mustParse(date).getDay();
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); a daylight-saving change does not count. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(mustParse(to), mustParse(from));
}
