import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { informationRequests } from '@/db/schema';
import { type ActionResult, FORBIDDEN } from '@/lib/actions/pipeline';
import { formatDate } from '@/lib/format';
import { addCalendarDays } from '@/lib/procedure/dates';
import type { StepResult } from './define';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from './testing';

/**
 * Questions to the client and their answers, the copy to the person complained about and the hearing: the real server
 * actions on PostgreSQL, every success and every refusal (which must leave the complaint exactly as it was).
 */

let w: StepsWorld;
let actions: typeof import('./actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
});
afterAll(async () => {
  await w?.close();
});

const inDays = (n: number) => addCalendarDays(today, n);
const refused = (fieldErrors: Record<string, string[]>) => ({ ok: false, error: 'invalid', fieldErrors });

/** Runs a step that must be refused, and proves it changed nothing. */
async function expectRefused(complaintId: number, run: () => Promise<ActionResult<StepResult>>, expected: unknown) {
  const before = await w.snapshot(complaintId);
  expect(await run()).toEqual(expected);
  expect(await w.snapshot(complaintId)).toEqual(before);
}

/** The due dates stay where they were: none of these steps stops or moves the resolution clock. */
function expectClockUntouched(after: Awaited<ReturnType<StepsWorld['snapshot']>>, before: { receivedOn: string; resolutionExtendedTo: string | null; extensionCount: number }) {
  expect(after.complaint).toMatchObject({ receivedOn: before.receivedOn, resolutionExtendedTo: before.resolutionExtendedTo, extensionCount: before.extensionCount });
}

