// Named imports (not `* as z`) so the bundler keeps only what the forms use.
import { int, lte, number, object, type input, positive, refine, string, trim } from 'zod/mini';
import { INT4_MAX } from '@/lib/validation';
import { isIsoDate } from '@/lib/procedure/calendar';

/**
 * The post room's forms: checked by react-hook-form in the browser and again by the server actions (./commands.ts).
 * Messages are keys under `errors.` in lib/i18n/messages/{nl,en}.json; the date rules that need the letter and today
 * are in ./rules.ts and run on the server.
 */

const id = () => number('invalid').check(int('invalid'), positive('invalid'), lte(INT4_MAX, 'invalid'));

export const markPostedSchema = object(
  {
    id: id(),
    postedOn: string('required').check(
      trim(),
      refine((v) => v !== '', 'required'),
      refine((v) => v === '' || (isIsoDate(v) && v >= '1900-01-01'), 'dateInvalid'),
    ),
  },
  'invalid',
);

export const outboxMessageSchema = object({ id: id() }, 'invalid');

export type MarkPostedInput = input<typeof markPostedSchema>;
