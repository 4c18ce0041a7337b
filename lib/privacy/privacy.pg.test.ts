import { execFileSync } from 'node:child_process';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complaintAttachments,
  complaintHistory,
  complaints,
  informationRequests,
  outbox,
  privacyRequestComplaints,
  privacyRequestEvents,
  privacyRequests,
} from '@/db/schema';
import type { ActionResult } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from '@/lib/complaints/steps/testing';
import { addCalendarDays, addCalendarMonths } from '@/lib/procedure/dates';
import type { AccessExport } from './export';

/**
 * Privacy requests on a real PostgreSQL through the real server actions: register (with its term), extend (once, with
 * a reason, the requester mailed in the same transaction), the access export (JSON contents and the PDF's text),
 * correction (with a history entry on each complaint), erasure (anonymised now; refused while a complaint is still
 * handled), refusal; every refused input writes nothing; a handler may do none of it.
 */

let w: StepsWorld;
let actions: typeof import('./actions');
let download: typeof import('./download');

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
  download = await import('./download');
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const as = <T>(who: { id: number } | null, action: (input: unknown) => Promise<ActionResult<T>>, input: unknown) => runAs(who?.id ?? null, () => action(input));
const invalid = (field: string, key: string) => ({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });
const pdfText = (bytes: Uint8Array) => execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' });

/** Everything the privacy actions could write. */
async function fingerprint() {
  const tables = [privacyRequests, privacyRequestComplaints, privacyRequestEvents, outbox, complaintHistory];
  const counts = [];
  for (const table of tables) counts.push((await w.db.select({ n: count() }).from(table))[0]!.n);
  const requests = await w.db.select().from(privacyRequests).orderBy(asc(privacyRequests.id));
  const contacts = await w.db
    .select({ id: complaints.id, name: complaints.complainantName, email: complaints.complainantEmail, phone: complaints.complainantPhone, v: complaints.version })
    .from(complaints)
    .orderBy(asc(complaints.id));
  return { counts, requests, contacts };
}

async function requestRow(id: number) {
  const [row] = await w.db.select().from(privacyRequests).where(eq(privacyRequests.id, id));
  return row!;
}
async function eventsOf(id: number) {
  return w.db.select().from(privacyRequestEvents).where(eq(privacyRequestEvents.requestId, id)).orderBy(asc(privacyRequestEvents.id));
}

const base = {
  kind: 'access',
  requesterName: 'Henk de Jong',
  requesterEmail: 'henk@example.nl',
  receivedOn: daysAgo(3),
  receivedVia: 'email',
  requestText: 'Ik wil graag weten welke gegevens u van mij heeft.',
};

async function register(input: Record<string, unknown> = {}, who: { id: number } = w.people.manager) {
  const result = await as(who, actions.registerPrivacyRequestAction, { ...base, complaintIds: [], ...input });
  if (!result.ok) throw new Error(`register failed: ${JSON.stringify(result)}`);
  return result.data;
}

