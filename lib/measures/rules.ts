import { type IsoDate, isIsoDate } from '@/lib/procedure/calendar';
import { MEASURE_STATUSES, type MeasureStatus } from '@/lib/procedure/vocabulary';

/**
 * The measures register's rules (DESIGN rule 10), without I/O: which status changes are allowed and what they write,
 * which dates make sense, and what changed between two versions of a measure (for the history).
 *
 * Status model:
 * - planned ⇄ in progress: moving back and forth needs nothing (plans change).
 * - planned / in progress → done: with the day it was done (not in the future). done_on is set.
 * - planned / in progress → dropped: with a written reason, kept in dropped_reason.
 * - done / dropped → planned / in progress ("reopen"): allowed, because a measure marked done can turn out not to work
 *   and a dropped one can be picked up again, but only with a written reason. Reopening clears done_on or
 *   dropped_reason (the table's checks demand it); the old value is not lost: the history row keeps it as `from`.
 * - done ⇄ dropped directly: refused; reopen first, so each step has its own reason in the history.
 */

export const OPEN_MEASURE_STATUSES = ['planned', 'in_progress'] as const satisfies readonly MeasureStatus[];
export const CLOSED_MEASURE_STATUSES = ['done', 'dropped'] as const satisfies readonly MeasureStatus[];

export const isOpenMeasure = (status: MeasureStatus) => (OPEN_MEASURE_STATUSES as readonly MeasureStatus[]).includes(status);

/** Where a measure can go from each status. */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ['in_progress', 'done', 'dropped'],
  in_progress: ['planned', 'done', 'dropped'],
  done: ['planned', 'in_progress'],
  dropped: ['planned', 'in_progress'],
};

/** Reopening: from done or dropped back to an open status. */
export const isReopening = (from: MeasureStatus, to: MeasureStatus) => !isOpenMeasure(from) && isOpenMeasure(to);

/** The statuses one can choose from here (the status form offers only these). */
export function nextMeasureStatuses(from: MeasureStatus): MeasureStatus[] {
  return MEASURE_STATUSES.filter((s) => MEASURE_TRANSITIONS[from].includes(s));
}

export type StatusChangeInput = { status: MeasureStatus; doneOn: string; reason: string };
export type StatusFields = { status: MeasureStatus; doneOn: IsoDate | null; droppedReason: string | null };
/** A refusal: the field it is about and the message key (`errors.<key>`). */
export type Refusal = { field: string; key: string };

/** Is a day on which something was done acceptable: a real date, not after today. */
export function checkDoneOn(doneOn: string, today: IsoDate): string | null {
  if (doneOn === '') return 'required';
  if (!isIsoDate(doneOn) || doneOn < '1900-01-01') return 'dateInvalid';
  if (doneOn > today) return 'doneInFuture';
  return null;
}

/**
 * A due date as entered: empty (none) is fine; a new or changed due date cannot lie before today (one cannot plan
 * into the past). An unchanged due date that has passed stays as it is: that is what makes a measure overdue.
 */
export function checkDueOn(dueOn: string, previous: IsoDate | null, today: IsoDate): string | null {
  if (dueOn === '' || dueOn === previous) return null;
  if (!isIsoDate(dueOn)) return 'dateInvalid';
  if (dueOn < today) return 'dateInPast';
  return null;
}

/** Whether a status change is allowed, and if not, why (the first problem found). */
export function checkStatusChange(from: MeasureStatus, input: StatusChangeInput, today: IsoDate): Refusal | null {
  const to = input.status;
  if (to === from) return { field: 'status', key: 'statusUnchanged' };
  if (!MEASURE_TRANSITIONS[from].includes(to)) return { field: 'status', key: 'measureStatusNotAllowed' };
  if (to === 'done') {
    const key = checkDoneOn(input.doneOn, today);
    if (key) return { field: 'doneOn', key };
  }
  if ((to === 'dropped' || isReopening(from, to)) && input.reason.trim() === '') return { field: 'reason', key: 'reasonRequired' };
  return null;
}

/** The status columns after an (allowed) change: done_on only when done, dropped_reason only when dropped. */
export function statusFieldsAfter(input: StatusChangeInput): StatusFields {
  return {
    status: input.status,
    doneOn: input.status === 'done' ? input.doneOn : null,
    droppedReason: input.status === 'dropped' ? input.reason.trim() : null,
  };
}

/** A measure is overdue while it is open and its due date has passed. */
export function isMeasureOverdue(measure: { status: MeasureStatus; dueOn: IsoDate | null }, today: IsoDate): boolean {
  return isOpenMeasure(measure.status) && measure.dueOn !== null && measure.dueOn < today;
}

/** The fields of a measure that the history follows, in the order the history lists them. */
export const MEASURE_FIELDS = ['description', 'reason', 'owner', 'dueOn', 'categoryId', 'status', 'doneOn', 'droppedReason'] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];
export type MeasureValues = { [K in MeasureField]?: string | number | null };
export type FieldChange = { from: string | number | null; to: string | number | null };
export type MeasureChanges = Partial<Record<MeasureField, FieldChange>>;

/** Empty text means "none": '' and null are the same value. */
const normalised = (value: string | number | null | undefined) => (value === undefined || value === '' ? null : value);

/**
 * What changed between two versions of a measure: `{ field: { from, to } }` for the fields given in `after` that
 * differ from `before` (fields not in `after` are left alone). Empty when nothing changed.
 */
export function measureChanges(before: MeasureValues, after: MeasureValues): MeasureChanges {
  const changes: MeasureChanges = {};
  for (const field of MEASURE_FIELDS) {
    if (!(field in after)) continue;
    const from = normalised(before[field]);
    const to = normalised(after[field]);
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

/** A new measure's history details: every field that has a value, as a change from nothing. */
export function creationDetails(values: MeasureValues): MeasureChanges {
  return measureChanges({}, values);
}

/**
 * A complaint reference as typed: trimmed, upper case, inner spaces removed ("kl-2026-0042 " → "KL-2026-0042").
 * Null when it cannot be a reference at all.
 */
export function normaliseReference(raw: string): string | null {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{1,6}-[A-Z0-9]{1,12}(-[A-Z0-9]{1,12})?$/.test(value) ? value : null;
}