describe('requestInfo', () => {
  it('asks the client a question: a request row, the letter in the outbox, the complaint waits, the clock keeps running', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    const answerBy = inDays(14);
    const result = await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: '  Op welke dagen had u een afspraak?  ', answerBy });
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'info_requested', warnings: [] } });

    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'info_requested', version: c.version + 1 });
    expectClockUntouched(after, c);
    expect(after.requests).toHaveLength(1);
    expect(after.requests[0]).toMatchObject({
      question: 'Op welke dagen had u een afspraak?',
      answerBy,
      askedBy: w.people.handler.id,
      answer: null,
      answeredOn: null,
      answerVia: null,
      answerRecordedBy: null,
    });
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      action: 'info_requested',
      fromStatus: 'in_progress',
      toStatus: 'info_requested',
      actorUserId: w.people.handler.id,
      reason: null,
      details: { question: 'Op welke dagen had u een afspraak?', answerBy, medium: 'email' },
    });
    expect(after.requests[0]!.askedAt.getTime()).toBe(after.history[0]!.at.getTime());
    expect(after.outbox).toHaveLength(1);
    expect(after.outbox[0]).toMatchObject({ kind: 'info_request', medium: 'email', recipient: 'henk@example.nl', subject: `Vraag over uw klacht ${c.reference}` });
    expect(after.outbox[0]!.bodyText).toContain('"Op welke dagen had u een afspraak?"');
    expect(after.outbox[0]!.bodyText).toContain(`vóór ${formatDate(answerBy, 'nl')}`);
  });

  it('from an acknowledged complaint, by a manager standing in, to a client by post in English, without a date', async () => {
    const c = await w.complaint({
      status: 'acknowledged',
      locale: 'en',
      complainantEmail: null,
      addressStreet: 'Kerkstraat 12',
      addressPostcode: '5341 AB',
      addressCity: 'Oss',
    });
    const result = await w.act(w.people.manager, actions.requestInfoAction, c.id, { question: 'Which days?' });
    expect(result).toMatchObject({ ok: true, data: { status: 'info_requested' } });
    const after = await w.snapshot(c.id);
    expect(after.requests[0]).toMatchObject({ answerBy: null, askedBy: w.people.manager.id });
    expect(after.history[0]).toMatchObject({ fromStatus: 'acknowledged', toStatus: 'info_requested', details: { question: 'Which days?', answerBy: null, medium: 'post' } });
    expect(after.outbox[0]).toMatchObject({ kind: 'info_request', medium: 'post', recipient: 'Henk de Jong\nKerkstraat 12\n5341 AB Oss' });
    expect(after.outbox[0]!.bodyText).toContain('Please answer as soon as you can.');
  });

  it('warns when the answer is asked for after the resolution due date', async () => {
    // Received 10 days ago: the resolution is due in 32 days.
    const c = await w.complaint({ status: 'in_progress' });
    expect(await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Welke dagen?', answerBy: inDays(32) })).toMatchObject({
      ok: true,
      data: { warnings: [] },
    });
    const late = await w.complaint({ status: 'in_progress' });
    expect(await w.act(w.people.handler, actions.requestInfoAction, late.id, { question: 'Welke dagen?', answerBy: inDays(33) })).toMatchObject({
      ok: true,
      data: { warnings: ['answerByAfterDue'] },
    });
  });

  it.each([
    ['received', 'stepNotAllowed'],
    ['info_requested', 'stepNotAllowed'],
    ['resolved', 'stepNotAllowed'],
    ['withdrawn', 'stepNotAllowed'],
  ] as const)('is refused on a complaint that is %s', async (status, key) => {
    const c = await w.complaint({ status, ...(status === 'resolved' ? { outcome: 'not_upheld' } : {}) });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Welke dagen?' }), refused({ _form: [key] }));
  });

  it('is refused for an admin, someone else’s handler, and without a handler; nothing changes', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.admin, actions.requestInfoAction, c.id, { question: 'Welke dagen?' }), FORBIDDEN);
    await expectRefused(c.id, () => w.act(w.people.handler2, actions.requestInfoAction, c.id, { question: 'Welke dagen?' }), FORBIDDEN);
    await expectRefused(c.id, () => w.act(null, actions.requestInfoAction, c.id, { question: 'Welke dagen?' }), FORBIDDEN);
    const unassigned = await w.complaint({ status: 'acknowledged', handlerId: null });
    // The handler who registered it can see it, and a manager can, but a handler must be assigned first.
    for (const who of [w.people.handler, w.people.manager]) {
      await expectRefused(unassigned.id, () => w.act(who, actions.requestInfoAction, unassigned.id, { question: 'Welke dagen?' }), refused({ _form: ['noHandlerAssigned'] }));
    }
  });

  it('is refused while the handler is involved in the complaint', async () => {
    const c = await w.complaint({ status: 'in_progress', handlerId: w.people.adviserHandler.id, involved: [] });
    await w.act(w.people.manager, actions.addInvolvedAction, c.id, { staffId: String(w.ids.adviserOfHandler.id), involvement: 'other' });
    await expectRefused(c.id, () => w.act(w.people.manager, actions.requestInfoAction, c.id, { question: 'Welke dagen?' }), refused({ _form: ['complaintBlocked'] }));
    await expectRefused(c.id, () => w.act(w.people.adviserHandler, actions.requestInfoAction, c.id, { question: 'Welke dagen?' }), refused({ _form: ['actorInvolved'] }));
  });

  it.each([
    ['no question', { question: '   ' }, { question: ['required'] }],
    ['a question too long', { question: 'x'.repeat(8001) }, { question: ['tooLong'] }],
    ['an answer date in the past', { question: 'Welke dagen?', answerBy: daysAgo(1) }, { answerBy: ['dateInPast'] }],
    ['an answer date that is no date', { question: 'Welke dagen?', answerBy: '2026-02-30' }, { answerBy: ['dateInPast'] }],
  ])('rejects %s', async (_, input, fieldErrors) => {
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.requestInfoAction, c.id, input), refused(fieldErrors));
  });
});

