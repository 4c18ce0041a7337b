import { enum as oneOf, type input, literal, object, type output, string, trim } from 'zod/mini';
import { isIsoDate } from '@/lib/procedure/calendar';
import { currentDate } from '@/lib/procedure/now';
import type { Channel } from '@/lib/procedure/vocabulary';
import { complaintFields, complaintRules, crossFieldCheck, EARLIEST_DATE } from './schema';

/**
 * Staff register a complaint that came in by phone, e-mail or post: the public form's fields and rules, plus the
 * channel and the day it reached us (the procedure's clocks count from it). Who registered it is the signed-in user,
 * never a form field. Instead of the client's consent, staff confirm the client knows we record their data.
 */
export const REGISTER_CHANNELS = ['phone', 'email', 'post'] as const satisfies readonly Channel[];

export const registerSchema = object(
  {
    ...complaintFields,
    channel: oneOf(REGISTER_CHANNELS, 'choose'),
    receivedOn: string('required').check(trim()),
    informed: literal(true, 'informedRequired'),
  },
  'invalid',
).check(
  complaintRules(),
  crossFieldCheck((v, str, issue) => {
    const received = str('receivedOn');
    if (received === '') return issue('receivedOn', 'required');
    if (!isIsoDate(received) || received < EARLIEST_DATE) return issue('receivedOn', 'dateInvalid');
    const today = currentDate();
    if (received > today) return issue('receivedOn', 'receivedInFuture');
    // The conduct cannot have happened after the complaint about it reached us (a date after today is reported above).
    const incident = str('incidentDate');
    if (v.incidentWhen === 'date' && isIsoDate(incident) && incident <= today && incident > received) {
      issue('incidentDate', 'incidentAfterReceived');
    }
  }),
);

export type RegisterInput = input<typeof registerSchema>;
export type RegisterData = output<typeof registerSchema>;
