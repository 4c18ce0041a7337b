import { can } from '@/lib/auth/policy';
import { formatDate } from '@/lib/format';
import type { Organisation } from '@/lib/organisation';
import { addCalendarDays, amsterdamDate, calendarDaysBetween, compareIsoDates, type IsoDate } from '@/lib/procedure/dates';
import {
  CLOCKS,
  type Clock,
  type ClockInput,
  DUE_SOON_WORKING_DAYS,
  deadlineState,
  dueDateOf,
  runningClocks,
  workingDaysUntil,
} from '@/lib/procedure/deadlines';
import { isWorkingDay } from '@/lib/procedure/holidays';
import { PROCEDURE_TIME_ZONE } from '@/lib/procedure/terms';
import type { Role } from '@/lib/procedure/vocabulary';
import { compose, heading, type Letter, type Line } from './letter';

/**
 * The morning deadline digest, as pure rules: on which day and from what time it goes out, which clocks it lists and
 * what the mail says. The database side is db/digests.ts, the run lib/mail/digest-worker.ts.
 *
 * Once per working day (no digest on weekends and Dutch public holidays), from DIGEST_FROM_HOUR in Amsterdam, each
 * active handler and manager gets one mail: the running clocks of the open complaints assigned to them that are due
 * within DUE_SOON_WORKING_DAYS working days or overdue (deadlineState, the inbox's rule); a manager also gets every
 * other complaint with an overdue clock. Nothing to list, no mail.
 */

/** The digest is made from this hour (Europe/Amsterdam) on; the scheduler checks every few minutes. */
export const DIGEST_FROM_HOUR = 7;

/** At most this many lines per section; the rest is in the inbox, which the mail links to. */
export const DIGEST_MAX_LINES = 50;

const amsterdamHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: PROCEDURE_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The hour (0–23) in Europe/Amsterdam at the given instant. */
export function amsterdamHour(instant: Date): number {
  return Number(amsterdamHourFormat.formatToParts(instant).find((p) => p.type === 'hour')?.value ?? 0);
}

export type DigestMoment = { due: true; day: IsoDate } | { due: false; day: IsoDate; reason: 'not-a-working-day' | 'too-early' };

/** Whether today's digest is due at this instant: on a working day, from DIGEST_FROM_HOUR on. */
export function digestMoment(now: Date): DigestMoment {
  const day = amsterdamDate(now);
  if (!isWorkingDay(day)) return { due: false, day, reason: 'not-a-working-day' };
  if (amsterdamHour(now) < DIGEST_FROM_HOUR) return { due: false, day, reason: 'too-early' };
  return { due: true, day };
}

/**
 * The last due date that counts as due soon today (deadlineState): the day before the (N+1)th working day after today.
 * The database only looks at complaints whose nearest deadline falls on or before it.
 */
export function dueSoonUntil(today: IsoDate): IsoDate {
  let day = today;
  while (workingDaysUntil(today, addCalendarDays(day, 1)) <= DUE_SOON_WORKING_DAYS) day = addCalendarDays(day, 1);
  return day;
}

/** An open complaint as the digest sees it: its clocks' inputs and who handles it. */
export type DigestComplaint = ClockInput & { id: number; reference: string; handlerId: number | null; handlerName: string | null };

export type DigestLine = {
  complaintId: number;
  reference: string;
  clock: Clock;
  due: IsoDate;
  state: 'overdue' | 'due_soon';
  handlerName: string | null;
};

/** One line per running clock that is overdue, or (unless `overdueOnly`) due soon; the earliest due date first. */
export function digestLines(complaints: readonly DigestComplaint[], today: IsoDate, { overdueOnly = false } = {}): DigestLine[] {
  const lines: DigestLine[] = [];
  for (const c of complaints) {
    for (const clock of runningClocks(c)) {
      const due = dueDateOf(clock, c);
      const state = deadlineState(due, today);
      if (state === 'overdue' || (state === 'due_soon' && !overdueOnly)) {
        lines.push({ complaintId: c.id, reference: c.reference, clock, due, state, handlerName: c.handlerName });
      }
    }
  }
  return lines.sort(
    (a, b) => compareIsoDates(a.due, b.due) || a.reference.localeCompare(b.reference) || CLOCKS.indexOf(a.clock) - CLOCKS.indexOf(b.clock),
  );
}

