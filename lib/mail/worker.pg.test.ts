import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, type Db } from '@/db/client';
import { insertTestReferenceData } from '@/db/fixtures';
import { runMigrations } from '@/db/migrate';
import { outbox } from '@/db/schema';
import { createThrowawayDatabase, startFakeResend } from '@/db/testing';
import { submitComplaint } from '@/lib/complaints/public-submit';
import { validComplaint } from '@/lib/complaints/submit.contract';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { escalationDossier } from './letters';
import { deliverOutbox } from './worker';

let fake: Awaited<ReturnType<typeof startFakeResend>>;
let drop: () => Promise<void>;
let db: Db;

beforeAll(async () => {
  fake = await startFakeResend();
  const database = await createThrowawayDatabase();
  drop = database.drop;
  process.env.DATABASE_URL = database.url;
  process.env.RESEND_BASE_URL = fake.url;
  process.env.RESEND_API_KEY = 're_test_key';
  process.env.MAIL_FROM = 'Klachtloket <klachten@example.test>';
  await runMigrations();
  db = await getDb();
  await insertTestReferenceData(db);
});
afterAll(async () => {
  await closeDb();
  await drop?.();
  await fake?.close();
});

async function fileComplaint(overrides: Record<string, unknown> = {}) {
  const result = await submitComplaint(validComplaint(overrides));
  if (!result.ok) throw new Error('submission failed');
  const [row] = await db.select().from(outbox).where(eq(outbox.subject, `Wij hebben uw klacht ${result.data.reference} ontvangen`));
  return row!;
}
const rowById = async (id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe('sending the outbox through resend (fake resend server)', () => {
  it('sends the acknowledgement with the real SDK and records the provider id', async () => {
    const mail = await fileComplaint({ email: 'klant@example.test' });
    fake.requests.length = 0;
    const report = await deliverOutbox();
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.path).toBe('/emails');
    expect(request!.headers.authorization).toBe('Bearer re_test_key');
    expect(request!.headers['idempotency-key']).toBe(`outbox-${mail.id}`);
    expect(request!.body).toMatchObject({ from: 'Klachtloket <klachten@example.test>', to: 'klant@example.test', subject: mail.subject, text: mail.bodyText });
    // The HTML part, made from the stored letter at send time.
    expect(mail.letter).toMatchObject({ v: 1, lang: 'nl' });
    expect(request!.body.html).toMatch(/^<!DOCTYPE html[^>]*><html[^>]*lang="nl"/);
    expect(request!.body.html).toContain(mail.subject.replace('Wij hebben uw klacht ', '').replace(' ontvangen', ''));
    expect(request!.body.attachments).toBeUndefined();
    expect(await rowById(mail.id)).toMatchObject({ status: 'sent', attempts: 1, providerId: 'fake-1', lastError: null });
    // Nothing is sent twice.
    expect(await deliverOutbox()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('leaves letters for staff to print', async () => {
    const letter = await fileComplaint({ email: '', street: 'Markt 1', postcode: '5341 AB', city: 'Oss' });
    await deliverOutbox();
    expect(await rowById(letter.id)).toMatchObject({ medium: 'post', status: 'pending', attempts: 0 });
  });

  it('a mail service outage never loses the mail: it is retried later and then sent', async () => {
    const mail = await fileComplaint();
    fake.respondWith({ status: 503, body: { name: 'application_error', statusCode: 503, message: 'down for maintenance' } });
    expect(await deliverOutbox()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await rowById(mail.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: '503: down for maintenance' });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing happens.
    expect(await deliverOutbox()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Two minutes later it goes out.
    expect(await deliverOutbox({ now: new Date(Date.now() + 2 * 60_000 + 1_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rowById(mail.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('a refused address is marked failed at once, with the reason', async () => {
    const mail = await fileComplaint();
    fake.respondWith({ status: 422, body: { name: 'validation_error', statusCode: 422, message: 'Invalid `to` field.' } });
    expect(await deliverOutbox()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await rowById(mail.id)).toMatchObject({ status: 'failed', lastError: '422: Invalid `to` field.' });
  });

  it('two workers at once send every mail exactly once', async () => {
    for (let i = 0; i < 6; i++) await fileComplaint();
    fake.requests.length = 0;
    const reports = await Promise.all([deliverOutbox({ limit: 4 }), deliverOutbox({ limit: 4 })]);
    const again = await deliverOutbox();
    const total = reports.reduce((n, r) => n + r.sent, 0) + again.sent;
    expect(total).toBe(6);
    const keys = fake.requests.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('without an API key nothing is sent and every mail waits', async () => {
    const mail = await fileComplaint();
    fake.requests.length = 0;
    delete process.env.RESEND_API_KEY;
    try {
      expect(await deliverOutbox()).toEqual({ skipped: 'no-api-key', sent: 0, retrying: 0, failed: 0 });
    } finally {
      process.env.RESEND_API_KEY = 're_test_key';
    }
    expect(fake.requests).toHaveLength(0);
    expect(await rowById(mail.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('attaches the dossier PDF to the escalation mail, made from the stored letter', async () => {
    const letter = escalationDossier({
      party: { name: 'Gemeente Oss', type: 'municipality' },
      reference: 'KL-2026-0099',
      organisation: DEFAULT_ORGANISATION,
      complainant: { name: 'Łukasz Şahin', email: null, address: null },
      receivedOn: '2026-03-02',
      category: 'Bejegening',
      description: 'De adviseur was onvriendelijk.',
      outcome: 'not_upheld',
      findings: 'Besproken.',
      judgement: 'Zakelijk.',
      dissatisfaction: 'Niemand luisterde.',
      history: [],
    });
    await deliverOutbox(); // what earlier tests left waiting
    const [row] = await db
      .insert(outbox)
      // Due in an hour, so a delivery an earlier submission started in the background cannot take it first.
      .values({ kind: 'escalation', medium: 'email', recipient: 'klachten@oss.example', subject: letter.subject, bodyText: letter.text, letter: letter.doc, nextAttemptAt: new Date(Date.now() + 3_600_000) })
      .returning();
    fake.requests.length = 0;
    expect(await deliverOutbox({ now: new Date(Date.now() + 7_200_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const body = fake.requests[0]!.body as { text: string; html: string; attachments: { filename: string; content: string }[] };
    expect(fake.requests[0]!.headers['idempotency-key']).toBe(`outbox-${row!.id}`);
    expect(body.text).toBe(letter.text);
    expect(body.html).toContain('Łukasz Şahin');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]!.filename).toBe('klachtdossier-KL-2026-0099.pdf');
    const pdf = Buffer.from(body.attachments[0]!.content, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    expect(text).toContain('Klachtdossier KL-2026-0099');
    expect(text).toContain('Naam: Łukasz Şahin');
    expect(text).toContain('Niemand luisterde.');
    expect(await rowById(row!.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
