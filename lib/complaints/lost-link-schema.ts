import { email, object, type output, pipe, string, transform, trim, maxLength, minLength, refine, enum as oneOf } from 'zod/mini';
import { LOCALES } from '@/lib/procedure/vocabulary';
import { LIMITS } from './limits';
import { REFERENCE_PATTERN } from './reference';

/**
 * The lost-link form (`/status/kwijt`, `/en/status/lost`): the complaint's reference and the client's e-mail address.
 * Bounded, with one message per field (keys under `errors.` in the message files). The reference may be typed in lower
 * case or with spaces (" kl-2026-0042 ").
 */
export const normalReference = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export const lostLinkSchema = object(
  {
    reference: pipe(
      string('required').check(
        trim(),
        minLength(1, 'required'),
        maxLength(LIMITS.reference, 'referenceInvalid'),
        refine((v) => v === '' || v.length > LIMITS.reference || REFERENCE_PATTERN.test(normalReference(v)), 'referenceInvalid'),
      ),
      transform(normalReference),
    ),
    email: string('required').check(
      trim(),
      minLength(1, 'required'),
      maxLength(LIMITS.email, 'tooLong'),
      refine((v) => v === '' || v.length > LIMITS.email || email().safeParse(v).success, 'email'),
    ),
    locale: oneOf(LOCALES, 'invalid'),
  },
  'invalid',
);
export type LostLinkData = output<typeof lostLinkSchema>;