describe('register', () => {
  it('records the request with its due date (receipt + 1 month) and a "registered" event; an admin may too', async () => {
    const c = await w.complaint({ complainantEmail: 'reg@example.nl' });
    const { id, version } = await register({ complaintIds: [c.id, c.id] });
    expect(version).toBe(1);
    expect(await requestRow(id)).toMatchObject({
      kind: 'access',
      status: 'open',
      requesterName: 'Henk de Jong',
      receivedOn: daysAgo(3),
      dueOn: addCalendarMonths(daysAgo(3), 1),
      extendedTo: null,
      registeredBy: w.people.manager.id,
    });
    expect(await w.db.select().from(privacyRequestComplaints).where(eq(privacyRequestComplaints.requestId, id))).toEqual([{ requestId: id, complaintId: c.id }]);
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'registered', actorUserId: w.people.manager.id, details: { kind: 'access', months: 1, complaints: [c.reference] } });

    const byAdmin = await register({ kind: 'erasure' }, w.people.admin);
    expect((await requestRow(byAdmin.id)).registeredBy).toBe(w.people.admin.id);
  });

  it('suggests complaints by e-mail address (any case) or by name', async () => {
    const byMail = await w.complaint({ complainantName: 'Iemand Anders', complainantEmail: 'Suggest@Example.nl' });
    const byName = await w.complaint({ complainantName: 'Joke  van Suggestie', complainantEmail: 'joke@elders.nl' });
    const other = await w.complaint({ complainantName: 'Niet Zij', complainantEmail: 'niet@example.nl' });
    const result = await as(w.people.manager, actions.suggestPrivacyComplaintsAction, { requesterName: 'joke van suggestie', requesterEmail: 'suggest@example.nl' });
    expect(result.ok).toBe(true);
    const ids = result.ok ? result.data.map((r) => r.id) : [];
    expect(ids).toContain(byMail.id);
    expect(ids).toContain(byName.id);
    expect(ids).not.toContain(other.id);
    if (result.ok) expect(result.data.find((r) => r.id === byMail.id)?.matchedOn).toBe('email');
  });

  it.each([
    ['a received date in the future', { receivedOn: addCalendarDays(today, 1) }, 'receivedOn', 'privacyReceivedInFuture'],
    ['no e-mail address', { requesterEmail: '' }, 'requesterEmail', 'required'],
    ['a bad e-mail address', { requesterEmail: 'henk@' }, 'requesterEmail', 'email'],
    ['no request text', { requestText: '  ' }, 'requestText', 'required'],
    ['an unknown kind', { kind: 'objection' }, 'kind', 'choose'],
    ['an unknown channel', { receivedVia: 'fax' }, 'receivedVia', 'choose'],
    ['a complaint that does not exist', { complaintIds: [999999] }, 'complaintIds', 'privacyComplaintUnknown'],
    ['a link in the name', { requesterName: 'Klik https://evil.example' }, 'requesterName', 'nameLink'],
  ])('refuses %s and writes nothing', async (_label, input, field, key) => {
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.registerPrivacyRequestAction, { ...base, complaintIds: [], ...input })).toEqual(invalid(field, key));
    expect(await fingerprint()).toEqual(before);
  });

  it('a handler may not register, suggest, or download (forbidden, nothing written)', async () => {
    const { id, version } = await register();
    const before = await fingerprint();
    const forbidden = { ok: false, error: 'forbidden', fieldErrors: { _form: ['forbidden'] } };
    expect(await as(w.people.handler, actions.registerPrivacyRequestAction, { ...base, complaintIds: [] })).toEqual(forbidden);
    expect(await as(w.people.handler, actions.suggestPrivacyComplaintsAction, { requesterName: 'Henk de Jong', requesterEmail: '' })).toEqual(forbidden);
    expect(await as(w.people.handler, actions.extendPrivacyRequestAction, { requestId: id, version, months: 1, reason: 'Druk' })).toEqual(forbidden);
    expect(await as(w.people.handler, actions.refusePrivacyRequestAction, { requestId: id, version, reason: 'Nee' })).toEqual(forbidden);
    expect(await runAs(w.people.handler.id, () => download.accessExportFile(id, 'json'))).toEqual(forbidden);
    expect(await as(null, actions.registerPrivacyRequestAction, { ...base, complaintIds: [] })).toEqual(forbidden);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('extend', () => {
  it('once, by two months with a reason: new due date, the requester mailed in the same transaction, an event', async () => {
    const { id, version } = await register({ requesterEmail: 'extend@example.nl' });
    const result = await as(w.people.manager, actions.extendPrivacyRequestAction, { requestId: id, version, months: 2, reason: 'Veel dossiers in het archief' });
    expect(result).toEqual({ ok: true, data: { id, version: 2 } });
    const row = await requestRow(id);
    const dueOn = addCalendarMonths(daysAgo(3), 1);
    expect(row).toMatchObject({ status: 'extended', dueOn, extendedTo: addCalendarMonths(dueOn, 2), extensionReason: 'Veel dossiers in het archief' });
    const mails = await w.db.select().from(outbox).where(eq(outbox.recipient, 'extend@example.nl'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'privacy_extension', medium: 'email', status: 'pending', complaintId: null });
    expect(mails[0]!.bodyText).toContain('"Veel dossiers in het archief"');
    expect(mails[0]!.subject).toContain('meer tijd nodig');
    const events = await eventsOf(id);
    expect(events.at(-1)).toMatchObject({ action: 'extended', details: { months: 2, reason: 'Veel dossiers in het archief', outboxId: mails[0]!.id } });

    // A second extension is refused and writes nothing.
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.extendPrivacyRequestAction, { requestId: id, version: 2, months: 1, reason: 'Nog meer' })).toEqual(
      invalid('_form', 'privacyAlreadyExtended'),
    );
    expect(await fingerprint()).toEqual(before);
  });

  it.each([
    ['without a reason', { months: 1, reason: ' ' }, 'reason', 'required'],
    ['by three months', { months: 3, reason: 'Complex' }, 'months', 'privacyExtensionMonths'],
    ['by no months', { months: 0, reason: 'Complex' }, 'months', 'privacyExtensionMonths'],
  ])('refuses an extension %s and writes nothing', async (_label, input, field, key) => {
    const { id, version } = await register();
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.extendPrivacyRequestAction, { requestId: id, version, ...input })).toEqual(invalid(field, key));
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses after the first month has run out, and on a stale version (conflict)', async () => {
    const late = await register({ receivedOn: addCalendarMonths(today, -2) });
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.extendPrivacyRequestAction, { requestId: late.id, version: 1, months: 1, reason: 'Te laat' })).toEqual(
      invalid('_form', 'privacyExtensionTooLate'),
    );
    const stale = await as(w.people.manager, actions.extendPrivacyRequestAction, { requestId: late.id, version: 7, months: 1, reason: 'Oud' });
    expect(stale).toMatchObject({ ok: false, error: 'conflict' });
    expect(await fingerprint()).toEqual(before);
  });
});

