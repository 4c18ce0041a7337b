import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintAttachments } from '@/db/schema';
import { runAs } from '@/lib/auth/actor';
import { hashToken, statusTokenFor } from '@/lib/server/tokens';
import { setUpStepsWorld, type StepsWorld, today } from './steps/testing';

/**
 * The client answers our question on the status page: the real route (bounded upload, multipart) → the action pipeline
 * → the recordAnswer step of the transition table, on PostgreSQL. What is written, that it is written in one
 * transaction, that a replay writes nothing twice, that a refused file writes nothing at all; and the download route
 * for the file, which answers 404 to anyone who may not see the complaint.
 */

let w: StepsWorld;
let steps: typeof import('./steps/actions');
let answerRoute: typeof import('@/app/api/status/[token]/answer/route');
let downloadRoute: typeof import('@/app/api/bijlagen/[id]/route');

beforeAll(async () => {
  w = await setUpStepsWorld();
  steps = await import('./steps/actions');
  answerRoute = await import('@/app/api/status/[token]/answer/route');
  downloadRoute = await import('@/app/api/bijlagen/[id]/route');
});
afterAll(async () => {
  await w?.close();
});

const MB = 1024 * 1024;
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, ...new Array(200).fill(0)]);
/** A PDF of `size` bytes: the header, then padding (file-type reads only the start). */
const pdfOf = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(PDF);
  return bytes;
};

type Sent = { answer?: string; questionId?: number | string; key?: string; files?: { name: string; bytes: Uint8Array; type?: string }[]; headers?: Record<string, string> };

/** A complaint waiting for the client's answer, asked by its handler through the real step; with its status link. */
async function waitingComplaint(handler: { id: number } = w.people.handler) {
  const token = statusTokenFor(randomUUID());
  const c = await w.complaint({ status: 'in_progress', statusTokenHash: hashToken(token), handlerId: handler.id });
  const asked = await w.act(handler, steps.requestInfoAction, c.id, { question: 'Wanneer was de afspraak?', answerBy: '' });
  expect(asked.ok).toBe(true);
  const [question] = (await w.snapshot(c.id)).requests;
  return { id: c.id, reference: c.reference, token, questionId: question!.id };
}