describe('recordAnswer', () => {
  it('fills in the open question with the answer staff typed in; the handling goes on', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Op welke dagen had u een afspraak?' });
    const result = await w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Op 2, 9 en 16 februari.', answeredOn: today, via: 'phone' });
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 2, status: 'in_progress', warnings: [] } });

    const after = await w.snapshot(c.id);
    expect(after.complaint.status).toBe('in_progress');
    expectClockUntouched(after, c);
    expect(after.requests).toHaveLength(1);
    expect(after.requests[0]).toMatchObject({ answer: 'Op 2, 9 en 16 februari.', answeredOn: today, answerVia: 'phone', answerRecordedBy: w.people.handler.id });
    expect(after.history.at(-1)).toMatchObject({
      action: 'info_received',
      fromStatus: 'info_requested',
      toStatus: 'in_progress',
      reason: null,
      details: { question: 'Op welke dagen had u een afspraak?', answer: 'Op 2, 9 en 16 februari.', answeredOn: today, via: 'phone' },
    });
    // No mail: the client gave the answer themself.
    expect(after.outbox.map((m) => m.kind)).toEqual(['info_request']);
  });

  it('answers only the open question, recorded by a manager; an earlier answered one stays as it was', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Eerste vraag' });
    await w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Eerste antwoord', answeredOn: today, via: 'email' });
    await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Tweede vraag' });
    const result = await w.act(w.people.manager, actions.recordAnswerAction, c.id, { answer: 'Tweede antwoord', answeredOn: today, via: 'in_person' });
    expect(result).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    const after = await w.snapshot(c.id);
    expect(after.requests.map((r) => [r.question, r.answer, r.answerVia, r.answerRecordedBy])).toEqual([
      ['Eerste vraag', 'Eerste antwoord', 'email', w.people.handler.id],
      ['Tweede vraag', 'Tweede antwoord', 'in_person', w.people.manager.id],
    ]);
  });

  it('accepts an answer that came in after the question was asked, refuses one from before', async () => {
    const c = await w.complaint({ status: 'info_requested' });
    await w.db.insert(informationRequests).values({ complaintId: c.id, question: 'Welke dagen?', askedAt: new Date(Date.now() - 5 * 86_400_000), askedBy: w.people.handler.id });
    await expectRefused(
      c.id,
      () => w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Maandag', answeredOn: daysAgo(7), via: 'post' }),
      refused({ answeredOn: ['answerBeforeQuestion'] }),
    );
    expect(await w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Maandag', answeredOn: daysAgo(3), via: 'post' })).toMatchObject({ ok: true });
  });

  it('refuses with noOpenQuestion when the complaint waits but no question is open', async () => {
    const c = await w.complaint({ status: 'info_requested' });
    await w.db
      .insert(informationRequests)
      .values({ complaintId: c.id, question: 'Al beantwoord', askedAt: new Date(), askedBy: w.people.handler.id, answer: 'Ja', answeredOn: today, answerVia: 'phone' });
    await expectRefused(
      c.id,
      () => w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Maandag', answeredOn: today, via: 'phone' }),
      refused({ _form: ['noOpenQuestion'] }),
    );
  });

  it.each(['acknowledged', 'in_progress', 'received'] as const)('is refused on a complaint that is %s (no question asked)', async (status) => {
    const c = await w.complaint({ status });
    await expectRefused(
      c.id,
      () => w.act(w.people.handler, actions.recordAnswerAction, c.id, { answer: 'Maandag', answeredOn: today, via: 'phone' }),
      refused({ _form: ['stepNotAllowed'] }),
    );
  });

  it('is refused for an admin and for another handler', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Welke dagen?' });
    const input = { answer: 'Maandag', answeredOn: today, via: 'phone' };
    await expectRefused(c.id, () => w.act(w.people.admin, actions.recordAnswerAction, c.id, input), FORBIDDEN);
    await expectRefused(c.id, () => w.act(w.people.handler2, actions.recordAnswerAction, c.id, input), FORBIDDEN);
  });

  it.each([
    ['no answer', { answer: '', answeredOn: today, via: 'phone' }, { answer: ['required'] }],
    ['a date in the future', { answer: 'Maandag', answeredOn: inDays(1), via: 'phone' }, { answeredOn: ['dateInFuture'] }],
    ['no date', { answer: 'Maandag', answeredOn: '', via: 'phone' }, { answeredOn: ['required'] }],
    ['an unknown medium', { answer: 'Maandag', answeredOn: today, via: 'pigeon' }, { via: ['choose'] }],
  ])('rejects %s', async (_, input, fieldErrors) => {
    const c = await w.complaint({ status: 'in_progress' });
    await w.act(w.people.handler, actions.requestInfoAction, c.id, { question: 'Welke dagen?' });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.recordAnswerAction, c.id, input), refused(fieldErrors));
  });
});