export type DigestRecipient = { id: number; name: string; role: Role };

/**
 * What one user's digest lists: their own complaints due soon or overdue; for whoever sees every complaint (a
 * manager, lib/auth/policy.ts) also everyone else's overdue ones. Someone without access to complaints (an admin) gets
 * nothing.
 */
export function digestFor(user: DigestRecipient, complaints: readonly DigestComplaint[], today: IsoDate) {
  const own = can(user.role, 'complaints.read')
    ? digestLines(
        complaints.filter((c) => c.handlerId === user.id),
        today,
      )
    : [];
  const others = can(user.role, 'complaints.readAll')
    ? digestLines(
        complaints.filter((c) => c.handlerId !== user.id),
        today,
        { overdueOnly: true },
      )
    : [];
  return { own, others };
}

const CLOCK_WORDS: Record<Clock, string> = {
  acknowledgement: 'Ontvangstbevestiging',
  notAdmissibleNotice: 'Bericht niet-ontvankelijk',
  resolution: 'Afhandeling',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How far the line is from its due date: calendar days late (the terms are calendar days), or working days left. */
export function remaining(due: IsoDate, today: IsoDate): string {
  const late = calendarDaysBetween(due, today);
  if (late > 0) return `${plural(late, 'dag', 'dagen')} te laat`;
  if (late === 0) return 'vandaag';
  const left = workingDaysUntil(today, due);
  return left === 0 ? 'vandaag is de laatste werkdag' : `nog ${plural(left, 'werkdag', 'werkdagen')}`;
}

/** One line of the mail: reference, clock, due date, how late or how much time is left, and the link to the file. */
export function lineText(line: DigestLine, today: IsoDate, baseUrl: string, { withHandler = false } = {}): string {
  const parts = [line.reference, CLOCK_WORDS[line.clock], `uiterlijk ${formatDate(line.due, 'nl')}`, remaining(line.due, today)];
  if (withHandler) parts.push(line.handlerName ? `behandelaar: ${line.handlerName}` : 'nog geen behandelaar');
  return `- ${parts.join(' · ')} · ${baseUrl}/beheer/klachten/${line.complaintId}`;
}

function section(lines: readonly DigestLine[], today: IsoDate, baseUrl: string, more: string, withHandler: boolean): Line[] {
  const shown = lines.slice(0, DIGEST_MAX_LINES).map((line) => lineText(line, today, baseUrl, { withHandler }));
  const rest = lines.length - shown.length;
  return rest > 0 ? [...shown, `En nog ${rest} in de inbox: ${baseUrl}${more}`] : shown;
}

/** The digest as a Dutch letter, or null when there is nothing to list (then no mail is sent). */
export function digestLetter(i: {
  name: string;
  today: IsoDate;
  own: readonly DigestLine[];
  others: readonly DigestLine[];
  baseUrl: string;
  organisation: Organisation;
}): Letter | null {
  const all = [...i.own, ...i.others];
  if (all.length === 0) return null;
  const late = all.filter((l) => l.state === 'overdue').length;
  const soon = all.length - late;
  const counts = [late > 0 ? `${late} te laat` : null, soon > 0 ? `${soon} binnenkort` : null].filter(Boolean).join(', ');
  const body: Line[] = [
    `Dit is uw overzicht van de termijnen van ${formatDate(i.today, 'nl', 'full')}: wat de komende ${DUE_SOON_WORKING_DAYS} werkdagen afloopt en wat al te laat is.`,
  ];
  if (i.own.length > 0) {
    body.push('', heading('Uw klachten'), ...section(i.own, i.today, i.baseUrl, '/beheer?mine=1', false));
  }
  if (i.others.length > 0) {
    body.push('', heading('Te laat bij anderen'), ...section(i.others, i.today, i.baseUrl, '/beheer?overdue=any', true));
  }
  body.push('', `U krijgt dit overzicht elke werkdag vanaf ${DIGEST_FROM_HOUR}.00 uur, alleen als er iets op staat.`);
  return compose('nl', `Beste ${i.name},`, i.organisation, { subject: `Termijnen ${formatDate(i.today, 'nl')}: ${counts}`, body });
}
