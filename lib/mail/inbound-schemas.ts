import { maxLength, minLength, object, regex, string, trim } from 'zod/mini';

/** The inputs of a handler's decision about a draft mail (shared by the form in the browser and the server action). */

export const mailIdField = string('invalid').check(regex(/^[1-9]\d{0,8}$/, 'invalid'));

export const NO_COMPLAINT_REASON_MAX = 1000;

export const noComplaintSchema = object(
  { mailId: mailIdField, reason: string('required').check(trim(), minLength(1, 'required'), maxLength(NO_COMPLAINT_REASON_MAX, 'tooLong')) },
  'invalid',
);