describe('sendCopy', () => {
  it('records that the person complained about got a copy; starts the handling; queues no mail', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    const sentOn = daysAgo(2);
    const result = await w.act(w.people.handler, actions.sendCopyAction, c.id, { sentOn, via: 'email' });
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'in_progress', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', copySentOn: sentOn });
    expectClockUntouched(after, c);
    expect(after.history[0]).toMatchObject({
      action: 'copy_sent',
      fromStatus: 'acknowledged',
      toStatus: 'in_progress',
      reason: null,
      details: { sentOn, via: 'email', recipient: 'Sanne de Vries' },
    });
    expect(after.outbox).toEqual([]);
  });

  it('names every person complained about, not the others involved; keeps a waiting complaint waiting', async () => {
    const c = await w.complaint({
      status: 'info_requested',
      involved: [{ staffId: w.ids.adviser.id }, { name: 'De receptioniste', involvement: 'other' }, { name: 'Meneer Pieters', involvement: 'subject' }],
    });
    expect(await w.act(w.people.manager, actions.sendCopyAction, c.id, { sentOn: c.receivedOn, via: 'post' })).toMatchObject({ ok: true, data: { status: 'info_requested' } });
    expect((await w.snapshot(c.id)).history[0]!.details).toEqual({ sentOn: c.receivedOn, via: 'post', recipient: 'Sanne de Vries, Meneer Pieters' });
  });

  it('is refused when nobody is recorded as the person complained about, and a second time', async () => {
    const nobody = await w.complaint({ status: 'in_progress', involved: [{ name: 'De receptioniste', involvement: 'other' }] });
    await expectRefused(nobody.id, () => w.act(w.people.handler, actions.sendCopyAction, nobody.id, { sentOn: today, via: 'email' }), refused({ _form: ['noPersonComplainedAbout'] }));
    const sent = await w.complaint({ status: 'in_progress', copySentOn: daysAgo(3) });
    await expectRefused(sent.id, () => w.act(w.people.handler, actions.sendCopyAction, sent.id, { sentOn: today, via: 'email' }), refused({ _form: ['copyAlreadySent'] }));
  });

  it.each(['received', 'withdrawn', 'not_admissible'] as const)('is refused on a complaint that is %s', async (status) => {
    const c = await w.complaint({ status, ...(status === 'not_admissible' ? { notAdmissibleGround: 'handled_before' } : {}) });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.sendCopyAction, c.id, { sentOn: today, via: 'email' }), refused({ _form: ['stepNotAllowed'] }));
  });

  it('is refused for an admin and for another handler', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.admin, actions.sendCopyAction, c.id, { sentOn: today, via: 'email' }), FORBIDDEN);
    await expectRefused(c.id, () => w.act(w.people.handler2, actions.sendCopyAction, c.id, { sentOn: today, via: 'email' }), FORBIDDEN);
  });

  it.each([
    ['a date before the complaint came in', { sentOn: daysAgo(11), via: 'email' }, { sentOn: ['beforeReceived'] }],
    ['a date in the future', { sentOn: inDays(1), via: 'email' }, { sentOn: ['dateInFuture'] }],
    ['no medium', { sentOn: today }, { via: ['choose'] }],
  ])('rejects %s', async (_, input, fieldErrors) => {
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.sendCopyAction, c.id, input), refused(fieldErrors));
  });
});