async function post(token: string, sent: Sent): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  if (sent.questionId !== undefined) form.set('questionId', String(sent.questionId));
  form.set('answer', sent.answer ?? 'Op 3 maart om 10 uur, bij het kantoor in Oss.');
  form.set('idempotencyKey', sent.key ?? randomUUID());
  for (const file of sent.files ?? []) form.append('attachments', new Blob([file.bytes as BlobPart], { type: file.type ?? 'application/pdf' }), file.name);
  const request = new Request(`http://localhost:3000/api/status/${token}/answer`, { method: 'POST', body: form, headers: sent.headers });
  const response = await answerRoute.POST(request, { params: Promise.resolve({ token }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Everything the answer could write, including the files. */
async function written(id: number) {
  const files = await w.db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, id)).orderBy(asc(complaintAttachments.id));
  return { ...(await w.snapshot(id)), files };
}

async function expectNothingWritten(id: number, run: () => Promise<{ status: number; body: Record<string, unknown> }>, expected: { status: number; body: unknown }) {
  const before = await written(id);
  expect(await run()).toEqual(expected);
  expect(await written(id)).toEqual(before);
}

describe('the client answers on the status page', () => {
  it('records the answer by nobody (the client), moves the complaint on, with history, files and a mail to the handler, in one transaction', async () => {
    const c = await waitingComplaint();
    const before = await written(c.id);
    const key = randomUUID();
    const result = await post(c.token, {
      questionId: c.questionId,
      key,
      answer: '  Op 3 maart om 10 uur.  ',
      files: [
        { name: 'uitnodiging.pdf', bytes: PDF },
        { name: 'C:\\fakepath\\foto', bytes: pdfOf(2048) },
      ],
    });
    expect(result).toEqual({ status: 200, body: { ok: true, data: { status: 'in_progress', answeredOn: today, attachments: 2, repeated: false } } });

    const after = await written(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', version: before.complaint.version + 1 });
    expect(after.requests[0]).toMatchObject({
      id: c.questionId,
      answer: 'Op 3 maart om 10 uur.',
      answeredOn: today,
      answerVia: null,
      answerRecordedBy: null,
      answerIdempotencyKey: key,
    });
    const entry = after.history.at(-1)!;
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(entry).toMatchObject({
      action: 'info_received',
      actorUserId: null,
      actorLabel: 'client',
      fromStatus: 'info_requested',
      toStatus: 'in_progress',
      details: {
        question: 'Wanneer was de afspraak?',
        answer: 'Op 3 maart om 10 uur.',
        answeredOn: today,
        attachments: [`uitnodiging.pdf (PDF, ${PDF.byteLength} B)`, 'foto.pdf (PDF, 2 kB)'],
      },
    });
    expect(after.outbox).toHaveLength(before.outbox.length + 1);
    const mail = after.outbox.at(-1)!;
    expect(mail).toMatchObject({ kind: 'client_answer', medium: 'email', recipient: 'h1@test', subject: `Klacht ${c.reference}: de klager heeft uw vraag beantwoord` });
    expect(mail.bodyText).toContain('Beste Sanne Jansen,');
    expect(mail.bodyText).toContain('met 2 bijlagen');
    expect(mail.bodyText).toContain(`/beheer/klachten/${c.id}`);
    // The answer itself stays in the file, not in the mail.
    expect(mail.bodyText).not.toContain('Op 3 maart');

    expect(after.files.map((f) => ({ ...f, content: Buffer.from(f.content) }))).toEqual([
      expect.objectContaining({ informationRequestId: c.questionId, fileName: 'uitnodiging.pdf', contentType: 'application/pdf', sizeBytes: PDF.byteLength, content: Buffer.from(PDF) }),
      expect.objectContaining({ informationRequestId: c.questionId, fileName: 'foto.pdf', contentType: 'application/pdf', sizeBytes: 2048 }),
    ]);

    // One transaction: every row written carries the same transaction id (xmin).
    type Xmins = { complaint: string; request: string; history: string; outbox: string; files: string[] };
    const { rows } = (await w.db.execute(sql`
      select (select xmin::text from complaints where id = ${c.id}) as complaint,
             (select xmin::text from information_requests where id = ${c.questionId}) as request,
             (select xmin::text from complaint_history where id = ${entry.id}) as history,
             (select xmin::text from outbox where id = ${mail.id}) as outbox,
             (select array_agg(distinct xmin::text) from complaint_attachments where complaint_id = ${c.id}) as files`)) as unknown as { rows: Xmins[] };
    const [tx] = rows;
    expect(new Set([tx!.complaint, tx!.request, tx!.history, tx!.outbox, ...tx!.files]).size).toBe(1);
  });

  it('a double click or replay with the same form key records nothing twice', async () => {
    const c = await waitingComplaint();
    const key = randomUUID();
    const first = await post(c.token, { questionId: c.questionId, key, files: [{ name: 'a.pdf', bytes: PDF }] });
    expect(first.status).toBe(200);
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId, key, files: [{ name: 'a.pdf', bytes: PDF }] }), {
      status: 200,
      body: { ok: true, data: { status: 'in_progress', answeredOn: today, attachments: 1, repeated: true } },
    });
  });

  it('a form key another complaint’s answer already used is refused like a malformed form; nothing written, no error', async () => {
    const first = await waitingComplaint();
    const other = await waitingComplaint();
    const key = randomUUID();
    expect((await post(first.token, { questionId: first.questionId, key })).status).toBe(200);
    const errors = vi.spyOn(console, 'error');
    try {
      await expectNothingWritten(other.id, () => post(other.token, { questionId: other.questionId, key }), {
        status: 422,
        body: { ok: false, error: 'invalid', fieldErrors: { _form: ['invalid'] } },
      });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('two submissions at the same moment: one answer', async () => {
    const c = await waitingComplaint();
    const key = randomUUID();
    const results = await Promise.all([post(c.token, { questionId: c.questionId, key }), post(c.token, { questionId: c.questionId, key })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => (r.body.data as { repeated: boolean }).repeated).sort()).toEqual([false, true]);
    const after = await written(c.id);
    expect(after.history.filter((h) => h.action === 'info_received')).toHaveLength(1);
    expect(after.outbox.filter((m) => m.kind === 'client_answer')).toHaveLength(1);
  });

  it('another form after the answer: the question is no longer open, nothing written', async () => {
    const c = await waitingComplaint();
    expect((await post(c.token, { questionId: c.questionId })).status).toBe(200);
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { _form: ['stepNotAllowed'] } },
    });
  });

  it('a program renamed to .pdf is refused by its content; nothing is written', async () => {
    const c = await waitingComplaint();
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId, files: [{ name: 'ok.pdf', bytes: PDF }, { name: 'factuur.pdf', bytes: EXE }] }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { 'attachments.1': ['attachmentType'] } },
    });
  });

  it('a file of 11 MB is refused; nothing is written', async () => {
    const c = await waitingComplaint();
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId, files: [{ name: 'scan.pdf', bytes: pdfOf(11 * MB) }] }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { 'attachments.0': ['attachmentTooLarge'] } },
    });
  });

  it('six files are refused; nothing is written', async () => {
    const c = await waitingComplaint();
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.pdf`, bytes: PDF }));
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId, files }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { attachments: ['attachmentTooMany'] } },
    });
  });

  it('an empty or too long answer is refused with the field', async () => {
    const c = await waitingComplaint();
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId, answer: '   ' }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { answer: ['required'] } },
    });
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId, answer: 'x'.repeat(5001) }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { answer: ['tooLong'] } },
    });
  });

  it('a request larger than five files at the limit is refused before it is read (413), declared or streamed', async () => {
    const c = await waitingComplaint();
    const before = await written(c.id);
    const declared = new Request(`http://localhost/api/status/${c.token}/answer`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * MB) },
    });
    const tooLarge = { ok: false, error: 'invalid', fieldErrors: { attachments: ['requestTooLarge'] } };
    const r1 = await answerRoute.POST(declared, { params: Promise.resolve({ token: c.token }) });
    expect([r1.status, await r1.json()]).toEqual([413, tooLarge]);

    // No length given: the body is cut off once it passes the limit.
    let sent = 0;
    const chunk = new Uint8Array(MB);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 80 * MB) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = new Request(`http://localhost/api/status/${c.token}/answer`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    const r2 = await answerRoute.POST(streamed, { params: Promise.resolve({ token: c.token }) });
    expect([r2.status, await r2.json()]).toEqual([413, tooLarge]);
    expect(sent).toBeLessThan(60 * MB);
    expect(await written(c.id)).toEqual(before);
  });

  it('garbage instead of a form, a post from another site, an unknown link: refused, nothing written', async () => {
    const c = await waitingComplaint();
    const before = await written(c.id);
    const garbage = new Request(`http://localhost/api/status/${c.token}/answer`, { method: 'POST', body: 'niet een formulier', headers: { 'content-type': 'multipart/form-data' } });
    expect((await answerRoute.POST(garbage, { params: Promise.resolve({ token: c.token }) })).status).toBe(422);
    expect((await post(c.token, { questionId: c.questionId, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect(await post(statusTokenFor(randomUUID()), { questionId: c.questionId })).toEqual({ status: 404, body: { ok: false, error: 'forbidden', fieldErrors: { _form: ['forbidden'] } } });
    expect((await post('kort', { questionId: c.questionId })).status).toBe(422);
    expect(await written(c.id)).toEqual(before);
  });

  it('an answer to a question that is no longer the open one is refused', async () => {
    const c = await waitingComplaint();
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId + 1000 }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { _form: ['noOpenQuestion'] } },
    });
  });

  it('while the handler is involved (blocked), the client is asked to try later; nothing written', async () => {
    const c = await waitingComplaint(w.people.adviserHandler);
    // The handler turns out to be involved after the question was asked: everything waits for a new handler.
    await w.db.execute(sql`insert into complaint_involved (complaint_id, staff_id, name, involvement)
      values (${c.id}, ${w.ids.adviserOfHandler.id}, ${w.ids.adviserOfHandler.name}, 'other')`);
    await expectNothingWritten(c.id, () => post(c.token, { questionId: c.questionId }), {
      status: 422,
      body: { ok: false, error: 'invalid', fieldErrors: { _form: ['complaintBlocked'] } },
    });
  });

  it('without a handler (recused after asking), the managers get the mail', async () => {
    const c = await waitingComplaint();
    await w.db.execute(sql`update complaints set handler_id = null where id = ${c.id}`);
    expect((await post(c.token, { questionId: c.questionId })).status).toBe(200);
    const mails = (await written(c.id)).outbox.filter((m) => m.kind === 'client_answer');
    expect(mails.map((m) => m.recipient)).toEqual(['m@test', 'm2@test']);
    expect(mails[0]!.bodyText).toContain('geen klachtbehandelaar');
  });
});

