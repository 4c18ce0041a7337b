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
import { containsLink } from '@/lib/validation';
import { isIsoDate } from '@/lib/procedure/calendar';
import { currentDate } from '@/lib/procedure/now';
import { CLIENT_CONTRACTING_PARTY_CHOICES, LOCALES } from '@/lib/procedure/vocabulary';
import { LIMITS } from './limits';

/**
 * The complaint form's schema: used by react-hook-form in the browser and again by the server action. Built with
 * zod/mini to keep the public form light. Messages are keys under `errors.` in the message files.
 *
 * Staff registering a complaint that came in by phone, e-mail or post use the same fields and rules
 * (`complaintFields`, `complaintRules`), see ./register-schema.ts.
 */
export { LIMITS } from './limits';

/** The earliest date the forms accept. */
export const EARLIEST_DATE = '1900-01-01';

const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const PHONE = /^\+?[0-9 ()-]{6,30}$/;

const text = (max: number) => string('invalid').check(trim(), maxLength(max, 'tooLong'));
const requiredText = (max: number) => string('required').check(trim(), minLength(1, 'required'), maxLength(max, 'tooLong'));
const optionalText = (max: number) => _default(text(max), '');

/** What the client tells us: every field of the complaint, without the consent. */
export const complaintFields = {
  // No links or web addresses: the name is repeated in the acknowledgement mail (review item 2: spam through our domain).
  name: requiredText(LIMITS.name).check(refine((v) => !containsLink(v), 'nameLink')),
  email: _default(
    string('invalid').check(trim(), maxLength(LIMITS.email, 'tooLong'), refine((v) => v === '' || email().safeParse(v).success, 'email')),
    '',
  ),
  street: optionalText(LIMITS.street),
  postcode: _default(string('invalid').check(trim(), refine((v) => v === '' || POSTCODE.test(v), 'postcode')), ''),
  city: optionalText(LIMITS.city),
  phone: _default(string('invalid').check(trim(), refine((v) => v === '' || PHONE.test(v), 'phone')), ''),
  // A code of a category the admin manages; the action checks that it is an active one.
  category: string('choose').check(trim(), minLength(1, 'choose'), maxLength(LIMITS.categoryCode, 'tooLong')),
  staffId: _default(string('invalid').check(regex(/^\d{0,9}$/, 'invalid')), ''),
  staffOther: optionalText(LIMITS.staffOther),
  description: string('required').check(
    trim(), minLength(1, 'required'), minLength(LIMITS.descriptionMin, 'tooShort'), maxLength(LIMITS.description, 'tooLong')),
  incidentWhen: oneOf(['date', 'ongoing'], 'choose'),
  incidentDate: _default(string('invalid').check(trim()), ''),
  desiredOutcome: optionalText(LIMITS.desiredOutcome),
  partyChoice: oneOf(CLIENT_CONTRACTING_PARTY_CHOICES, 'choose'),
  partyName: optionalText(LIMITS.partyName),
  idempotencyKey: uuid('invalid'),
  locale: _default(oneOf(LOCALES, 'invalid'), 'nl'),
};

type Issue = (path: string, message: string) => void;
type Values = Partial<Record<string, unknown>>;

/** A cross-field check that runs even while other fields are still invalid, so every error shows at once. */
export function crossFieldCheck(rules: (v: Values, str: (key: string) => string, issue: Issue) => void) {
  return check<object>(
    (ctx) => {
      const v = ctx.value as Values;
      const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string).trim() : '');
      const issue: Issue = (path, message) => ctx.issues.push({ code: 'custom', message, path: [path], input: v[path] });
      rules(v, str, issue);
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/** The rules between fields: a way to reach the client, a whole address, a real incident date not in the future. */
export const complaintRules = () =>
  crossFieldCheck((v, str, issue) => {
    const address = ['street', 'postcode', 'city'] as const;
    const filled = address.filter((key) => str(key) !== '');
    if (filled.length > 0 && filled.length < address.length) {
      for (const key of address) if (str(key) === '') issue(key, 'addressIncomplete');
    }
    if (str('email') === '' && filled.length === 0) issue('email', 'contactRequired');

    if (v.incidentWhen === 'date') {
      const date = str('incidentDate');
      if (date === '') issue('incidentDate', 'required');
      else if (!isIsoDate(date) || date < EARLIEST_DATE) issue('incidentDate', 'dateInvalid');
      else if (date > currentDate()) issue('incidentDate', 'dateInFuture');
    }
  });

export const complaintSchema = object({ ...complaintFields, consent: literal(true, 'consentRequired') }, 'invalid').check(complaintRules());

export type ComplaintInput = input<typeof complaintSchema>;
export type ComplaintData = output<typeof complaintSchema>;