describe('planHearing', () => {
  it('plans the hearing and invites the client; the handling starts', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    const on = inDays(7);
    const input = { on, time: '14:30', place: 'Kantoor Oss, Molenstraat 1', participants: 'Henk de Jong, Sanne de Vries en Sanne Jansen' };
    const result = await w.act(w.people.handler, actions.planHearingAction, c.id, input);
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'in_progress', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', hearingState: 'planned', hearingOn: on });
    expectClockUntouched(after, c);
    expect(after.history[0]).toMatchObject({
      action: 'hearing_planned',
      fromStatus: 'acknowledged',
      toStatus: 'in_progress',
      details: { on, time: '14:30', place: 'Kantoor Oss, Molenstraat 1', participants: 'Henk de Jong, Sanne de Vries en Sanne Jansen', medium: 'email' },
    });
    expect(after.history[0]!.details).not.toHaveProperty('previousOn');
    expect(after.outbox).toHaveLength(1);
    expect(after.outbox[0]).toMatchObject({ kind: 'hearing_invitation', medium: 'email', recipient: 'henk@example.nl' });
    const body = after.outbox[0]!.bodyText;
    expect(body).toContain(`Wanneer: ${formatDate(on, 'nl', 'full')} om 14:30`);
    expect(body).toContain('Waar: Kantoor Oss, Molenstraat 1');
    expect(body).toContain('Wie zijn erbij: Henk de Jong, Sanne de Vries en Sanne Jansen');
  });

  it('planning again moves the date, sends a new invitation and keeps the old date in the history', async () => {
    const c = await w.complaint({ status: 'in_progress', hearingState: 'planned', hearingOn: inDays(3) });
    const result = await w.act(w.people.handler, actions.planHearingAction, c.id, { on: inDays(10), participants: 'De klager en de behandelaar' });
    expect(result).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ hearingState: 'planned', hearingOn: inDays(10) });
    expect(after.history[0]).toMatchObject({ details: { on: inDays(10), time: null, place: null, previousOn: inDays(3) } });
    expect(after.outbox[0]!.bodyText).toContain('(de tijd laten wij u nog weten)');
    expect(after.outbox[0]!.bodyText).toContain('Waar: dat laten wij u nog weten');
  });

  it('can be planned today, and warns when the hearing is after the resolution due date', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    expect(await w.act(w.people.handler, actions.planHearingAction, c.id, { on: today, participants: 'Klager' })).toMatchObject({ ok: true, data: { warnings: [] } });
    const late = await w.complaint({ status: 'in_progress' });
    expect(await w.act(w.people.handler, actions.planHearingAction, late.id, { on: inDays(33), participants: 'Klager' })).toMatchObject({
      ok: true,
      data: { warnings: ['hearingAfterDue'] },
    });
  });

  it.each([
    ['held', { hearingState: 'held', hearingOn: daysAgo(1) }],
    ['skipped', { hearingState: 'skipped', hearingOn: null }],
  ] as const)('is refused once the hearing was %s', async (_, hearing) => {
    const c = await w.complaint({ status: 'in_progress', ...hearing });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.planHearingAction, c.id, { on: inDays(3), participants: 'Klager' }), refused({ _form: ['hearingAlreadyDecided'] }));
  });

  it('is refused on a received complaint, for an admin and for another handler', async () => {
    const received = await w.complaint({ status: 'received' });
    await expectRefused(received.id, () => w.act(w.people.handler, actions.planHearingAction, received.id, { on: inDays(3), participants: 'Klager' }), refused({ _form: ['stepNotAllowed'] }));
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.admin, actions.planHearingAction, c.id, { on: inDays(3), participants: 'Klager' }), FORBIDDEN);
    await expectRefused(c.id, () => w.act(w.people.handler2, actions.planHearingAction, c.id, { on: inDays(3), participants: 'Klager' }), FORBIDDEN);
  });

  it.each([
    ['a date in the past', { on: daysAgo(1), participants: 'Klager' }, { on: ['dateInPast'] }],
    ['no date', { on: '', participants: 'Klager' }, { on: ['required'] }],
    ['a wrong time', { on: inDays(3), time: '25:00', participants: 'Klager' }, { time: ['timeInvalid'] }],
    ['no participants', { on: inDays(3), participants: ' ' }, { participants: ['required'] }],
  ])('rejects %s', async (_, input, fieldErrors) => {
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.planHearingAction, c.id, input), refused(fieldErrors));
  });
});

