// Named imports (not `* as z`) so the bundler keeps only what the forms use.
import {
  _default,
  array,
  boolean,
  coerce,
  enum as oneOf,
  type input,
  int,
  lte,
  maxLength,
  minLength,
  number,
  object,
  type output,
  positive,
  refine,
  regex,
  string,
  trim,
} from 'zod/mini';
import { INT4_MAX } from '@/lib/validation';
import type { $ZodLooseShape } from 'zod/v4/core';
import { isIsoDate } from '@/lib/procedure/calendar';
import { currentDate } from '@/lib/procedure/now';
import {
  CONTACT_MEDIA,
  HEARING_SKIP_GROUNDS,
  NEW_MEASURE_STATUSES,
  NOT_ADMISSIBLE_GROUNDS,
  OUTCOMES,
} from '@/lib/procedure/vocabulary';
import { crossFieldCheck, EARLIEST_DATE } from '../schema';

/**
 * The input of every step on the complaint file: one schema per step, used by the form in the browser and again by
 * the server action (./define.ts). Messages are keys under `errors.` in the message files. Whether a step is possible
 * at all is not the schema's business: lib/procedure/workflow.ts decides that on the server.
 */

export const STEP_LIMITS = { short: 200, reason: 2000, text: 8000, measures: 10 } as const;

const requiredText = (max: number) => string('required').check(trim(), minLength(1, 'required'), maxLength(max, 'tooLong'));
const optionalText = (max: number) => _default(string('invalid').check(trim(), maxLength(max, 'tooLong')), '');
/** An id chosen in a select (a string in the browser, a number from a script). */
const chosenId = () => coerce.number('choose').check(int('choose'), positive('choose'), lte(INT4_MAX, 'choose'));
/** A calendar date, any day. */
const date = () => string('required').check(trim(), minLength(1, 'required'), refine((v) => v === '' || (isIsoDate(v) && v >= EARLIEST_DATE), 'dateInvalid'));
/** A calendar date that has already come (something happened): not after today. */
const pastDate = () => date().check(refine((v) => !isIsoDate(v) || v <= currentDate(), 'dateInFuture'));
/** A calendar date still to come (something planned): not before today. */
const futureDate = () => date().check(refine((v) => !isIsoDate(v) || v >= currentDate(), 'dateInPast'));
const optionalFutureDate = () =>
  _default(string('invalid').check(trim(), refine((v) => v === '' || (isIsoDate(v) && v >= currentDate()), 'dateInPast')), '');

/** The complaint and the version of it the user saw (optimistic locking). */
const target = {
  complaintId: number('invalid').check(int('invalid'), positive('invalid'), lte(INT4_MAX, 'invalid')),
  version: number('invalid').check(int('invalid'), positive('invalid'), lte(INT4_MAX, 'invalid')),
};

export function stepSchema<T extends $ZodLooseShape>(shape: T) {
  return object({ ...target, ...shape }, 'invalid');
}

export const acknowledgeSchema = stepSchema({});

export const assignSchema = stepSchema({ handlerId: chosenId() });

export const recuseSchema = stepSchema({ reason: requiredText(STEP_LIMITS.reason) });

export const addInvolvedSchema = stepSchema({
  /** A staff member from the list, or else a name as the client gave it. */
  staffId: _default(string('invalid').check(regex(/^\d{0,9}$/, 'invalid')), ''),
  name: optionalText(STEP_LIMITS.short),
  involvement: oneOf(['subject', 'other'], 'choose'),
}).check(
  crossFieldCheck((_v, str, issue) => {
    if (str('staffId') === '' && str('name') === '') issue('staffId', 'involvedRequired');
  }),
);

export const removeInvolvedSchema = stepSchema({ involvedId: chosenId(), reason: requiredText(STEP_LIMITS.reason) });

export const requestInfoSchema = stepSchema({ question: requiredText(STEP_LIMITS.text), answerBy: optionalFutureDate() });

export const recordAnswerSchema = stepSchema({
  answer: requiredText(STEP_LIMITS.text),
  answeredOn: pastDate(),
  via: oneOf(CONTACT_MEDIA, 'choose'),
});

export const sendCopySchema = stepSchema({ sentOn: pastDate(), via: oneOf(CONTACT_MEDIA, 'choose') });