describe('access export', () => {
  it('holds every complaint of the person with its history, answers, files (metadata only) and letters; JSON and PDF; recorded', async () => {
    const c = await w.complaint({ complainantName: 'Özlem Şahin', complainantEmail: 'ozlem@example.nl', complainantPhone: '0612345678', status: 'resolved' });
    const other = await w.complaint({ complainantName: 'Niet Haar', complainantEmail: 'ander@example.nl' });
    await w.db.insert(complaintHistory).values({ complaintId: c.id, actorUserId: w.people.handler.id, action: 'acknowledged', fromStatus: 'received', toStatus: 'acknowledged' });
    await w.db.insert(informationRequests).values({ complaintId: c.id, question: 'Wanneer was de afspraak?', askedAt: new Date(), askedBy: w.people.handler.id, answer: 'Op 3 maart om 10 uur', answeredOn: daysAgo(5) });
    await w.db.insert(complaintAttachments).values({ complaintId: c.id, fileName: 'brief-gemeente.pdf', contentType: 'application/pdf', sizeBytes: 4, content: new Uint8Array([37, 80, 68, 70]) });
    await w.db.insert(outbox).values([
      { complaintId: c.id, kind: 'acknowledgement', medium: 'email', recipient: 'ozlem@example.nl', subject: 'Wij hebben uw klacht ontvangen', bodyText: 'Beste Özlem Şahin, wij hebben uw klacht ontvangen.' },
      { complaintId: c.id, kind: 'staff_notice', medium: 'email', recipient: 'h1@test', subject: 'Intern bericht', bodyText: 'Alleen voor medewerkers' },
    ]);
    const { id } = await register({ requesterName: 'Özlem Şahin', requesterEmail: 'ozlem@example.nl', complaintIds: [c.id] });

    const json = await runAs(w.people.manager.id, () => download.accessExportFile(id, 'json'));
    if (!json.ok) throw new Error(JSON.stringify(json));
    expect(json.data.contentType).toContain('application/json');
    const doc = JSON.parse(new TextDecoder().decode(json.data.bytes)) as AccessExport;
    expect(doc.request).toMatchObject({ id, requesterName: 'Özlem Şahin', requesterEmail: 'ozlem@example.nl' });
    expect(doc.complaints).toHaveLength(1);
    const [held] = doc.complaints;
    expect(held!.complaint).toMatchObject({ id: c.id, reference: c.reference, complainantName: 'Özlem Şahin', complainantPhone: '0612345678', description: c.description, status: 'resolved' });
    expect(held!.complaint).not.toHaveProperty('statusTokenHash');
    expect(held!.complaint).not.toHaveProperty('idempotencyKey');
    expect(held!.history.map((h) => h.action)).toEqual(['acknowledged']);
    expect(held!.history[0]!.actor).toBe('Sanne Jansen');
    expect(held!.questions).toEqual([expect.objectContaining({ question: 'Wanneer was de afspraak?', answer: 'Op 3 maart om 10 uur' })]);
    expect(held!.attachments).toEqual([expect.objectContaining({ fileName: 'brief-gemeente.pdf', contentType: 'application/pdf', sizeBytes: 4 })]);
    expect(held!.attachments[0]).not.toHaveProperty('content');
    expect(held!.lettersSent.map((m) => m.subject)).toEqual(['Wij hebben uw klacht ontvangen']);
    expect(JSON.stringify(doc)).not.toContain(other.reference);
    expect(JSON.stringify(doc)).not.toContain('Alleen voor medewerkers');

    const pdf = await runAs(w.people.manager.id, () => download.accessExportFile(id, 'pdf'));
    if (!pdf.ok) throw new Error(JSON.stringify(pdf));
    expect(pdf.data.contentType).toBe('application/pdf');
    const text = pdfText(pdf.data.bytes).replace(/\s+/g, ' ');
    for (const expected of ['Inzage in persoonsgegevens', 'Özlem Şahin', c.reference, '0612345678', 'Wanneer was de afspraak?', 'brief-gemeente.pdf', 'Wij hebben uw klacht ontvangen']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Alleen voor medewerkers');

    expect((await requestRow(id)).exportedAt).not.toBeNull();
    const exported = (await eventsOf(id)).filter((e) => e.action === 'exported');
    expect(exported.map((e) => e.details)).toEqual([
      { format: 'json', complaints: [c.reference] },
      { format: 'pdf', complaints: [c.reference] },
    ]);
    // Now the request can be completed (not before: see below).
    const row = await requestRow(id);
    expect(await as(w.people.manager, actions.completePrivacyRequestAction, { requestId: id, version: row.version, note: '' })).toEqual({ ok: true, data: { id, version: row.version + 1 } });
    expect(await requestRow(id)).toMatchObject({ status: 'completed' });
    expect((await requestRow(id)).closedAt).not.toBeNull();
  });

  it('an access request cannot be completed before the export; no export for another kind', async () => {
    const access = await register();
    const erasure = await register({ kind: 'erasure' });
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.completePrivacyRequestAction, { requestId: access.id, version: 1 })).toEqual(invalid('_form', 'privacyExportFirst'));
    expect(await runAs(w.people.manager.id, () => download.accessExportFile(erasure.id, 'json'))).toEqual(invalid('_form', 'privacyStepNotAllowed'));
    expect(await fingerprint()).toEqual(before);
  });
});

