import * as z from 'zod/mini';
import { amsterdamDate, isIsoDate } from '@/lib/procedure/calendar';
import { CLIENT_CONTRACTING_PARTY_CHOICES, LOCALES } from '@/lib/procedure/vocabulary';

/**
 * The complaint form's schema: used by react-hook-form in the browser and again by the server action. Built with
 * zod/mini to keep the public form light. Messages are keys under `errors.` in the message files.
 */
export const LIMITS = {
  name: 200,
  email: 254,
  street: 200,
  postcode: 7,
  city: 100,
  phone: 30,
  staffOther: 200,
  descriptionMin: 10,
  description: 5000,
  desiredOutcome: 2000,
  partyName: 200,
} as const;

export const CATEGORY_CODES = ['trajectory', 'treatment', 'communication', 'privacy', 'other'] as const;

const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const PHONE = /^\+?[0-9 ()-]{6,30}$/;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'tooLong'));
const requiredText = (max: number) => z.string('required').check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'tooLong'));
const optionalText = (max: number) => z._default(text(max), '');

export const complaintSchema = z
  .object({
    name: requiredText(LIMITS.name),
    email: z._default(
      z.string().check(z.trim(), z.maxLength(LIMITS.email, 'tooLong'), z.refine((v) => v === '' || z.email().safeParse(v).success, 'email')),
      '',
    ),
    street: optionalText(LIMITS.street),
    postcode: z._default(z.string().check(z.trim(), z.refine((v) => v === '' || POSTCODE.test(v), 'postcode')), ''),
    city: optionalText(LIMITS.city),
    phone: z._default(z.string().check(z.trim(), z.refine((v) => v === '' || PHONE.test(v), 'phone')), ''),
    category: z.enum(CATEGORY_CODES, 'choose'),
    staffId: z._default(z.string().check(z.regex(/^\d{0,9}$/, 'invalid')), ''),
    staffOther: optionalText(LIMITS.staffOther),
    description: z
      .string('required')
      .check(z.trim(), z.minLength(1, 'required'), z.minLength(LIMITS.descriptionMin, 'tooShort'), z.maxLength(LIMITS.description, 'tooLong')),
    incidentWhen: z.enum(['date', 'ongoing'], 'choose'),
    incidentDate: z._default(z.string().check(z.trim()), ''),
    desiredOutcome: optionalText(LIMITS.desiredOutcome),
    partyChoice: z.enum(CLIENT_CONTRACTING_PARTY_CHOICES, 'choose'),
    partyName: optionalText(LIMITS.partyName),
    consent: z.literal(true, 'consentRequired'),
    idempotencyKey: z.uuid('invalid'),
    locale: z._default(z.enum(LOCALES), 'nl'),
  }, 'invalid')
  .check(
    z.check((ctx) => {
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

export type ComplaintInput = z.input<typeof complaintSchema>;
export type ComplaintData = z.output<typeof complaintSchema>;
