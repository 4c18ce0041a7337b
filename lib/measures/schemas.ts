// Named imports (not `* as z`) so the bundler keeps only what the forms use.
import { _default, enum as oneOf, type input, int, lte, maxLength, minLength, number, object, type output, positive, refine, regex, string, trim } from 'zod/mini';
import { INT4_MAX } from '@/lib/validation';
import { crossFieldCheck } from '@/lib/complaints/schema';
import { isIsoDate } from '@/lib/procedure/calendar';
import { MEASURE_STATUSES } from '@/lib/procedure/vocabulary';

/**
 * The measures register's forms: checked by react-hook-form in the browser and again by the server actions
 * (./commands.ts). Messages are keys under `errors.` in lib/i18n/messages/{nl,en}.json. Rules that need the measure as
 * it is now (which status change is allowed, whether a due date changed) are in ./rules.ts and run on the server.
 */

export const MEASURE_LIMITS = { description: 2000, reason: 2000, owner: 200, reference: 40 } as const;

const requiredText = (max: number) => string('required').check(trim(), minLength(1, 'required'), maxLength(max, 'tooLong'));
const optionalText = (max: number) => _default(string('invalid').check(trim(), maxLength(max, 'tooLong')), '');
const optionalDate = () => _default(string('invalid').check(trim(), refine((v) => v === '' || (isIsoDate(v) && v >= '1900-01-01'), 'dateInvalid')), '');
/** A choice from a select list: a record's id as text, or '' for none. */
const optionalId = () => _default(string('invalid').check(regex(/^\d{0,9}$/, 'invalid')), '');
const id = () => number('invalid').check(int('invalid'), positive('invalid'), lte(INT4_MAX, 'invalid'));

/** The measure and the version of it the user saw (optimistic locking). */
const target = { measureId: id(), version: id() };

/** What a measure is: what, why, who owns it, by when, and which category of complaints it should reduce. */
const fields = {
  description: requiredText(MEASURE_LIMITS.description),
  reason: optionalText(MEASURE_LIMITS.reason),
  owner: requiredText(MEASURE_LIMITS.owner),
  dueOn: optionalDate(),
  categoryId: optionalId(),
};

export const createMeasureSchema = object(fields, 'invalid');

export const updateMeasureSchema = object({ ...target, ...fields }, 'invalid');

/** A status change: `doneOn` is needed for done, `reason` for dropped and for reopening (the server checks which). */
export const changeMeasureStatusSchema = object(
  {
    ...target,
    status: oneOf(MEASURE_STATUSES, 'choose'),
    doneOn: optionalDate(),
    reason: optionalText(MEASURE_LIMITS.reason),
  },
  'invalid',
).check(
  crossFieldCheck((v, str, issue) => {
    if (v.status === 'done' && str('doneOn') === '') issue('doneOn', 'required');
    if (v.status === 'dropped' && str('reason') === '') issue('reason', 'reasonRequired');
  }),
);

export const linkComplaintSchema = object({ ...target, reference: requiredText(MEASURE_LIMITS.reference) }, 'invalid');

export const unlinkComplaintSchema = object({ ...target, complaintId: id() }, 'invalid');

export type MeasureFormInput = input<typeof createMeasureSchema>;
export type CreateMeasureData = output<typeof createMeasureSchema>;
export type ChangeMeasureStatusInput = input<typeof changeMeasureStatusSchema>;
