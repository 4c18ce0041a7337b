/** Dates and times on the settings pages and in account mails, in Amsterdam time, Dutch. */

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const shortDateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** "3 december 2026 om 14:05" */
export const formatDateTime = (at: Date): string => dateTime.format(at);
/** "3 dec 2026, 14:05" */
export const formatShortDateTime = (at: Date): string => shortDateTime.format(at);
/** "3 december 2026" */
export const formatDay = (at: Date): string => day.format(at);
