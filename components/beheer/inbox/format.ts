import type { IsoDate } from '@/lib/procedure/dates';

const short = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat('nl-NL', { weekday: 'short', timeZone: 'UTC' });

const utc = (date: IsoDate) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));

/** "24 nov 2026": compact enough for a table column. */
export const shortDate = (date: IsoDate) => short.format(utc(date)).replace('.', '');

/** "di" */
export const shortWeekday = (date: IsoDate) => weekday.format(utc(date));