describe('correction', () => {
  it('writes the corrected details on the chosen complaints, each with a history entry, and records it', async () => {
    const a = await w.complaint({ complainantName: 'Piet Pieters', complainantEmail: 'piet@oud.nl' });
    const b = await w.complaint({ complainantName: 'Piet Pieters', complainantEmail: 'piet@oud.nl' });
    const untouched = await w.complaint({ complainantName: 'Piet Pieters', complainantEmail: 'piet@oud.nl' });
    const { id } = await register({ kind: 'correction', requesterName: 'Piet Pieters', complaintIds: [a.id, b.id, untouched.id] });
    const result = await as(w.people.manager, actions.correctPrivacyContactsAction, {
      requestId: id,
      version: 1,
      complaintIds: [a.id, b.id],
      name: 'Piet Pietersen',
      email: 'piet@nieuw.nl',
      phone: '0611112222',
      street: 'Kerkstraat 1',
      postcode: '5341ab',
      city: 'Oss',
    });
    expect(result).toEqual({ ok: true, data: { id, version: 2 } });
    for (const c of [a, b]) {
      const [row] = await w.db.select().from(complaints).where(eq(complaints.id, c.id));
      expect(row).toMatchObject({ complainantName: 'Piet Pietersen', complainantEmail: 'piet@nieuw.nl', complainantPhone: '0611112222', addressStreet: 'Kerkstraat 1', addressPostcode: '5341 AB', addressCity: 'Oss', version: c.version + 1 });
      const history = await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, c.id));
      expect(history.at(-1)).toMatchObject({
        action: 'contact_corrected',
        actorUserId: w.people.manager.id,
        details: { privacyRequestId: id, complainantName: 'Piet Pieters → Piet Pietersen', complainantEmail: 'piet@oud.nl → piet@nieuw.nl' },
      });
    }
    const [kept] = await w.db.select().from(complaints).where(eq(complaints.id, untouched.id));
    expect(kept!.complainantName).toBe('Piet Pieters');
    expect((await eventsOf(id)).at(-1)).toMatchObject({ action: 'corrected', details: { complaints: [a.reference, b.reference] } });
    expect(await as(w.people.manager, actions.completePrivacyRequestAction, { requestId: id, version: 2, note: 'Gecorrigeerd' })).toMatchObject({ ok: true });
  });

  it.each([
    ['a complaint not of this request', (other: number) => ({ complaintIds: [other] }), 'complaintIds', 'privacyComplaintNotLinked'],
    ['no complaint chosen', () => ({ complaintIds: [] }), 'complaintIds', 'privacyChooseComplaint'],
    ['no way to reach them', () => ({ email: '', street: '', postcode: '', city: '' }), 'email', 'contactRequired'],
    ['half an address', () => ({ street: 'Kerkstraat 1', postcode: '', city: '' }), 'postcode', 'addressIncomplete'],
    ['nothing changed', () => ({ name: 'Klaas Klaassen', email: 'klaas@example.nl' }), '_form', 'nothingChanged'],
  ])('refuses %s and writes nothing', async (_label, input, field, key) => {
    const mine = await w.complaint({ complainantName: 'Klaas Klaassen', complainantEmail: 'klaas@example.nl' });
    const other = await w.complaint();
    const { id } = await register({ kind: 'correction', complaintIds: [mine.id] });
    const before = await fingerprint();
    const result = await as(w.people.manager, actions.correctPrivacyContactsAction, {
      requestId: id,
      version: 1,
      complaintIds: [mine.id],
      name: 'Klaas Klaassen',
      email: 'klaas@nieuw.nl',
      phone: '',
      street: '',
      postcode: '',
      city: '',
      ...input(other.id),
    });
    expect(result).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });
    expect(await fingerprint()).toEqual(before);
  });
});

