import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, type Db } from '@/db/client';
import { findComplaintByTokenHash, historyOf, involvedOf, outboxOf } from '@/db/complaints';
import { breakOutbox, complaintByReference, countRows, insertTestReferenceData, setCategoryActive, tryRewriteHistory } from '@/db/fixtures';
import { runMigrations } from '@/db/migrate';
import { addCalendarDays, amsterdamDate } from '@/lib/procedure/dates';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { hashToken } from '@/lib/server/tokens';
import { submitComplaint } from './actions';
import { REFERENCE_PATTERN } from './reference';

export function validComplaint(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Fatima el Amrani',
    email: 'fatima@example.test',
    phone: '06 12345678',
    category: 'treatment',
    staffId: '',
    description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
    incidentWhen: 'date',
    incidentDate: addCalendarDays(amsterdamDate(new Date()), -20),
    desiredOutcome: 'Een andere adviseur.',
    partyChoice: 'municipality',
    partyName: 'Gemeente Oss',
    consent: true,
    idempotencyKey: randomUUID(),
    locale: 'nl',
    ...overrides,
  };
}

/**
 * The submission action's behaviour, the same on every driver. `setup` points the environment at a fresh, empty
 * database and returns how to clean up.
 */
export function describeSubmission(driver: string, setup: () => Promise<() => Promise<void>>) {
  describe(`submitting a complaint online (${driver})`, () => {
    let cleanup: () => Promise<void>;
    let db: Db;
    let advisers: Awaited<ReturnType<typeof insertTestReferenceData>>;

    beforeAll(async () => {
      cleanup = await setup();
      await runMigrations();
      db = await getDb();
      advisers = await insertTestReferenceData(db);
    });
    afterAll(async () => {
      await closeDb();
      await cleanup?.();
    });

    it('stores the complaint, its first history entry and the acknowledgement in one go', async () => {
      const input = validComplaint({ staffId: String(advisers.activeAdviser.id) });
      const result = await submitComplaint(input);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const today = amsterdamDate(new Date());
      expect(result.data.reference).toMatch(REFERENCE_PATTERN);
      expect(result.data.reference.startsWith(`KL-${today.slice(0, 4)}-`)).toBe(true);
      expect(result.data.receivedOn).toBe(today);

      const complaint = await complaintByReference(db, result.data.reference);
      expect(complaint).toMatchObject({
        status: 'acknowledged',
        channel: 'online',
        receivedOn: today,
        complainantName: 'Fatima el Amrani',
        complainantEmail: 'fatima@example.test',
        addressStreet: null,
        incidentOngoing: false,
        incidentDate: input.incidentDate,
        partyChoice: 'municipality',
        partyName: 'Gemeente Oss',
        terms: DEFAULT_TERMS,
        concernsStaffId: advisers.activeAdviser.id,
        idempotencyKey: input.idempotencyKey,
        version: 2,
      });
      // Only the hash of the secret link is stored, and it finds the complaint.
      expect(complaint!.statusTokenHash).toBe(hashToken(result.data.token));
      expect(complaint!.statusTokenHash).not.toContain(result.data.token);
      expect((await findComplaintByTokenHash(db, hashToken(result.data.token)))?.reference).toBe(result.data.reference);

      const history = await historyOf(db, complaint!.id);
      // Received from the client, and acknowledged at once by the system with the mail below.
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({ action: 'received', actorLabel: 'client', toStatus: 'received', details: { channel: 'online', olderThanLimit: false } });
      expect(history[1]).toMatchObject({ action: 'acknowledged', actorLabel: 'system', fromStatus: 'received', toStatus: 'acknowledged', details: { medium: 'email' } });

      const mails = await outboxOf(db, complaint!.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: 'acknowledgement', medium: 'email', recipient: 'fatima@example.test', status: 'pending' });
      expect(mails[0]!.subject).toContain(result.data.reference);
      expect(mails[0]!.bodyText).toContain(`/status/${result.data.token}`);
      expect(mails[0]!.bodyText).toContain('recht om gehoord te worden');

      expect(await involvedOf(db, complaint!.id)).toMatchObject([
        { staffId: advisers.activeAdviser.id, name: advisers.activeAdviser.name, involvement: 'subject' },
      ]);
    });

    it('writes the acknowledgement as a letter when the client gave only a postal address, in English for /en', async () => {
      const result = await submitComplaint(
        validComplaint({ email: '', street: 'Markt 12', postcode: '5341ab', city: 'Oss', locale: 'en', incidentWhen: 'ongoing', incidentDate: '' }),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const complaint = await complaintByReference(db, result.data.reference);
      expect(complaint).toMatchObject({ addressPostcode: '5341 AB', complainantEmail: null, incidentOngoing: true, incidentDate: null, locale: 'en' });
      const [mail] = await outboxOf(db, complaint!.id);
      expect(mail).toMatchObject({ medium: 'post', recipient: 'Fatima el Amrani\nMarkt 12\n5341 AB Oss' });
      expect(mail!.bodyText).toContain('right to be heard');
      expect(mail!.bodyText).toContain(`/en/status/${result.data.token}`);
    });

    it('flags conduct older than one year, and still accepts the complaint', async () => {
      const received = amsterdamDate(new Date());
      const result = await submitComplaint(validComplaint({ incidentDate: addCalendarDays(addCalendarDays(received, -365), -2) }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const complaint = await complaintByReference(db, result.data.reference);
      const [entry] = await historyOf(db, complaint!.id);
      expect(entry!.details).toMatchObject({ olderThanLimit: true });
      const [mail] = await outboxOf(db, complaint!.id);
      expect(mail!.bodyText).toContain('langer dan een jaar geleden');
    });

    it.each([
      ['missing name and consent', { name: '', consent: false }, { name: ['required'], consent: ['consentRequired'] }],
      ['no contact details', { email: '' }, { email: ['contactRequired'] }],
      ['a date in the future', { incidentDate: addCalendarDays(amsterdamDate(new Date()), 3) }, { incidentDate: ['dateInFuture'] }],
      ['a category that is not offered', { category: 'privacy' }, { category: ['categoryUnknown'] }],
      // A pasted text over the limit is refused, never cut and filed (the form keeps the text and says how long it is).
      ['a pasted 20,000-character description', { description: 'Woord '.repeat(3334) }, { description: ['tooLong'] }],
      ['an adviser who no longer works here', { staffId: 'inactive' }, { staffId: ['staffUnknown'] }],
      ['not an object at all', null, { _form: ['invalid'] }],
    ])('refuses %s with field errors and writes nothing', async (_label, change, fieldErrors) => {
      await setCategoryActive(db, 'privacy', false);
      try {
        const before = await countRows(db);
        const input =
          change === null ? null : validComplaint({ ...change, ...((change as Record<string, unknown>).staffId === 'inactive' ? { staffId: String(advisers.inactiveAdviser.id) } : {}) });
        const result = await submitComplaint(input);
        expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors });
        expect(await countRows(db)).toEqual(before);
      } finally {
        await setCategoryActive(db, 'privacy', true);
      }
    });

    it('a refused submission does not use up a reference number', async () => {
      const first = await submitComplaint(validComplaint());
      await setCategoryActive(db, 'other', false);
      await submitComplaint(validComplaint({ category: 'other' }));
      await setCategoryActive(db, 'other', true);
      const second = await submitComplaint(validComplaint());
      if (!first.ok || !second.ok) throw new Error('expected both submissions to succeed');
      const sequence = (reference: string) => Number(reference.split('-')[2]);
      expect(sequence(second.data.reference)).toBe(sequence(first.data.reference) + 1);
    });

    it('re-posting the same form gives the same complaint and the same link, never a second complaint', async () => {
      const input = validComplaint();
      const first = await submitComplaint(input);
      const before = await countRows(db);
      const again = await submitComplaint({ ...input, description: 'Changed text, same submission key.' });
      expect(again).toEqual(first);
      expect(await countRows(db)).toEqual(before);
    });

    it('five simultaneous posts of one form create exactly one complaint', async () => {
      const input = validComplaint();
      const before = await countRows(db);
      const results = await Promise.all(Array.from({ length: 5 }, () => submitComplaint(input)));
      const references = new Set(results.map((r) => (r.ok ? r.data.reference : 'failed')));
      expect([...references]).toHaveLength(1);
      expect(references.has('failed')).toBe(false);
      // One complaint: its receipt and its acknowledgement in the history, one mail.
      expect(await countRows(db)).toEqual({ complaints: before.complaints + 1, history: before.history + 2, outbox: before.outbox + 1 });
    });

    it('simultaneous submissions of different clients get unique, consecutive references', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => submitComplaint(validComplaint())));
      const numbers = results.map((r) => (r.ok ? Number(r.data.reference.split('-')[2]) : NaN)).sort((a, b) => a - b);
      expect(numbers.every(Number.isFinite)).toBe(true);
      expect(new Set(numbers).size).toBe(8);
      expect(numbers.at(-1)! - numbers[0]!).toBe(7);
    });

    it('when a step fails halfway, nothing is written and the client is asked to try again', async () => {
      const before = await countRows(db);
      await breakOutbox(db, true);
      try {
        const result = await submitComplaint(validComplaint());
        expect(result).toEqual({ ok: false, error: 'unavailable', fieldErrors: {} });
      } finally {
        await breakOutbox(db, false);
      }
      expect(await countRows(db)).toEqual(before);
    });

    it('the history cannot be edited or deleted, not even bypassing the app', async () => {
      const before = await countRows(db);
      expect(await tryRewriteHistory(db, 'update')).toMatch(/append-only/);
      expect(await tryRewriteHistory(db, 'delete')).toMatch(/append-only/);
      expect(await countRows(db)).toEqual(before);
    });
  });
}
