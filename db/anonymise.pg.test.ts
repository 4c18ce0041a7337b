import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from '@/lib/complaints/steps/testing';
import type { Actor } from '@/lib/auth/actor';
import { hashToken } from '@/lib/server/tokens';
import { addCalendarDays } from '@/lib/procedure/dates';
import { anonymiseComplaint } from './anonymise';
import { findComplaintByTokenHash } from './complaints';
import { loadReport } from './reports';
import {
  complaintAttachments,
  complaintHistory,
  complaintMeasures,
  complaints,
  inboundMailAttachments,
  inboundMails,
  outbox,
} from './schema';

/**
 * Anonymisation (issue 12, privacy) on real PostgreSQL: complaints that went through the real steps (questions,
 * answers, a resolution with measures and its letter) plus attachments and an inbound mail; afterwards none of the
 * personal texts is found anywhere on the complaint, the management report gives exactly the same figures, and the
 * history is still append-only for everyone but the redaction.
 */

let w: StepsWorld;
let actions: typeof import('@/lib/complaints/steps/actions');

const PERSONAL = [
  'Henk de Jong',
  'henk@example.nl',
  '06-12345678',
  'Kerkstraat 12',
  'drie afspraken niet opdagen',
  'Excuses van de adviseur',
  'Op welke dagen had u een afspraak',
  'Op 2, 9 en 16 februari',
  'Zij heeft de klager niet gebeld',
  'Meneer Pieters',
  'scan-henk.pdf',
  'Ik wil graag een reactie',
  'Verhuisd naar Spanje',
];

const PDF = new TextEncoder().encode('%PDF-1.4 scan');

async function everythingOf(id: number): Promise<string> {
  const snap = await w.snapshot(id);
  const files = await w.db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, id));
  const mails = await w.db.select().from(inboundMails).where(eq(inboundMails.complaintId, id));
  const mailFiles = mails.length
    ? await w.db.select({ name: inboundMailAttachments.fileName }).from(inboundMailAttachments).where(eq(inboundMailAttachments.inboundMailId, mails[0]!.id))
    : [];
  return JSON.stringify({ snap, files: files.map((f) => ({ ...f, content: Buffer.from(f.content).toString() })), mails, mailFiles });
}