describe('recordHearing', () => {
  it('records the planned hearing as held, with who took part and the report', async () => {
    const c = await w.complaint({ status: 'in_progress', hearingState: 'planned', hearingOn: daysAgo(1) });
    const input = { heldOn: daysAgo(1), participants: 'Henk de Jong, Sanne de Vries', report: 'De klager vertelde…\nDe adviseur erkende…' };
    const result = await w.act(w.people.handler, actions.recordHearingAction, c.id, input);
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'in_progress', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', hearingState: 'held', hearingOn: daysAgo(1) });
    expectClockUntouched(after, c);
    expect(after.history[0]).toMatchObject({ action: 'hearing_held', fromStatus: 'in_progress', toStatus: 'in_progress', reason: null, details: input });
    expect(after.outbox).toEqual([]);
  });

  it('takes the day it was really held (earlier than planned, or the day of receipt)', async () => {
    const c = await w.complaint({ status: 'info_requested', hearingState: 'planned', hearingOn: inDays(5) });
    expect(await w.act(w.people.manager, actions.recordHearingAction, c.id, { heldOn: c.receivedOn, participants: 'Klager', report: 'Verslag' })).toMatchObject({
      ok: true,
      data: { status: 'info_requested' },
    });
    expect((await w.snapshot(c.id)).complaint).toMatchObject({ hearingState: 'held', hearingOn: c.receivedOn });
  });

  it.each([
    ['not planned', { hearingState: null, hearingOn: null }, 'hearingNotPlanned'],
    ['already held', { hearingState: 'held', hearingOn: daysAgo(2) }, 'hearingAlreadyDecided'],
    ['skipped', { hearingState: 'skipped', hearingOn: null }, 'hearingAlreadyDecided'],
  ] as const)('is refused when the hearing is %s', async (_, hearing, key) => {
    const c = await w.complaint({ status: 'in_progress', ...hearing });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.recordHearingAction, c.id, { heldOn: today, participants: 'Klager', report: 'Verslag' }), refused({ _form: [key] }));
  });

  it('is refused on a resolved complaint, for an admin and for another handler', async () => {
    const resolved = await w.complaint({ status: 'resolved', outcome: 'upheld', hearingState: 'planned', hearingOn: daysAgo(1) });
    const input = { heldOn: today, participants: 'Klager', report: 'Verslag' };
    await expectRefused(resolved.id, () => w.act(w.people.handler, actions.recordHearingAction, resolved.id, input), refused({ _form: ['stepNotAllowed'] }));
    const c = await w.complaint({ status: 'in_progress', hearingState: 'planned', hearingOn: today });
    await expectRefused(c.id, () => w.act(w.people.admin, actions.recordHearingAction, c.id, input), FORBIDDEN);
    await expectRefused(c.id, () => w.act(w.people.handler2, actions.recordHearingAction, c.id, input), FORBIDDEN);
  });

  it.each([
    ['a date in the future', { heldOn: inDays(1), participants: 'Klager', report: 'Verslag' }, { heldOn: ['dateInFuture'] }],
    ['a date before the complaint came in', { heldOn: daysAgo(11), participants: 'Klager', report: 'Verslag' }, { heldOn: ['beforeReceived'] }],
    ['no report', { heldOn: today, participants: 'Klager', report: '' }, { report: ['required'] }],
    ['no participants', { heldOn: today, participants: '', report: 'Verslag' }, { participants: ['required'] }],
  ])('rejects %s', async (_, input, fieldErrors) => {
    const c = await w.complaint({ status: 'in_progress', hearingState: 'planned', hearingOn: today });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.recordHearingAction, c.id, input), refused(fieldErrors));
  });
});

describe('skipHearing', () => {
  it.each([
    ['waived', null, null],
    ['clearly_unfounded', null, null],
    ['no_reaction', 'planned', inDays(2)],
  ] as const)('records the ground %s with its explanation; a planned date is cleared', async (ground, hearingState, hearingOn) => {
    const c = await w.complaint({ status: 'acknowledged', hearingState, hearingOn });
    const explanation = 'De klager zei op 3 maart aan de telefoon dat een gesprek niet nodig is.';
    const result = await w.act(w.people.handler, actions.skipHearingAction, c.id, { ground, explanation });
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'in_progress', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', hearingState: 'skipped', hearingOn: null });
    expectClockUntouched(after, c);
    expect(after.history[0]).toMatchObject({ action: 'hearing_skipped', fromStatus: 'acknowledged', toStatus: 'in_progress', reason: explanation, details: { ground } });
    expect(after.outbox).toEqual([]);
  });

  it.each([
    ['held', { hearingState: 'held', hearingOn: daysAgo(2) }],
    ['skipped', { hearingState: 'skipped', hearingOn: null }],
  ] as const)('is refused once the hearing was %s', async (_, hearing) => {
    const c = await w.complaint({ status: 'in_progress', ...hearing });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.skipHearingAction, c.id, { ground: 'waived', explanation: 'x' }), refused({ _form: ['hearingAlreadyDecided'] }));
  });

  it('is refused on a received complaint, for an admin and for another handler', async () => {
    const received = await w.complaint({ status: 'received' });
    await expectRefused(received.id, () => w.act(w.people.handler, actions.skipHearingAction, received.id, { ground: 'waived', explanation: 'x' }), refused({ _form: ['stepNotAllowed'] }));
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.admin, actions.skipHearingAction, c.id, { ground: 'waived', explanation: 'x' }), FORBIDDEN);
    await expectRefused(c.id, () => w.act(w.people.handler2, actions.skipHearingAction, c.id, { ground: 'waived', explanation: 'x' }), FORBIDDEN);
  });

  it.each([
    ['no ground', { explanation: 'x' }, { ground: ['choose'] }],
    ['a ground the law does not know', { ground: 'too_busy', explanation: 'x' }, { ground: ['choose'] }],
    ['no explanation', { ground: 'waived', explanation: '  ' }, { explanation: ['required'] }],
  ])('rejects %s', async (_, input, fieldErrors) => {
    const c = await w.complaint({ status: 'in_progress' });
    await expectRefused(c.id, () => w.act(w.people.handler, actions.skipHearingAction, c.id, input), refused(fieldErrors));
  });
});

