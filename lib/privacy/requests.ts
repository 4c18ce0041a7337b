import { addCalendarMonths, compareIsoDates, type IsoDate } from '@/lib/procedure/dates';
import { OPEN_STATUSES, type Status } from '@/lib/procedure/vocabulary';

/**
 * Privacy requests (AVG art. 15 access, 16 correction, 17 erasure): the pure rules. The term is `dataRequestMonths`
 * (lib/procedure/terms.ts, AVG art. 12 (3)) from receipt; it may be extended once, by at most two months, with a
 * written reason, and the requester is told (the action mails them). Which step is allowed from which state is here
 * and nowhere else; the server actions (./commands.ts) check it inside their transaction.
 */

export const PRIVACY_KINDS = ['access', 'correction', 'erasure'] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

export const PRIVACY_STATUSES = ['open', 'extended', 'completed', 'refused'] as const;
export type PrivacyStatus = (typeof PRIVACY_STATUSES)[number];

/** AVG art. 12 (3): the term may be extended by at most two further months. */
export const MAX_EXTENSION_MONTHS = 2;

/** The steps on a request. `export` and `correct` do not change the status; the others do. */
export type PrivacyStep = 'extend' | 'export' | 'correct' | 'erase' | 'complete' | 'refuse';

const CLOSED: readonly PrivacyStatus[] = ['completed', 'refused'];
export const isClosed = (status: PrivacyStatus) => CLOSED.includes(status);

/** The status a step leads to from `from`, or null when the step is not allowed there. */
export function transition(from: PrivacyStatus, step: PrivacyStep, kind: PrivacyKind): PrivacyStatus | null {
  if (isClosed(from)) return null;
  switch (step) {
    case 'extend':
      return from === 'open' ? 'extended' : null;
    case 'export':
      return kind === 'access' ? from : null;
    case 'correct':
      return kind === 'correction' ? from : null;
    case 'erase':
      return kind === 'erasure' ? 'completed' : null;
    case 'complete':
      return kind === 'erasure' ? null : 'completed';
    case 'refuse':
      return 'refused';
  }
}

/** The steps offered on a request as it is now (the page shows only these). */
export function allowedSteps(status: PrivacyStatus, kind: PrivacyKind): PrivacyStep[] {
  const steps: PrivacyStep[] = ['export', 'correct', 'erase', 'extend', 'complete', 'refuse'];
  return steps.filter((step) => transition(status, step, kind) !== null);
}

/** The original due date: receipt + the term in months (31 Jan + 1 month = 28/29 Feb). */
export function privacyDueOn(receivedOn: IsoDate, dataRequestMonths: number): IsoDate {
  return addCalendarMonths(receivedOn, dataRequestMonths);
}

/** The due date in force: the extended one when there is one. */
export function currentDueOn(request: { dueOn: IsoDate; extendedTo: IsoDate | null }): IsoDate {
  return request.extendedTo ?? request.dueOn;
}

/** Past its due date and still not answered. */
export function isOverdue(request: { status: PrivacyStatus; dueOn: IsoDate; extendedTo: IsoDate | null }, today: IsoDate): boolean {
  return !isClosed(request.status) && compareIsoDates(currentDueOn(request), today) < 0;
}

/** The received date: a real day, not in the future. Returns an error key or null. */
export function checkReceivedOn(receivedOn: IsoDate, today: IsoDate): string | null {
  return compareIsoDates(receivedOn, today) > 0 ? 'dateInFuture' : null;
}

export type ExtensionRefusal = { field: 'months' | 'reason' | '_form'; key: string };

/**
 * May this request be extended by `months` with this reason? Once only, from open, by 1 or 2 months, with a written
 * reason, and before the original term has run out (the requester must be told within the first month: art. 12 (3)).
 */
export function mayExtend(
  request: { status: PrivacyStatus; kind: PrivacyKind; dueOn: IsoDate },
  months: number,
  reason: string,
  today: IsoDate,
): ExtensionRefusal | null {
  if (request.status === 'extended') return { field: '_form', key: 'privacyAlreadyExtended' };
  if (transition(request.status, 'extend', request.kind) === null) return { field: '_form', key: 'privacyClosed' };
  if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) return { field: 'months', key: 'privacyExtensionMonths' };
  if (reason.trim() === '') return { field: 'reason', key: 'reasonRequired' };
  if (compareIsoDates(today, request.dueOn) > 0) return { field: '_form', key: 'privacyExtensionTooLate' };
  return null;
}

/** The new due date after an extension by `months`: counted from the original due date. */
export function extendedDueOn(dueOn: IsoDate, months: number): IsoDate {
  return addCalendarMonths(dueOn, months);
}

/**
 * May the request be completed now? Access: only after the export was made; correction: only after a correction was
 * recorded. (Erasure completes through the erasure itself.) Returns an error key or null.
 */
export function mayComplete(request: { status: PrivacyStatus; kind: PrivacyKind; exportedAt: Date | null }, corrections: number): string | null {
  if (transition(request.status, 'complete', request.kind) === null) return isClosed(request.status) ? 'privacyClosed' : 'privacyStepNotAllowed';
  if (request.kind === 'access' && request.exportedAt === null) return 'privacyExportFirst';
  if (request.kind === 'correction' && corrections === 0) return 'privacyCorrectFirst';
  return null;
}

/**
 * Erasure anonymises the complaints now. A complaint still being handled is not erased under the handler's hands:
 * the erasure is refused, naming those complaints, until they are closed (or the request is refused with a reason,
 * e.g. art. 17 (3)). Returns the references that block it.
 */
export function erasureBlockers(complaints: readonly { reference: string; status: Status }[]): string[] {
  return complaints.filter((c) => OPEN_STATUSES.includes(c.status)).map((c) => c.reference);
}

/** The contact details a correction may set; '' = keep as it is is NOT meant: '' clears an optional field. */
export type ContactDetails = {
  complainantName: string;
  complainantEmail: string | null;
  complainantPhone: string | null;
  addressStreet: string | null;
  addressPostcode: string | null;
  addressCity: string | null;
};

export const CONTACT_FIELDS = ['complainantName', 'complainantEmail', 'complainantPhone', 'addressStreet', 'addressPostcode', 'addressCity'] as const;

/** What a correction changes on one complaint: { field: { from, to } } for the fields that differ. */
export function contactChanges(before: ContactDetails, after: ContactDetails): Record<string, { from: string | null; to: string | null }> {
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const field of CONTACT_FIELDS) {
    if ((before[field] ?? null) !== (after[field] ?? null)) changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
  }
  return changes;
}

/** A complaint must stay reachable: an e-mail address, or a full postal address (the complaints table's own check). */
export function reachable(details: ContactDetails): boolean {
  return details.complainantEmail !== null || (details.addressStreet !== null && details.addressPostcode !== null && details.addressCity !== null);
}

/** Normalises for matching complaints to a requester: trimmed, lower case, inner spaces collapsed. */
export const matchKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
