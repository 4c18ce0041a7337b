import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, type Db } from '@/db/client';
import { findComplaintByTokenHash, historyOf, involvedOf, outboxOf } from '@/db/complaints';
import { breakOutbox, complaintByReference, countRows, insertTestReferenceData, setCategoryActive, tryRewriteHistory } from '@/db/fixtures';
import { runMigrations } from '@/db/migrate';
import { addCalendarDays, amsterdamDate } from '@/lib/procedure/dates';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { hashToken } from '@/lib/server/tokens';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import { users } from '@/db/schema';
import { registerComplaintAction } from './register-actions';
import { submitComplaint } from './public-submit';
import { signFormStamp } from './form-stamp';
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
    // As the form sends it: the signed time the page was rendered (a minute ago) and the empty honeypot.
    formStamp: signFormStamp(new Date(Date.now() - 60_000)),
    website: '',
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
      // This file submits far more than one person would; the limits themselves are tested at the end.
      process.env.RATE_LIMIT_FACTOR = '1000';
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

    it.each([
      ['a NUL byte in the description', { description: 'Mijn adviseur kwam drie afspraken niet opdagen\u0000 zonder iets te laten weten.' }, { description: ['controlChars'] }],
      ['a control character in the name', { name: 'Fatima\u0007 el Amrani' }, { name: ['controlChars'] }],
      ['a link in the name', { name: 'Please log in at https://evil.example/login' }, { name: ['nameLink'] }],
      ['a bare domain in the name', { name: 'Visit evil-site.com now' }, { name: ['nameLink'] }],
      ['an adviser id beyond the integer range', { staffId: '99999999999' }, { staffId: ['invalid'] }],
    ])('refuses %s with a field message, writes nothing and logs no personal data', async (_label, change, fieldErrors) => {
      const before = await countRows(db);
      const logged = captureConsole();
      try {
        const result = await submitComplaint(validComplaint({ ...change, email: 'secret-person@example.test' }));
        expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors });
      } finally {
        logged.restore();
      }
      expect(await countRows(db)).toEqual(before);
      expect(logged.text()).not.toMatch(/secret-person|Fatima|afspraken|evil/);
    });

    it('a database error is logged as its code and the action only: no name, e-mail or text', async () => {
      const logged = captureConsole();
      await breakOutbox(db, true);
      try {
        const result = await submitComplaint(validComplaint({ name: 'Geheime Naam', email: 'geheim@example.test', description: 'Een geheime tekst over mijn adviseur die niet in het log mag.' }));
        expect(result).toEqual({ ok: false, error: 'unavailable', fieldErrors: {} });
      } finally {
        await breakOutbox(db, false);
        logged.restore();
      }
      expect(logged.text()).toContain('[action submitComplaint] failed');
      expect(logged.text()).toMatch(/sqlstate=\w{5}/);
      expect(logged.text()).not.toMatch(/Geheime|geheim@|geheime tekst|insert into|params/i);
    });

    it.each([
      ['the honeypot filled in', () => ({ website: 'http://spam.example' })],
      ['sent one second after the form was shown', () => ({ formStamp: signFormStamp(new Date(Date.now() - 1000)) })],
      ['no form stamp', () => ({ formStamp: undefined })],
      ['a forged form stamp', () => ({ formStamp: `${Date.now() - 60_000}.forged` })],
    ])('a bot (%s) gets the neutral refusal and nothing is written', async (_label, change) => {
      const before = await countRows(db);
      expect(await submitComplaint(validComplaint(change()))).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['invalid'] } });
      expect(await countRows(db)).toEqual(before);
    });

    it('a public submission that reuses the key of a staff registration gets neither its reference nor a status link', async () => {
      const staffKey = randomUUID();
      const [user] = await db.insert(users).values({ email: `staff-${staffKey}@test`, name: 'Sanne Jansen', role: 'handler' }).returning({ id: users.id });
      const registered = await runAs(user!.id, () => registerComplaintAction({ ...validComplaint(), channel: 'phone', receivedOn: amsterdamDate(new Date()), informed: true, idempotencyKey: staffKey }));
      expect(registered.ok).toBe(true);
      const before = await countRows(db);
      const result = await submitComplaint(validComplaint({ idempotencyKey: staffKey }));
      expect(result).toEqual(FORBIDDEN);
      expect(JSON.stringify(result)).not.toContain(registered.ok ? registered.data.reference : 'x');
      expect(await countRows(db)).toEqual(before);
    });

    it('a staff registration that reuses the key of a public submission gets nothing of it', async () => {
      const publicKey = randomUUID();
      const submitted = await submitComplaint(validComplaint({ idempotencyKey: publicKey }));
      expect(submitted.ok).toBe(true);
      const [user] = await db.insert(users).values({ email: `staff-${publicKey}@test`, name: 'Thijs Bakker', role: 'handler' }).returning({ id: users.id });
      const before = await countRows(db);
      const result = await runAs(user!.id, () => registerComplaintAction({ ...validComplaint(), channel: 'phone', receivedOn: amsterdamDate(new Date()), informed: true, idempotencyKey: publicKey }));
      expect(result).toEqual(FORBIDDEN);
      expect(await countRows(db)).toEqual(before);
    });

    it('a fourth acknowledgement to one address in a day is held for a handler; the complaint is still saved', async () => {
      // The real cap (vitest.config.ts raises it for the other tests, which file many complaints from one address).
      const raised = process.env.ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY;
      delete process.env.ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY;
      try {
        const email = `veel-${randomUUID()}@example.test`;
        const results = [];
        for (let i = 0; i < 4; i++) results.push(await submitComplaint(validComplaint({ email })));
        const statuses = [];
        for (const result of results) {
          if (!result.ok) throw new Error('expected every complaint to be saved');
          const complaint = await complaintByReference(db, result.data.reference);
          const [mail] = await outboxOf(db, complaint!.id);
          statuses.push(mail!.status);
          if (mail!.status === 'failed') expect(mail!.lastError).toMatch(/^Vastgehouden: te veel ontvangstbevestigingen/);
        }
        expect(statuses).toEqual(['pending', 'pending', 'pending', 'failed']);
      } finally {
        if (raised === undefined) delete process.env.ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY;
        else process.env.ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY = raised;
      }
    });

    it('too many submissions: a clear "try again in N minutes", nothing written, never an error', async () => {
      process.env.RATE_LIMIT_FACTOR = '1';
      try {
        let result = await submitComplaint(validComplaint());
        for (let i = 0; i < 15 && result.ok; i++) result = await submitComplaint(validComplaint());
        expect(result).toMatchObject({ ok: false, error: 'limited', fieldErrors: { _form: ['rateLimited'] } });
        const before = await countRows(db);
        const again = await submitComplaint(validComplaint());
        expect(again.ok).toBe(false);
        if (again.ok) return;
        expect(again.error).toBe('limited');
        expect(again.retryAfterMinutes).toBeGreaterThanOrEqual(1);
        expect(again.retryAfterMinutes).toBeLessThanOrEqual(60);
        expect(await countRows(db)).toEqual(before);
      } finally {
        process.env.RATE_LIMIT_FACTOR = '1000';
      }
    });
  });
}

/** Everything written to console.error/warn/log while capturing. */
function captureConsole() {
  const lines: string[] = [];
  const original = { error: console.error, warn: console.warn, log: console.log };
  for (const level of ['error', 'warn', 'log'] as const) {
    console[level] = (...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${String((a as { cause?: unknown }).cause)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  }
  return {
    text: () => lines.join('\n'),
    restore: () => Object.assign(console, original),
  };
}