export const planHearingSchema = stepSchema({
  on: futureDate(),
  time: _default(string('invalid').check(trim(), regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'timeInvalid')), ''),
  place: optionalText(STEP_LIMITS.short),
  participants: requiredText(STEP_LIMITS.reason),
});

export const recordHearingSchema = stepSchema({
  heldOn: pastDate(),
  participants: requiredText(STEP_LIMITS.reason),
  report: requiredText(STEP_LIMITS.text),
});

export const skipHearingSchema = stepSchema({ ground: oneOf(HEARING_SKIP_GROUNDS, 'choose'), explanation: requiredText(STEP_LIMITS.reason) });

export const declareNotAdmissibleSchema = stepSchema({ ground: oneOf(NOT_ADMISSIBLE_GROUNDS, 'choose'), reason: requiredText(STEP_LIMITS.reason) });

export const extendSchema = stepSchema({
  newDue: date(),
  reason: requiredText(STEP_LIMITS.reason),
  /** The client agreed to this delay: needed beyond the terms' limits (Awb 9:11 (3)). */
  consent: _default(boolean('invalid'), false),
  consentOn: _default(string('invalid').check(trim()), ''),
  consentHow: optionalText(STEP_LIMITS.short),
}).check(
  crossFieldCheck((v, str, issue) => {
    if (v.consent !== true) return;
    const on = str('consentOn');
    if (on === '') issue('consentOn', 'required');
    else if (!isIsoDate(on) || on < EARLIEST_DATE) issue('consentOn', 'dateInvalid');
    else if (on > currentDate()) issue('consentOn', 'dateInFuture');
    if (str('consentHow') === '') issue('consentHow', 'required');
  }),
);

export const measureSchema = object({
  description: requiredText(STEP_LIMITS.reason),
  owner: requiredText(STEP_LIMITS.short),
  dueOn: _default(string('invalid').check(trim(), refine((v) => v === '' || isIsoDate(v), 'dateInvalid')), ''),
  status: oneOf(NEW_MEASURE_STATUSES, 'choose'),
}, 'invalid');

export const resolveSchema = stepSchema({
  outcome: oneOf(OUTCOMES, 'choose'),
  findings: requiredText(STEP_LIMITS.text),
  judgement: requiredText(STEP_LIMITS.text),
  measures: _default(array(measureSchema, 'invalid').check(maxLength(STEP_LIMITS.measures, 'tooMany')), []),
  linkMeasureIds: _default(array(coerce.number('invalid').check(int('invalid'), positive('invalid'), lte(INT4_MAX, 'invalid')), 'invalid').check(maxLength(STEP_LIMITS.measures, 'tooMany')), []),
});

export const withdrawSchema = stepSchema({ withdrawnOn: pastDate(), reason: requiredText(STEP_LIMITS.reason) });

/** Link the complaint to a known contracting party (the one the client meant). */
export const linkPartySchema = stepSchema({ contractingPartyId: chosenId() });

export const escalateSchema = stepSchema({ contractingPartyId: chosenId(), dissatisfaction: requiredText(STEP_LIMITS.reason) });

export const recordPartyResponseSchema = stepSchema({ response: requiredText(STEP_LIMITS.text), receivedOn: pastDate() });

export const reopenSchema = stepSchema({ reason: requiredText(STEP_LIMITS.reason) });

export type AssignInput = input<typeof assignSchema>;
export type ExtendInput = input<typeof extendSchema>;
export type ResolveData = output<typeof resolveSchema>;

// --- the client's own steps on their status page (./satisfaction.ts) ------------------------------------------------

/** The client's status link token: the only thing that identifies the complaint (and the client's authority). */
const statusToken = () => string('invalid').check(regex(/^[A-Za-z0-9_-]{43}$/, 'invalid'));

/** "Ik ben tevreden" / "Ik ben niet tevreden" (a form posts "yes" / "no"). */
export const judgeOutcomeSchema = object(
  { token: statusToken(), satisfied: oneOf(['yes', 'no'], 'invalid') },
  'invalid',
);
export type JudgeOutcomeInput = input<typeof judgeOutcomeSchema>;

/** "Vraag ons uw klacht door te sturen". */
export const requestForwardSchema = object({ token: statusToken() }, 'invalid');
