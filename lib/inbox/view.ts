import type { IsoDate } from '@/lib/procedure/dates';
import { type Clock, type DeadlineState, deadlineState, nextDeadline, workingDaysUntil } from '@/lib/procedure/deadlines';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { Channel, Status } from '@/lib/procedure/vocabulary';

/** What the inbox shows of one complaint, derived from its row: the nearest running deadline and how urgent it is. */

export type InboxDeadline = {
  clock: Clock;
  due: IsoDate;
  state: DeadlineState;
  /** Calendar days past the due date (overdue), or working days left (0 = due today). */
  days: number;
};

export type InboxRowView = {
  id: number;
  reference: string;
  complainantName: string;
  receivedOn: IsoDate;
  status: Status;
  channel: Channel;
  categoryName: string;
  handlerName: string | null;
  deadline: InboxDeadline | null;
  /** A letter to the client bounced and is not yet sent again or by post (lib/mail/webhooks.ts). */
  mailBounced?: boolean;
};

/** A complaint's row as the inbox query reads it: what the inbox shows, and what the deadline is computed from. */
export type InboxRecordInput = Omit<InboxRowView, 'deadline'> & {
  handlerId: number | null;
  terms: ProcedureTerms;
  incidentDate: IsoDate | null;
  incidentOngoing: boolean;
  resolutionExtendedTo: IsoDate | null;
};

function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

export function deadlineOf(record: InboxRecordInput, today: IsoDate): InboxDeadline | null {
  const incident = record.incidentOngoing || !record.incidentDate ? ({ ongoing: true } as const) : ({ ongoing: false, date: record.incidentDate } as const);
  const next = nextDeadline({
    status: record.status,
    receivedOn: record.receivedOn,
    terms: record.terms,
    incident,
    resolutionExtendedTo: record.resolutionExtendedTo,
  });
  if (!next) return null;
  const state = deadlineState(next.due, today);
  const days = state === 'overdue' ? daysBetween(next.due, today) : workingDaysUntil(today, next.due);
  return { clock: next.clock, due: next.due, state, days };
}

export function toRowView(record: InboxRecordInput, today: IsoDate): InboxRowView {
  return {
    id: record.id,
    reference: record.reference,
    complainantName: record.complainantName,
    receivedOn: record.receivedOn,
    status: record.status,
    channel: record.channel,
    categoryName: record.categoryName,
    handlerName: record.handlerName,
    deadline: deadlineOf(record, today),
  };
}
