// Named imports (not `* as z`) so the bundler keeps only what the forms use.
import {
  _default,
  array,
  email,
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
  string,
  trim,
} from 'zod/mini';
import { complaintFields, crossFieldCheck, EARLIEST_DATE } from '@/lib/complaints/schema';
import { isIsoDate } from '@/lib/procedure/calendar';
import { currentDate } from '@/lib/procedure/now';
import { CONTACT_MEDIA } from '@/lib/procedure/vocabulary';
import { containsLink, INT4_MAX } from '@/lib/validation';
import { MAX_EXTENSION_MONTHS, PRIVACY_KINDS } from './requests';

/**
 * The privacy requests' forms: checked in the browser and again by the server actions (./commands.ts). Messages are
 * keys under `errors.` in the message files. Rules that need the request as it is now are in ./requests.ts.
 */

export const PRIVACY_LIMITS = { name: 200, email: 254, requestText: 5000, reason: 2000, complaints: 100 } as const;

const requiredText = (max: number) => string('required').check(trim(), minLength(1, 'required'), maxLength(max, 'tooLong'));
const optionalText = (max: number) => _default(string().check(trim(), maxLength(max, 'tooLong')), '');
const id = () => number('invalid').check(int('invalid'), positive('invalid'), lte(INT4_MAX, 'invalid'));
const ids = () => _default(array(id()).check(maxLength(PRIVACY_LIMITS.complaints, 'tooMany')), []);

/** The request and the version of it the user saw (optimistic locking). */
const target = { requestId: id(), version: id() };

export const registerPrivacySchema = object(
  {
    kind: oneOf(PRIVACY_KINDS, 'choose'),
    requesterName: requiredText(PRIVACY_LIMITS.name).check(refine((v) => !containsLink(v), 'nameLink')),
    requesterEmail: string('required').check(
      trim(),
      minLength(1, 'required'),
      maxLength(PRIVACY_LIMITS.email, 'tooLong'),
      refine((v) => v === '' || email().safeParse(v).success, 'email'),
    ),
    receivedOn: string('required').check(trim(), minLength(1, 'required')),
    receivedVia: oneOf(CONTACT_MEDIA, 'choose'),
    requestText: requiredText(PRIVACY_LIMITS.requestText),
    complaintIds: ids(),
  },
  'invalid',
).check(
  crossFieldCheck((_v, str, issue) => {
    const date = str('receivedOn');
    if (date === '') return;
    if (!isIsoDate(date) || date < EARLIEST_DATE) issue('receivedOn', 'dateInvalid');
    else if (date > currentDate()) issue('receivedOn', 'privacyReceivedInFuture');
  }),
);

/** Look up complaints that may be the requester's (by e-mail address or name); staff confirm which. */
export const suggestSchema = object(
  { requesterName: optionalText(PRIVACY_LIMITS.name), requesterEmail: optionalText(PRIVACY_LIMITS.email) },
  'invalid',
);

export const extendPrivacySchema = object(
  {
    ...target,
    months: number('privacyExtensionMonths').check(int('privacyExtensionMonths'), positive('privacyExtensionMonths'), lte(MAX_EXTENSION_MONTHS, 'privacyExtensionMonths')),
    reason: requiredText(PRIVACY_LIMITS.reason),
  },
  'invalid',
);

export const refusePrivacySchema = object({ ...target, reason: requiredText(PRIVACY_LIMITS.reason) }, 'invalid');

export const completePrivacySchema = object({ ...target, note: optionalText(PRIVACY_LIMITS.reason) }, 'invalid');

export const erasePrivacySchema = object({ ...target, note: optionalText(PRIVACY_LIMITS.reason) }, 'invalid');

export const exportPrivacySchema = object({ requestId: id(), format: oneOf(['json', 'pdf'], 'invalid') }, 'invalid');

/** The corrected contact details, for the complaints chosen (at least one, all linked to the request). */
export const correctPrivacySchema = object(
  {
    ...target,
    complaintIds: array(id()).check(minLength(1, 'privacyChooseComplaint'), maxLength(PRIVACY_LIMITS.complaints, 'tooMany')),
    name: complaintFields.name,
    email: complaintFields.email,
    phone: complaintFields.phone,
    street: complaintFields.street,
    postcode: complaintFields.postcode,
    city: complaintFields.city,
  },
  'invalid',
).check(
  crossFieldCheck((_v, str, issue) => {
    const address = ['street', 'postcode', 'city'] as const;
    const filled = address.filter((key) => str(key) !== '');
    if (filled.length > 0 && filled.length < address.length) {
      for (const key of address) if (str(key) === '') issue(key, 'addressIncomplete');
    }
    if (str('email') === '' && filled.length === 0) issue('email', 'contactRequired');
  }),
);

export type RegisterPrivacyInput = input<typeof registerPrivacySchema>;
export type RegisterPrivacyData = output<typeof registerPrivacySchema>;
export type CorrectPrivacyInput = input<typeof correctPrivacySchema>;