describe('erasure', () => {
  it('anonymises every complaint of the request now, with the reason, and completes the request', async () => {
    const a = await w.complaint({ complainantName: 'Wis Mij', complainantEmail: 'wis@example.nl', status: 'resolved' });
    const b = await w.complaint({ complainantName: 'Wis Mij', complainantEmail: 'wis@example.nl', status: 'withdrawn' });
    const { id } = await register({ kind: 'erasure', requesterName: 'Wis Mij', requesterEmail: 'wis@example.nl', complaintIds: [a.id, b.id] });
    const result = await as(w.people.manager, actions.erasePrivacyComplaintsAction, { requestId: id, version: 1, note: 'Op verzoek van de klager' });
    expect(result).toEqual({ ok: true, data: { id, version: 2 } });
    for (const c of [a, b]) {
      const [row] = await w.db.select().from(complaints).where(eq(complaints.id, c.id));
      expect(row).toMatchObject({ complainantName: 'geanonimiseerd', complainantEmail: null, anonymisedReason: 'erasure' });
      expect(row!.anonymisedAt).not.toBeNull();
      const history = await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, c.id));
      expect(history.at(-1)).toMatchObject({ action: 'anonymised', actorUserId: w.people.manager.id, reason: `Verzoek tot verwijdering #${id}: Op verzoek van de klager` });
    }
    expect(await requestRow(id)).toMatchObject({ status: 'completed', outcomeReason: 'Op verzoek van de klager' });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ action: 'erased', actorUserId: w.people.manager.id, details: { complaints: [a.reference, b.reference], alreadyAnonymised: 0 } });
  });

  it('is refused while a complaint is still being handled: nothing is anonymised', async () => {
    const closed = await w.complaint({ complainantEmail: 'open@example.nl', status: 'resolved' });
    const open = await w.complaint({ complainantEmail: 'open@example.nl', status: 'in_progress' });
    const { id } = await register({ kind: 'erasure', complaintIds: [closed.id, open.id] });
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.erasePrivacyComplaintsAction, { requestId: id, version: 1 })).toEqual(invalid('_form', 'privacyErasureOpenComplaints'));
    expect(await fingerprint()).toEqual(before);
    const [row] = await w.db.select({ at: complaints.anonymisedAt }).from(complaints).where(eq(complaints.id, closed.id));
    expect(row!.at).toBeNull();
  });

  it('is not a step of another kind of request', async () => {
    const c = await w.complaint({ status: 'resolved' });
    const { id } = await register({ kind: 'access', complaintIds: [c.id] });
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.erasePrivacyComplaintsAction, { requestId: id, version: 1 })).toEqual(invalid('_form', 'privacyStepNotAllowed'));
    expect(await fingerprint()).toEqual(before);
  });
});

