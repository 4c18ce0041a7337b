import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { addCalendarDays, amsterdamDate } from '@/lib/procedure/dates';
import { complaintSchema, LIMITS } from './schema';

const valid = {
  name: 'Fatima el Amrani',
  email: 'fatima@example.test',
  category: 'treatment',
  description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
  incidentWhen: 'date',
  incidentDate: '2026-10-01',
  partyChoice: 'municipality',
  partyName: "Gemeente 's-Hertogenbosch",
  consent: true,
  idempotencyKey: '6f1b0f3e-8f3a-4c7b-9a55-0c1a4a0c9d11',
};

function errors(input: Record<string, unknown>) {
  const result = complaintSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error.issues);
}

describe('complaint schema', () => {
  it('accepts a complete complaint and trims text', () => {
    const result = complaintSchema.safeParse({ ...valid, name: '  Fatima el Amrani  ' });
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe('Fatima el Amrani');
    expect(result.data?.locale).toBe('nl');
  });

  const today = amsterdamDate(new Date());
  it.each([
    ['name missing', { name: '' }, { name: ['required'] }],
    ['name only spaces', { name: '   ' }, { name: ['required'] }],
    ['name too long', { name: 'x'.repeat(LIMITS.name + 1) }, { name: ['tooLong'] }],
    ['no way to reach the client', { email: '' }, { email: ['contactRequired'] }],
    ['bad e-mail', { email: 'fatima@' }, { email: ['email'] }],
    ['half an address', { email: '', street: 'Markt 1', postcode: '', city: '' }, { postcode: ['addressIncomplete'], city: ['addressIncomplete'] }],
    ['bad postcode', { street: 'Markt 1', postcode: '12345', city: 'Oss' }, { postcode: ['postcode'] }],
    ['bad phone', { phone: 'call me' }, { phone: ['phone'] }],
    ['no category chosen', { category: '' }, { category: ['choose'] }],
    ['category code too long', { category: 'x'.repeat(LIMITS.categoryCode + 1) }, { category: ['tooLong'] }],
    ['description missing', { description: '' }, { description: ['required', 'tooShort'] }],
    ['description too short', { description: 'Slecht.' }, { description: ['tooShort'] }],
    ['description too long', { description: 'x'.repeat(LIMITS.description + 1) }, { description: ['tooLong'] }],
    ['a pasted 20,000-character description', { description: 'Woord '.repeat(3334) }, { description: ['tooLong'] }],
    ['desired outcome too long', { desiredOutcome: 'x'.repeat(LIMITS.desiredOutcome + 1) }, { desiredOutcome: ['tooLong'] }],
    ['no answer to when', { incidentWhen: undefined }, { incidentWhen: ['choose'] }],
    ['date missing', { incidentDate: '' }, { incidentDate: ['required'] }],
    ['impossible date', { incidentDate: '2026-02-30' }, { incidentDate: ['dateInvalid'] }],
    ['date in the future', { incidentDate: addCalendarDays(today, 1) }, { incidentDate: ['dateInFuture'] }],
    ['no contracting party answer', { partyChoice: '' }, { partyChoice: ['choose'] }],
    ['no consent', { consent: false }, { consent: ['consentRequired'] }],
    ['consent as a string', { consent: 'true' }, { consent: ['consentRequired'] }],
    ['idempotency key missing', { idempotencyKey: 'abc' }, { idempotencyKey: ['invalid'] }],
  ])('%s', (_label, change, expected) => {
    expect(errors({ ...valid, ...change })).toEqual(expected);
  });

  it.each([
    ['postal address only', { email: '', street: 'Postbus 170', postcode: '5240 AD', city: 'Rosmalen' }],
    ['still going on, no date', { incidentWhen: 'ongoing', incidentDate: '' }],
    ['happened today', { incidentDate: today }],
    ['postcode without space', { email: '', street: 'Markt 1', postcode: '5341ab', city: 'Oss' }],
    // Categories are managed by the admin: any code passes the schema, the action checks it is an active category.
    ['a category added by the admin', { category: 'waiting-times' }],
  ])('accepts %s', (_label, change) => {
    expect(errors({ ...valid, ...change })).toEqual({});
  });

  it('reports every problem at once, including cross-field ones', () => {
    expect(Object.keys(errors({ name: '', incidentWhen: 'date', incidentDate: '2999-01-01', consent: false })).sort()).toEqual(
      ['category', 'consent', 'description', 'email', 'idempotencyKey', 'incidentDate', 'name', 'partyChoice'].sort(),
    );
  });
});
