import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { addCalendarDays, amsterdamDate } from '@/lib/procedure/dates';
import { registerSchema } from './register-schema';

const today = amsterdamDate(new Date());
const valid = {
  channel: 'phone',
  receivedOn: addCalendarDays(today, -3),
  name: 'Henk de Jong',
  email: 'henk@example.test',
  category: 'treatment',
  description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
  incidentWhen: 'date',
  incidentDate: addCalendarDays(today, -10),
  partyChoice: 'uwv',
  informed: true,
  idempotencyKey: '6f1b0f3e-8f3a-4c7b-9a55-0c1a4a0c9d11',
};

function errors(input: Record<string, unknown>) {
  const result = registerSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error.issues);
}

describe('register schema: the public form plus channel, received date and the confirmation', () => {
  it.each([
    ['received today', { receivedOn: today }],
    ['received on 1 January 1900', { receivedOn: '1900-01-01', incidentDate: '1900-01-01' }],
    ['incident on the received day', { incidentDate: addCalendarDays(today, -3) }],
    ['still going on', { incidentWhen: 'ongoing', incidentDate: '' }],
    ['by post, postal address only', { channel: 'post', email: '', street: 'Markt 1', postcode: '5341 AB', city: 'Oss' }],
  ])('accepts %s', (_label, change) => {
    expect(errors({ ...valid, ...change })).toEqual({});
  });

  it.each([
    ['online is not a staff channel', { channel: 'online' }, { channel: ['choose'] }],
    ['no channel', { channel: undefined }, { channel: ['choose'] }],
    ['received tomorrow', { receivedOn: addCalendarDays(today, 1), incidentDate: addCalendarDays(today, -10) }, { receivedOn: ['receivedInFuture'] }],
    ['received before 1900', { receivedOn: '1899-12-31' }, { receivedOn: ['dateInvalid'] }],
    ['received on 30 February', { receivedOn: '2026-02-30' }, { receivedOn: ['dateInvalid'] }],
    ['no received date', { receivedOn: '' }, { receivedOn: ['required'] }],
    ['incident after receipt', { incidentDate: addCalendarDays(today, -1) }, { incidentDate: ['incidentAfterReceived'] }],
    // One message, not two: a date in the future is said as such.
    ['incident in the future', { incidentDate: addCalendarDays(today, 2) }, { incidentDate: ['dateInFuture'] }],
    ['not confirmed', { informed: false }, { informed: ['informedRequired'] }],
    ['shared rules still apply', { email: '', name: '' }, { name: ['required'], email: ['contactRequired'] }],
  ])('refuses %s', (_label, change, expected) => {
    expect(errors({ ...valid, ...change })).toEqual(expected);
  });

  it('has no consent field: staff do not consent for the client', () => {
    const result = registerSchema.safeParse({ ...valid, consent: true });
    expect(result.success && 'consent' in result.data).toBe(false);
  });
});