/** A complaint taken through questions, an answer and a resolution with measures and its letter; one attachment and one mail. */
async function fullComplaint() {
  const c = await w.complaint({
    status: 'in_progress',
    complainantPhone: '06-12345678',
    addressStreet: 'Kerkstraat 12',
    addressPostcode: '5341 AB',
    addressCity: 'Oss',
    desiredOutcome: 'Excuses van de adviseur',
    concernsStaffText: 'Ik wil graag een reactie',
    copySentOn: daysAgo(5),
    hearingState: 'held',
    hearingOn: daysAgo(2),
    contractingPartyId: w.ids.party.id,
    involved: [{ staffId: w.ids.adviser.id }, { name: 'Meneer Pieters', involvement: 'other' }],
  });
  expect(await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Op welke dagen had u een afspraak?' })).toMatchObject({ ok: true });
  expect(await w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Op 2, 9 en 16 februari.', answeredOn: today, via: 'phone' })).toMatchObject({ ok: true });
  expect(
    await w.act(w.people.handler, actions.resolveAction, c.id, {
      outcome: 'partly_upheld',
      findings: 'De adviseur is drie keer niet gekomen. Zij heeft de klager niet gebeld.',
      judgement: 'Afspraken moeten worden nagekomen.',
      measures: [{ description: 'Adviseurs bevestigen elke afspraak per sms', owner: 'Teamleider Oss', dueOn: '', status: 'planned' }],
    }),
  ).toMatchObject({ ok: true });
  const [request] = (await w.snapshot(c.id)).requests;
  await w.db.insert(complaintAttachments).values({ complaintId: c.id, informationRequestId: request!.id, fileName: 'scan-henk.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, content: PDF });
  const [mail] = await w.db
    .insert(inboundMails)
    .values({
      providerId: randomUUID(),
      fromAddress: 'henk@example.nl',
      toAddresses: 'klachten@bnw.example',
      subject: `Re: ${c.reference}`,
      receivedAt: new Date(),
      textBody: 'Verhuisd naar Spanje, mijn nieuwe adres volgt.',
      htmlBody: '<p>Verhuisd naar Spanje</p>',
      state: 'reply',
      complaintId: c.id,
    })
    .returning({ id: inboundMails.id });
  await w.db.insert(inboundMailAttachments).values({ inboundMailId: mail!.id, fileName: 'scan-henk.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, content: PDF });
  return c;
}

const system = null;
let manager: Actor;

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('@/lib/complaints/steps/actions');
  manager = { id: w.people.manager.id, name: w.people.manager.name, email: 'm@test', role: 'manager', mustChangePassword: false };
});
afterAll(async () => {
  await w?.close();
});

describe('anonymiseComplaint', () => {
  it('removes every personal text from the complaint, its history, questions, mails, letters and files, and the status link dies', async () => {
    const c = await fullComplaint();
    const before = await everythingOf(c.id);
    for (const text of PERSONAL) expect(before, text).toContain(text);
    const snapBefore = await w.snapshot(c.id);
    // An unsent letter of the complaint is dropped; the sent outcome letter stays as an emptied row.
    await w.db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.complaintId, c.id));
    await w.db.insert(outbox).values({ complaintId: c.id, kind: 'reminder', medium: 'email', recipient: 'henk@example.nl', subject: 'Henk de Jong', bodyText: 'Beste Henk de Jong' });

    const now = new Date();
    const result = await w.db.transaction((tx) => anonymiseComplaint(tx, c.id, { now, reason: 'erasure', actor: manager, note: 'AVG-verzoek 2026-3' }));
    expect(result).toEqual({ anonymised: true });

    const after = await everythingOf(c.id);
    for (const text of PERSONAL) expect(after, text).not.toContain(text);
    const snap = await w.snapshot(c.id);
    expect(snap.complaint).toMatchObject({
      complainantName: 'geanonimiseerd',
      complainantEmail: null,
      complainantPhone: null,
      addressStreet: null,
      description: 'geanonimiseerd',
      desiredOutcome: null,
      idempotencyKey: null,
      anonymisedReason: 'erasure',
      // What the statistics need is untouched.
      status: 'resolved',
      outcome: 'partly_upheld',
      categoryId: snapBefore.complaint.categoryId,
      channel: snapBefore.complaint.channel,
      receivedOn: snapBefore.complaint.receivedOn,
      closedOn: snapBefore.complaint.closedOn,
      resolvedOn: snapBefore.complaint.resolvedOn,
      contractingPartyId: w.ids.party.id,
      concernsStaffId: snapBefore.complaint.concernsStaffId,
    });
    expect(snap.complaint.anonymisedAt?.getTime()).toBe(now.getTime());
    expect(snap.measures).toEqual(snapBefore.measures);
    expect(snap.measures).toHaveLength(1);
    expect(snap.involved.map((i) => [i.staffId, i.name])).toEqual([[w.ids.adviser.id, w.ids.adviser.name], [null, 'geanonimiseerd']]);
    expect(await w.db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, c.id))).toEqual([]);
    expect(await w.db.select().from(inboundMailAttachments)).toEqual([]);
    expect(snap.outbox.map((m) => [m.kind, m.status, m.recipient, m.bodyText, m.letter])).toEqual([
      ['info_request', 'sent', 'geanonimiseerd', 'geanonimiseerd', null],
      ['outcome', 'sent', 'geanonimiseerd', 'geanonimiseerd', null],
    ]);
    // The history keeps its shape (who, when, what, status change), loses its texts, and records the anonymisation.
    expect(snap.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actorUserId])).toEqual([
      ...snapBefore.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actorUserId]),
      ['anonymised', null, null, manager.id],
    ]);
    expect(snap.history.at(-1)).toMatchObject({ reason: 'AVG-verzoek 2026-3', details: { anonymisedFor: 'erasure', unsentDropped: 1 } });
    expect(snap.history.find((h) => h.action === 'resolved')!.details).toMatchObject({ outcome: 'partly_upheld' });
    expect(snap.history.find((h) => h.action === 'info_requested')!.details).not.toHaveProperty('question');
    // The status link no longer opens the complaint.
    expect(await findComplaintByTokenHash(w.db, snapBefore.complaint.statusTokenHash)).toBeFalsy();
  });

  it('is idempotent: an anonymised complaint is left alone and nothing is written', async () => {
    const c = await w.complaint({ status: 'withdrawn' });
    expect(await w.db.transaction((tx) => anonymiseComplaint(tx, c.id, { now: new Date(), reason: 'retention', actor: system }))).toEqual({ anonymised: true });
    const once = await w.snapshot(c.id);
    expect(once.history.at(-1)).toMatchObject({ action: 'anonymised', actorUserId: null, actorLabel: 'system', reason: null, details: { anonymisedFor: 'retention' } });
    expect(await w.db.transaction((tx) => anonymiseComplaint(tx, c.id, { now: new Date(), reason: 'erasure', actor: manager }))).toEqual({ anonymised: false });
    expect(await w.snapshot(c.id)).toEqual(once);
  });

  it('keeps the management report exactly the same', async () => {
    // A mix of closed and open complaints, some with satisfaction answers; then every closed one is anonymised.
    for (let i = 0; i < 3; i++) await fullComplaint();
    await w.complaint({ status: 'not_admissible', receivedOn: daysAgo(40) });
    await w.complaint({ status: 'withdrawn', receivedOn: daysAgo(20), complainantEmail: null, addressStreet: 'Kerkstraat 12', addressPostcode: '5341 AB', addressCity: 'Oss' });
    await w.complaint({ status: 'in_progress', receivedOn: daysAgo(3) });
    await w.db.update(complaints).set({ clientSatisfied: false, satisfactionAt: new Date(), forwardRequestedAt: new Date() }).where(eq(complaints.status, 'resolved'));
    // The not-admissible and withdrawn ones were inserted closed; give them their closing day as the steps would.
    await w.db.execute(sql`update complaints set closed_on = received_on + 1 where status in ('not_admissible', 'withdrawn') and closed_on is null`);

    const periods = [
      { from: addCalendarDays(today, -90), to: today },
      { from: addCalendarDays(today, -365), to: addCalendarDays(today, 30) },
    ];
    const before = await Promise.all(periods.map((p) => loadReport(w.db, p, today)));
    expect(before[0]!.volume).toBeTruthy();

    const closed = await w.db.select({ id: complaints.id }).from(complaints).where(sql`${complaints.closedOn} is not null and ${complaints.anonymisedAt} is null`);
    expect(closed.length).toBeGreaterThanOrEqual(5);
    for (const { id } of closed) {
      await w.db.transaction((tx) => anonymiseComplaint(tx, id, { now: new Date(), reason: 'retention', actor: null }));
    }
    const [left] = await w.db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(sql`${complaints.complainantName} = 'Henk de Jong' and ${complaints.closedOn} is not null`);
    expect(left!.n).toBe(0);
    expect(await w.db.select().from(complaintMeasures)).not.toEqual([]);

    const after = await Promise.all(periods.map((p) => loadReport(w.db, p, today)));
    expect(after).toEqual(before);
  });
});