describe('refusal and the event list', () => {
  it('refuses with a reason (the requester mailed), after which every step is refused; the event list is append-only', async () => {
    const { id } = await register({ requesterEmail: 'weiger@example.nl' });
    expect(await as(w.people.manager, actions.refusePrivacyRequestAction, { requestId: id, version: 1, reason: '' })).toEqual(invalid('reason', 'required'));
    expect(await as(w.people.manager, actions.refusePrivacyRequestAction, { requestId: id, version: 1, reason: 'Identiteit niet vastgesteld' })).toEqual({ ok: true, data: { id, version: 2 } });
    expect(await requestRow(id)).toMatchObject({ status: 'refused', outcomeReason: 'Identiteit niet vastgesteld' });
    const [mail] = await w.db.select().from(outbox).where(eq(outbox.recipient, 'weiger@example.nl'));
    expect(mail).toMatchObject({ kind: 'privacy_refusal' });
    expect(mail!.bodyText).toContain('Autoriteit Persoonsgegevens');

    const before = await fingerprint();
    expect(await as(w.people.manager, actions.extendPrivacyRequestAction, { requestId: id, version: 2, months: 1, reason: 'x' })).toEqual(invalid('_form', 'privacyClosed'));
    expect(await as(w.people.manager, actions.refusePrivacyRequestAction, { requestId: id, version: 2, reason: 'nogmaals' })).toEqual(invalid('_form', 'privacyClosed'));
    expect(await runAs(w.people.manager.id, () => download.accessExportFile(id, 'json'))).toEqual(invalid('_form', 'privacyStepNotAllowed'));
    expect(await fingerprint()).toEqual(before);

    const refusal = (e: unknown) => String((e as { cause?: { message?: string } }).cause?.message ?? e);
    expect(refusal(await w.db.execute(sql`update privacy_request_events set action = 'x' where request_id = ${id}`).catch((e) => e))).toMatch(/append-only: UPDATE/);
    expect(refusal(await w.db.execute(sql`delete from privacy_request_events where request_id = ${id}`).catch((e) => e))).toMatch(/append-only: DELETE/);
    expect(refusal(await w.db.execute(sql`truncate privacy_request_events cascade`).catch((e) => e))).toMatch(/append-only: TRUNCATE/);
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(['registered', 'refused']);
  });
});

describe('the list', () => {
  it('shows the open requests first and at most PRIVACY_LIST_LIMIT in all, saying when there are more', async () => {
    const { loadPrivacyRequests, PRIVACY_LIST_LIMIT } = await import('./load');
    const open = await register({ requesterName: 'Nog Open' });
    const closedAt = new Date();
    await w.db.execute(sql`
      insert into privacy_requests (kind, status, requester_name, requester_email, received_on, received_via, request_text, due_on, closed_at)
      select 'access', 'completed', 'Oud ' || n, 'oud@example.nl', ${daysAgo(40)}::date, 'post', 'Inzage', ${daysAgo(10)}::date, ${closedAt}
      from generate_series(1, ${PRIVACY_LIST_LIMIT}) n`);
    const { rows, more } = await loadPrivacyRequests();
    expect(rows).toHaveLength(PRIVACY_LIST_LIMIT);
    expect(more).toBe(true);
    const openIds = (await w.db.select({ id: privacyRequests.id }).from(privacyRequests).where(sql`status in ('open', 'extended')`)).map((r) => r.id);
    expect(openIds).toContain(open.id);
    expect(rows.slice(0, openIds.length).map((r) => r.id).sort((a, b) => a - b)).toEqual(openIds.sort((a, b) => a - b));
  });
});
