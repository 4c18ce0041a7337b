import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedMails, lettersToPost } from '@/db/post';
import { complaintHistory, outbox } from '@/db/schema';
import { type ActionResult, FORBIDDEN } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from '@/lib/complaints/steps/testing';
import { loadLetterPdf } from '@/lib/letters/load';
import { addCalendarDays } from '@/lib/procedure/dates';
import { execFileSync } from 'node:child_process';

/**
 * The post room on a real PostgreSQL: marking a letter posted (with its history entry), sending a failed e-mail again
 * or by post, through the real server actions; every refusal writes nothing; who sees which letters and PDFs.
 */

let w: StepsWorld;
let actions: typeof import('./actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const as = <T>(who: { id: number } | null, action: (input: unknown) => Promise<ActionResult<T>>, input: unknown) => runAs(who?.id ?? null, () => action(input));
/** The world's people carry no role; the read models need one. */
const manager = () => ({ id: w.people.manager.id, role: 'manager' as const });
const handler = () => ({ id: w.people.handler.id, role: 'handler' as const });
const admin = () => ({ id: w.people.admin.id, role: 'admin' as const });
const invalid = (field: string, key: string) => ({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });

/** A postal client's complaint (handled by `handler`) with one letter waiting to be printed, written `writtenDaysAgo` days ago. */
async function postalLetter(writtenDaysAgo = 3, handlerId: number | null = w.people.handler.id) {
  const complaint = await w.complaint({
    complainantName: 'Ayşe Şahin',
    complainantEmail: null,
    addressStreet: 'Kerkstraat 12',
    addressPostcode: '5341 AB',
    addressCity: 'Oss',
    handlerId,
  });
  const [row] = await w.db
    .insert(outbox)
    .values({
      complaintId: complaint.id,
      kind: 'acknowledgement',
      medium: 'post',
      recipient: 'Ayşe Şahin\nKerkstraat 12\n5341 AB Oss',
      subject: `Wij hebben uw klacht ${complaint.reference} ontvangen`,
      bodyText: 'Beste Ayşe Şahin,\n\nWij hebben uw klacht ontvangen.',
      createdAt: new Date(Date.now() - writtenDaysAgo * 86_400_000),
    })
    .returning();
  return { complaint, letter: row! };
}

/** An e-mail the worker gave up on, to a client who also gave a postal address (or not). */
async function failedMail(withAddress = true) {
  const complaint = await w.complaint({
    complainantName: 'Łukasz Nowak',
    complainantEmail: 'lukasz@example.test',
    ...(withAddress ? { addressStreet: 'Dorpsstraat 1', addressPostcode: '5341 AA', addressCity: 'Oss' } : {}),
  });
  const [row] = await w.db
    .insert(outbox)
    .values({
      complaintId: complaint.id,
      kind: 'info_request',
      medium: 'email',
      recipient: 'lukasz@example.test',
      subject: `Vraag over uw klacht ${complaint.reference}`,
      bodyText: 'Beste Łukasz Nowak,\n\nOnze vraag.',
      status: 'failed',
      attempts: 8,
      lastError: '422: invalid recipient',
      nextAttemptAt: new Date(Date.now() - 3_600_000),
    })
    .returning();
  return { complaint, mail: row! };
}

async function message(id: number) {
  const [row] = await w.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
}
async function historyOf(complaintId: number) {
  return w.db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, complaintId)).orderBy(asc(complaintHistory.id));
}