describe('downloading a file the client sent', () => {
  it('staff who may see the complaint get it as a download; anyone else gets 404', async () => {
    const c = await waitingComplaint();
    expect((await post(c.token, { questionId: c.questionId, files: [{ name: 'brief "1".pdf', bytes: PDF }] })).status).toBe(200);
    const [file] = (await written(c.id)).files;
    const get = (who: { id: number } | null, id = String(file!.id)) =>
      runAs(who?.id ?? null, () => downloadRoute.GET(new Request(`http://localhost/api/bijlagen/${id}`), { params: Promise.resolve({ id }) }));

    for (const who of [w.people.handler, w.people.manager]) {
      const response = await get(who);
      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="brief _1_.pdf"; filename*=UTF-8''brief%20%221%22.pdf`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(PDF));
    }
    // Another handler, an admin, a deactivated user, nobody signed in; and files that do not exist.
    for (const who of [w.people.handler2, w.people.admin, w.people.former, null]) expect((await get(who)).status, JSON.stringify(who)).toBe(404);
    expect((await get(w.people.manager, '999999')).status).toBe(404);
    expect((await get(w.people.manager, 'abc')).status).toBe(404);
  });
});

describe('a download while the database fails', () => {
  it('answers 503 with a try-again text and logs the error without its parameters', async () => {
    const { staffDownload } = await import('@/lib/server/staff-download');
    const failure = Object.assign(new Error('Failed query: select … params: Jansen,jansen@example.nl'), { code: '57P01' });
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      const response = await runAs(w.people.manager.id, () =>
        staffDownload('1', async () => {
          throw failure;
        }),
      );
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/Probeer het over een paar minuten opnieuw/);
    } finally {
      console.error = original;
    }
    expect(logged.join('\n')).toContain('sqlstate=57P01');
    expect(logged.join('\n')).not.toMatch(/Jansen|jansen@example/);
  });
});
