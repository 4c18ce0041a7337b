// Named imports (not `* as z`) so the bundler keeps only what the form uses.
import {
  _default,
  check,
  email,
  enum as oneOf,
  type input,
  literal,
  maxLength,
  minLength,
  object,
  type output,
  refine,
  regex,
  string,
  trim,
  uuid,
} from 'zod/mini';
import { amsterdamDate, isIsoDate } from '@/lib/procedure/calendar';
import { CLIENT_CONTRACTING_PARTY_CHOICES, LOCALES } from '@/lib/procedure/vocabulary';
import { CATEGORY_CODES, LIMITS } from './limits';

/**
 * The complaint form's schema: used by react-hook-form in the browser and again by the server action. Built with
 * zod/mini to keep the public form light. Messages are keys under `errors.` in the message files.
 */
export { CATEGORY_CODES, LIMITS } from './limits';

const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const PHONE = /^\+?[0-9 ()-]{6,30}$/;

const text = (max: number) => string().check(trim(), maxLength(max, 'tooLong'));
const requiredText = (max: number) => string('required').check(trim(), minLength(1, 'required'), maxLength(max, 'tooLong'));
const optionalText = (max: number) => _default(text(max), '');

export const complaintSchema = object({
    name: requiredText(LIMITS.name),
    email: _default(
      string().check(trim(), maxLength(LIMITS.email, 'tooLong'), refine((v) => v === '' || email().safeParse(v).success, 'email')),
      '',
    ),
    street: optionalText(LIMITS.street),
    postcode: _default(string().check(trim(), refine((v) => v === '' || POSTCODE.test(v), 'postcode')), ''),
    city: optionalText(LIMITS.city),
    phone: _default(string().check(trim(), refine((v) => v === '' || PHONE.test(v), 'phone')), ''),
    category: oneOf(CATEGORY_CODES, 'choose'),
    staffId: _default(string().check(regex(/^\d{0,9}$/, 'invalid')), ''),
    staffOther: optionalText(LIMITS.staffOther),
    description: string('required').check(
      trim(), minLength(1, 'required'), minLength(LIMITS.descriptionMin, 'tooShort'), maxLength(LIMITS.description, 'tooLong')),
    incidentWhen: oneOf(['date', 'ongoing'], 'choose'),
    incidentDate: _default(string().check(trim()), ''),
    desiredOutcome: optionalText(LIMITS.desiredOutcome),
    partyChoice: oneOf(CLIENT_CONTRACTING_PARTY_CHOICES, 'choose'),
    partyName: optionalText(LIMITS.partyName),
    consent: literal(true, 'consentRequired'),
    idempotencyKey: uuid('invalid'),
    locale: _default(oneOf(LOCALES), 'nl'),
  }, 'invalid')
  .check(
    check((ctx) => {
    const v = ctx.value as Partial<Record<string, unknown>>;
    const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string).trim() : '');
    const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', message, path: [path], input: v[path] });

    const address = ['street', 'postcode', 'city'] as const;
    const filled = address.filter((key) => str(key) !== '');
    if (filled.length > 0 && filled.length < address.length) {
      for (const key of address) if (str(key) === '') issue(key, 'addressIncomplete');
    }
    if (str('email') === '' && filled.length === 0) issue('email', 'contactRequired');

    if (v.incidentWhen === 'date') {
      const date = str('incidentDate');
      if (date === '') issue('incidentDate', 'required');
      else if (!isIsoDate(date) || date < '1900-01-01') issue('incidentDate', 'dateInvalid');
      else if (date > amsterdamDate(new Date())) issue('incidentDate', 'dateInFuture');
    }
    }, {
      // Cross-field rules run even while other fields are still invalid, so every error shows at once.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );

export type ComplaintInput = input<typeof complaintSchema>;
export type ComplaintData = output<typeof complaintSchema>;