describe('verstuurd per post op …', () => {
  it('marks the letter sent on that day, with who did it, and records it on the complaint', async () => {
    const { complaint, letter } = await postalLetter();
    const result = await as(w.people.handler, actions.markLetterPostedAction, { id: letter.id, postedOn: daysAgo(1) });
    expect(result).toEqual({ ok: true, data: { id: letter.id } });
    const after = await message(letter.id);
    expect(after).toMatchObject({ status: 'sent', postedOn: daysAgo(1), postedBy: w.people.handler.id, medium: 'post' });
    expect(after.sentAt).toBeInstanceOf(Date);
    const history = await historyOf(complaint.id);
    expect(history.at(-1)).toMatchObject({
      action: 'letter_posted',
      actorUserId: w.people.handler.id,
      details: { outboxId: letter.id, kind: 'acknowledgement', subject: letter.subject, postedOn: daysAgo(1) },
    });
    // It left the queue.
    expect((await lettersToPost(w.db, handler())).rows.map((r) => r.id)).not.toContain(letter.id);
    // Once is enough: a second click finds nothing waiting.
    expect(await as(w.people.handler, actions.markLetterPostedAction, { id: letter.id, postedOn: today })).toEqual(invalid('_form', 'letterNotWaiting'));
  });

  it('a letter written today can be posted today', async () => {
    const { letter } = await postalLetter(0);
    expect(await as(w.people.manager, actions.markLetterPostedAction, { id: letter.id, postedOn: today })).toMatchObject({ ok: true });
  });

  it.each<[string, () => Record<string, unknown>, unknown]>([
    ['a date in the future', () => ({ postedOn: addCalendarDays(today, 1) }), invalid('postedOn', 'postedInFuture')],
    ['a date before the letter was written', () => ({ postedOn: daysAgo(4) }), invalid('postedOn', 'postedBeforeLetter')],
    ['no date', () => ({ postedOn: '' }), invalid('postedOn', 'required')],
    ['not a date', () => ({ postedOn: '2026-02-30' }), invalid('postedOn', 'dateInvalid')],
    ['garbage', () => ({ postedOn: '<script>' }), invalid('postedOn', 'dateInvalid')],
  ])('refuses %s with a clear message and changes nothing', async (_label, change, expected) => {
    const { complaint, letter } = await postalLetter(3);
    const before = { message: await message(letter.id), history: await historyOf(complaint.id) };
    expect(await as(w.people.handler, actions.markLetterPostedAction, { id: letter.id, ...change() })).toEqual(expected);
    expect({ message: await message(letter.id), history: await historyOf(complaint.id) }).toEqual(before);
  });

  it.each<[string, () => { id: number } | null]>([
    ['another handler', () => w.people.handler2],
    ['an admin', () => w.people.admin],
    ['a deactivated user', () => w.people.former],
    ['nobody signed in', () => null],
  ])('refuses %s and changes nothing', async (_label, who) => {
    const { complaint, letter } = await postalLetter();
    const before = { message: await message(letter.id), history: await historyOf(complaint.id) };
    expect(await as(who(), actions.markLetterPostedAction, { id: letter.id, postedOn: today })).toEqual(FORBIDDEN);
    expect({ message: await message(letter.id), history: await historyOf(complaint.id) }).toEqual(before);
  });

  it('refuses an e-mail, and an unknown id', async () => {
    const { mail } = await failedMail();
    expect(await as(w.people.manager, actions.markLetterPostedAction, { id: mail.id, postedOn: today })).toEqual(invalid('_form', 'letterNotWaiting'));
    expect(await as(w.people.manager, actions.markLetterPostedAction, { id: 999_999_999, postedOn: today })).toEqual(invalid('_form', 'notFound'));
  });
});