describe('the inquiry as a story, and what the file page shows of it', () => {
  it('question, answer, copy, hearing: the history tells it, the file lists the question and answer, the panel the open question', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    const h = w.people.handler;
    expect(await w.act(h, actions.requestInfoAction, c.id, { question: 'Op welke dagen had u een afspraak?', answerBy: inDays(7) })).toMatchObject({ ok: true });

    const { loadStepPanel } = await import('./panel');
    const { loadComplaintFile } = await import('../file-data');
    const actor = { id: h.id, role: 'handler' as const, name: h.name, email: 'h1@test', mustChangePassword: false };
    const waiting = await loadComplaintFile(actor, c.id);
    const panel = await loadStepPanel(actor, waiting!.record, today);
    expect(panel.openQuestion).toEqual({ question: 'Op welke dagen had u een afspraak?', answerBy: inDays(7), askedOn: today });
    expect(panel.receivedOn).toBe(c.receivedOn);
    expect(panel.options.filter((o) => !o.refusal).map((o) => o.step)).toEqual(
      expect.arrayContaining(['recordAnswer', 'sendCopy', 'planHearing', 'skipHearing']),
    );

    expect(await w.act(h, actions.recordAnswerAction, c.id, { answer: 'Op 2, 9 en 16 februari.', answeredOn: today, via: 'phone' })).toMatchObject({ ok: true });
    expect(await w.act(h, actions.sendCopyAction, c.id, { sentOn: today, via: 'email' })).toMatchObject({ ok: true });
    expect(await w.act(h, actions.planHearingAction, c.id, { on: today, time: '10:00', participants: 'Klager, adviseur, behandelaar' })).toMatchObject({ ok: true });
    expect(await w.act(h, actions.recordHearingAction, c.id, { heldOn: today, participants: 'Klager, adviseur, behandelaar', report: 'Verslag' })).toMatchObject({
      ok: true,
      data: { status: 'in_progress' },
    });

    const after = await w.snapshot(c.id);
    expect(after.history.map((e) => `${e.action}: ${e.fromStatus} → ${e.toStatus}`)).toEqual([
      'info_requested: acknowledged → info_requested',
      'info_received: info_requested → in_progress',
      'copy_sent: in_progress → in_progress',
      'hearing_planned: in_progress → in_progress',
      'hearing_held: in_progress → in_progress',
    ]);
    expect(after.outbox.map((m) => m.kind)).toEqual(['info_request', 'hearing_invitation']);

    const file = await loadComplaintFile(actor, c.id);
    expect(file!.questions).toEqual([
      expect.objectContaining({ question: 'Op welke dagen had u een afspraak?', askedByName: 'Sanne Jansen', answer: 'Op 2, 9 en 16 februari.', answeredOn: today, answerVia: 'phone' }),
    ]);
    expect(file!.record).toMatchObject({ copySentOn: today, hearingState: 'held', hearingOn: today });
    // The resolution can now be decided: copy sent and both sides heard.
    const ready = await loadStepPanel(actor, file!.record, today);
    expect(ready.options.find((o) => o.step === 'resolve')).toEqual({ step: 'resolve', refusal: null });
  });
});