/** The database refused the statement with the append-only trigger (drizzle wraps the driver's error). */
async function refused(statement: Promise<unknown>) {
  const error = await statement.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, 'the statement went through').not.toBeNull();
  expect(String(error!.cause?.message ?? error!.message)).toMatch(/complaint_history is append-only/);
}

describe('the history stays append-only', () => {
  async function someEntry() {
    const c = await w.complaint({ status: 'withdrawn' });
    await w.db.insert(complaintHistory).values({ complaintId: c.id, actorUserId: w.people.handler.id, action: 'withdrawn', reason: 'Henk belde', details: { withdrawnOn: today } });
    const [entry] = await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, c.id));
    return entry!;
  }

  it('refuses a plain UPDATE and DELETE', async () => {
    const entry = await someEntry();
    await refused(w.db.execute(sql`update complaint_history set reason = null where id = ${entry.id}`));
    await refused(w.db.execute(sql`delete from complaint_history where id = ${entry.id}`));
    await refused(w.db.execute(sql`truncate complaint_history cascade`));
  });

  it('allows only taking texts away, only in a transaction that set klachtloket.redact, and the setting ends with it', async () => {
    const entry = await someEntry();
    const redact = (statement: ReturnType<typeof sql>) =>
      w.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('klachtloket.redact', 'on', true)`);
        await tx.execute(statement);
      });
    // Rewriting what happened, forging a text or deleting is refused even then.
    await refused(redact(sql`update complaint_history set action = 'resolved' where id = ${entry.id}`));
    await refused(redact(sql`update complaint_history set reason = 'Iets anders' where id = ${entry.id}`));
    await refused(redact(sql`update complaint_history set details = '{"withdrawnOn":"2020-01-01"}' where id = ${entry.id}`));
    await refused(redact(sql`delete from complaint_history where id = ${entry.id}`));
    await redact(sql`update complaint_history set reason = null, details = '{}' where id = ${entry.id}`);
    const [redacted] = await w.db.select().from(complaintHistory).where(eq(complaintHistory.id, entry.id));
    expect(redacted).toMatchObject({ reason: null, details: {}, action: 'withdrawn', actorUserId: w.people.handler.id });
    // The next transaction on the same pool is back to append-only.
    await refused(w.db.execute(sql`update complaint_history set details = null where id = ${entry.id}`));
  });
});

describe('hashToken', () => {
  it('never produces the placeholder of an anonymised complaint', () => {
    expect(hashToken(randomUUID())).toMatch(/^[0-9a-f]+$/);
  });
});