describe('opnieuw versturen', () => {
  it('puts a failed e-mail back for the worker, due now, with a fresh count of attempts', async () => {
    const { mail } = await failedMail();
    const before = Date.now();
    expect(await as(w.people.handler, actions.resendMailAction, { id: mail.id })).toEqual({ ok: true, data: { id: mail.id } });
    const after = await message(mail.id);
    expect(after).toMatchObject({ status: 'pending', attempts: 0, lastError: null, medium: 'email', recipient: 'lukasz@example.test' });
    expect(after.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await failedMails(w.db, manager())).rows.map((r) => r.id)).not.toContain(mail.id);
    // Not failed any more: a second click is refused.
    expect(await as(w.people.handler, actions.resendMailAction, { id: mail.id })).toEqual(invalid('_form', 'mailNotFailed'));
  });

  it.each<[string, () => { id: number } | null]>([
    ['another handler', () => w.people.handler2],
    ['an admin', () => w.people.admin],
    ['nobody signed in', () => null],
  ])('refuses %s and changes nothing', async (_label, who) => {
    const { mail } = await failedMail();
    const before = await message(mail.id);
    expect(await as(who(), actions.resendMailAction, { id: mail.id })).toEqual(FORBIDDEN);
    expect(await message(mail.id)).toEqual(before);
  });

  it('refuses a letter waiting to be printed and bad input', async () => {
    const { letter } = await postalLetter();
    expect(await as(w.people.manager, actions.resendMailAction, { id: letter.id })).toEqual(invalid('_form', 'mailNotFailed'));
    expect(await as(w.people.manager, actions.resendMailAction, { id: 'x' })).toEqual(invalid('id', 'invalid'));
  });
});

describe('per post versturen', () => {
  it('moves a failed e-mail to the client to the print queue, addressed to their postal address', async () => {
    const { mail } = await failedMail(true);
    expect(await as(w.people.manager, actions.sendMailByPostAction, { id: mail.id })).toMatchObject({ ok: true });
    expect(await message(mail.id)).toMatchObject({ medium: 'post', status: 'pending', recipient: 'Łukasz Nowak\nDorpsstraat 1\n5341 AA Oss', attempts: 0 });
    expect((await lettersToPost(w.db, manager())).rows.map((r) => r.id)).toContain(mail.id);
  });

  it('refuses when no postal address is known, and changes nothing', async () => {
    const { mail } = await failedMail(false);
    const before = await message(mail.id);
    expect(await as(w.people.manager, actions.sendMailByPostAction, { id: mail.id })).toEqual(invalid('_form', 'noPostalAddress'));
    expect(await message(mail.id)).toEqual(before);
  });
});

describe('who sees what', () => {
  it('a handler sees the letters of their own complaints only; a manager all, also those without a complaint', async () => {
    const own = await postalLetter(2, w.people.handler.id);
    const other = await postalLetter(2, w.people.handler2.id);
    const [loose] = await w.db
      .insert(outbox)
      .values({ complaintId: null, kind: 'note', medium: 'post', recipient: 'Iemand', subject: 'Los', bodyText: 'Tekst' })
      .returning();
    const handlerSees = (await lettersToPost(w.db, handler())).rows.map((r) => r.id);
    expect(handlerSees).toContain(own.letter.id);
    expect(handlerSees).not.toContain(other.letter.id);
    expect(handlerSees).not.toContain(loose!.id);
    const managerSees = (await lettersToPost(w.db, manager())).rows.map((r) => r.id);
    expect(managerSees).toEqual(expect.arrayContaining([own.letter.id, other.letter.id, loose!.id]));
    // Oldest first.
    const created = (await lettersToPost(w.db, manager())).rows.map((r) => r.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect((await lettersToPost(w.db, admin())).rows).toEqual([]);

    // The PDF follows the same rule.
    expect(await loadLetterPdf(handler(), own.letter.id)).not.toBeNull();
    expect(await loadLetterPdf(handler(), other.letter.id)).toBeNull();
    expect(await loadLetterPdf(handler(), loose!.id)).toBeNull();
    expect(await loadLetterPdf(admin(), own.letter.id)).toBeNull();
    expect(await loadLetterPdf(manager(), 999_999_999)).toBeNull();
    const pdf = (await loadLetterPdf(manager(), own.letter.id))!;
    expect(pdf.fileName).toBe(`brief-${own.complaint.reference}-${own.letter.id}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.bytes, encoding: 'utf8' });
    expect(text).toContain('Ayşe Şahin');
    expect(text).toContain('Kerkstraat 12');
    expect(text).toContain(own.complaint.reference);
    expect(text).toContain('Wij hebben uw klacht ontvangen.');
  });
});
