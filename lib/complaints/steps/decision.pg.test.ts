import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintFileRecord } from '@/db/complaint-file';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { beheerMessages } from '@/lib/i18n/beheer';
import { DEFAULT_PARAMS } from '@/lib/inbox/params';
import { addCalendarDays, type IsoDate } from '@/lib/procedure/dates';
import { describeDueDate } from '@/lib/procedure/deadlines';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { historyDetails, type Translate } from '../file';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from './testing';

/** Not admissible, extend and reopen: real actions on PostgreSQL, success and every refusal. */

let w: StepsWorld;
let actions: typeof import('./actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
});
afterAll(async () => {
  await w?.close();
});

const invalid = (field: string, key: string) => ({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });
const t = createTranslator({ locale: 'nl', messages: { beheer: beheerMessages }, namespace: 'beheer' }) as unknown as Translate;

/** Received 10 days ago about something that happened 400 days before that: the one-year rule applies. */
const OLD_INCIDENT = { receivedOn: daysAgo(10), incidentDate: daysAgo(410) };
const REASON = 'Het gesprek waar de klacht over gaat, was in 2024. Dat is te lang geleden om nog goed uit te zoeken.';

describe('declareNotAdmissible', () => {
  it('closes an old complaint on the one-year ground, with the reason, and queues the notice naming the linked contracting party', async () => {
    const c = await w.complaint({ status: 'acknowledged', ...OLD_INCIDENT, contractingPartyId: w.ids.party.id });
    const result = await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'incident_older_than_limit', reason: REASON });
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'not_admissible', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'not_admissible', notAdmissibleGround: 'incident_older_than_limit', nextDue: null });
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      action: 'not_admissible',
      fromStatus: 'acknowledged',
      toStatus: 'not_admissible',
      actorUserId: w.people.handler.id,
      reason: REASON,
      details: { ground: 'incident_older_than_limit', late: false },
    });
    expect(after.outbox).toHaveLength(1);
    const notice = after.outbox[0]!;
    expect(notice).toMatchObject({ kind: 'not_admissible', medium: 'email', recipient: 'henk@example.nl', subject: `Wij behandelen uw klacht ${c.reference} niet` });
    expect(notice.bodyText).toContain('meer dan een jaar voordat u de klacht indiende');
    expect(notice.bodyText).toContain(REASON);
    expect(notice.bodyText).toContain('voorleggen aan de opdrachtgever van uw traject: Gemeente Oss.');
  });

  it('takes another ground from a received complaint, warns when the notice is late, and names the route onward in general', async () => {
    const c = await w.complaint({ status: 'received', receivedOn: daysAgo(29), incidentDate: daysAgo(40), locale: 'en' });
    const result = await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'objection_or_appeal', reason: 'Er loopt een bezwaarprocedure bij de gemeente.' });
    expect(result).toMatchObject({ ok: true, data: { status: 'not_admissible', warnings: ['noticeLate'] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.notAdmissibleGround).toBe('objection_or_appeal');
    expect(after.history[0]).toMatchObject({ fromStatus: 'received', details: { ground: 'objection_or_appeal', late: true } });
    expect(after.outbox[0]!.subject).toBe(`We will not handle your complaint ${c.reference}`);
    expect(after.outbox[0]!.bodyText).toContain('your employer, the municipality or UWV');
    expect(after.outbox[0]!.bodyText).toContain('That objection, appeal or court procedure simply goes on.');
  });

  it('is not late on the last day of the notice term', async () => {
    const c = await w.complaint({ status: 'in_progress', receivedOn: daysAgo(DEFAULT_TERMS.notAdmissibleNoticeDays) });
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'handled_before', reason: 'Zelfde klacht als vorig jaar.' })).toMatchObject({
      ok: true,
      data: { warnings: [] },
    });
  });

  it('lets a manager stand in for the handler, and sends the notice by post to a client without e-mail', async () => {
    const c = await w.complaint({
      status: 'info_requested',
      complainantEmail: null,
      addressStreet: 'Kerkstraat 12',
      addressPostcode: '5341 AB',
      addressCity: 'Oss',
    });
    expect(await w.act(w.people.manager, actions.declareNotAdmissibleAction, c.id, { ground: 'criminal_investigation', reason: 'De politie onderzoekt de zaak.' })).toMatchObject({
      ok: true,
    });
    const after = await w.snapshot(c.id);
    expect(after.history[0]!.actorUserId).toBe(w.people.manager.id);
    expect(after.outbox[0]).toMatchObject({ medium: 'post', recipient: 'Henk de Jong\nKerkstraat 12\n5341 AB Oss' });
  });

  it.each([
    ['the incident is within the year', { incidentDate: daysAgo(30) }],
    ['the incident is exactly one year before receipt', { receivedOn: '2026-03-02', incidentDate: '2025-03-02' }],
    ['the matter is still going on', { incidentDate: null, incidentOngoing: true }],
  ])('refuses the one-year ground when %s, and changes nothing', async (_, dates) => {
    const c = await w.complaint({ status: 'acknowledged', ...dates });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'incident_older_than_limit', reason: REASON })).toEqual(
      invalid('ground', 'incidentWithinLimit'),
    );
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('refuses without a written reason, without a ground, or with an unknown ground', async () => {
    const c = await w.complaint({ status: 'acknowledged', ...OLD_INCIDENT });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'incident_older_than_limit', reason: '   ' })).toEqual(invalid('reason', 'required'));
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { reason: REASON })).toEqual(invalid('ground', 'choose'));
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'too_old', reason: REASON })).toEqual(invalid('ground', 'choose'));
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('is refused after the outcome, without a handler, for someone else or an admin, and on an old version', async () => {
    const resolved = await w.complaint({ status: 'resolved', outcome: 'not_upheld', ...OLD_INCIDENT });
    const unassigned = await w.complaint({ status: 'acknowledged', handlerId: null, ...OLD_INCIDENT });
    const other = await w.complaint({ status: 'acknowledged', handlerId: w.people.handler2.id, ...OLD_INCIDENT });
    const befores = await Promise.all([resolved, unassigned, other].map((c) => w.snapshot(c.id)));
    const input = { ground: 'incident_older_than_limit', reason: REASON };
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, resolved.id, input)).toEqual(invalid('_form', 'stepNotAllowed'));
    expect(await w.act(w.people.manager, actions.declareNotAdmissibleAction, unassigned.id, input)).toEqual(invalid('_form', 'noHandlerAssigned'));
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, other.id, input)).toEqual(FORBIDDEN);
    expect(await w.act(w.people.admin, actions.declareNotAdmissibleAction, other.id, input)).toEqual(FORBIDDEN);
    expect(await w.act(w.people.handler2, actions.declareNotAdmissibleAction, other.id, { ...input, version: other.version + 1 })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect(await Promise.all([resolved, unassigned, other].map((c) => w.snapshot(c.id)))).toEqual(befores);
  });
});

describe('extend', () => {
  /** Received 10 days ago: the resolution is due in 32 days. */
  const firstDue = addCalendarDays(daysAgo(10), DEFAULT_TERMS.resolutionDays);
  const consent = { consent: true, consentOn: daysAgo(1), consentHow: 'Telefonisch, met de klager zelf' };

  it('moves the resolution clock by at most 28 days, tells the client and the person complained about, and keeps old and new date', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    const newDue = addCalendarDays(firstDue, DEFAULT_TERMS.maxExtensionDays);
    const reason = 'Wij wachten nog op het verslag van het hoorgesprek.';
    const result = await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason });
    expect(result).toMatchObject({ ok: true, data: { status: 'in_progress', version: c.version + 1 } });

    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ resolutionExtendedTo: newDue, extensionCount: 1, resolutionDue: newDue, nextDue: newDue });
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      action: 'extended',
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
      reason,
      details: { previousDue: firstDue, newDue, days: 28, consent: false, consentOn: null, consentHow: null },
    });
    // The history says it in words: old and new date, 28 days.
    const lines = Object.fromEntries(historyDetails(t, after.history[0]!.details).map((item) => [item.label, item.value]));
    expect(lines).toMatchObject({ 'Oude termijn': expect.stringMatching(/^\d{1,2} \w+ \d{4}$/), 'Nieuwe termijn': expect.any(String), Verlenging: '28 dagen' });

    // The client by e-mail; the adviser complained about has no account: a letter in the outbox for staff to pass on.
    expect(after.outbox.map((m) => [m.kind, m.medium, m.recipient])).toEqual([
      ['extension', 'email', 'henk@example.nl'],
      ['extension_staff', 'post', 'Sanne de Vries'],
    ]);
    expect(after.outbox[0]!.bodyText).toContain(reason);
    expect(after.outbox[1]!.bodyText).toMatch(/^Beste Sanne de Vries,/);
    expect(after.outbox[1]!.bodyText).toContain(reason);

    // The inbox sorts and shows by the new date.
    const { listInbox } = await import('@/db/inbox');
    const page = await listInbox(w.db, { id: w.people.handler.id, role: 'handler' }, { ...DEFAULT_PARAMS, q: c.reference }, today);
    expect(page.rows.map((row) => [row.id, row.nextDue, row.resolutionExtendedTo])).toEqual([[c.id, newDue, newDue]]);
  });

  it('e-mails a person complained about who has an account, and leaves out others involved', async () => {
    const c = await w.complaint({
      status: 'acknowledged',
      involved: [{ staffId: w.ids.adviserOfHandler.id }, { name: 'De receptioniste', involvement: 'other' }],
    });
    const newDue = addCalendarDays(firstDue, 7);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'Ziekte van de adviseur.' })).toMatchObject({ ok: true });
    const after = await w.snapshot(c.id);
    expect(after.outbox.map((m) => [m.kind, m.medium, m.recipient])).toEqual([
      ['extension', 'email', 'henk@example.nl'],
      ['extension_staff', 'email', 'h3@test'],
    ]);
    expect(after.history[0]!.details).toMatchObject({ days: 7 });
  });

  it('refuses 29 days without consent, and allows them with the consent recorded', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    const newDue = addCalendarDays(firstDue, DEFAULT_TERMS.maxExtensionDays + 1);
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'Meer tijd nodig.' })).toEqual(invalid('newDue', 'extensionTooLong'));
    expect(await w.snapshot(c.id)).toEqual(before);

    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'Meer tijd nodig.', ...consent })).toMatchObject({ ok: true });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ resolutionExtendedTo: newDue, extensionCount: 1 });
    expect(after.history[0]!.details).toEqual({ previousDue: firstDue, newDue, days: 29, ...consent });
    expect(after.outbox[0]!.bodyText).toContain('Zoals met u afgesproken');
  });

  it('refuses a second extension without consent, and allows it with consent: the clock moves from the extended date', async () => {
    const extendedTo = addCalendarDays(firstDue, 14);
    const c = await w.complaint({ status: 'info_requested', resolutionExtendedTo: extendedTo, extensionCount: 1 });
    const newDue = addCalendarDays(extendedTo, 7);
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'Nog een week.' })).toEqual(invalid('newDue', 'extensionNeedsConsent'));
    expect(await w.snapshot(c.id)).toEqual(before);

    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'Nog een week.', ...consent })).toMatchObject({
      ok: true,
      data: { status: 'info_requested' },
    });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ resolutionExtendedTo: newDue, extensionCount: 2, nextDue: newDue });
    expect(after.history[0]!.details).toMatchObject({ previousDue: extendedTo, newDue, days: 7, consent: true });
  });

  it('ignores consent fields that were filled in but not ticked', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    const newDue = addCalendarDays(firstDue, 3);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'Drie dagen.', consent: false, consentOn: daysAgo(1), consentHow: 'mail' })).toMatchObject({
      ok: true,
    });
    expect((await w.snapshot(c.id)).history[0]!.details).toMatchObject({ consent: false, consentOn: null, consentHow: null });
  });

  it('warns when the new date is not a working day', async () => {
    // A Saturday within 28 days after the first due date.
    let saturday = addCalendarDays(firstDue, 1);
    while (describeDueDate(saturday).nonWorkingDay?.kind !== 'weekend') saturday = addCalendarDays(saturday, 1);
    const c = await w.complaint({ status: 'in_progress' });
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue: saturday, reason: 'Meer tijd.' })).toMatchObject({
      ok: true,
      data: { warnings: ['newDueNotWorkingDay'] },
    });
  });

  it.each([
    ['the same date', () => firstDue, 'extensionNotLater'],
    ['an earlier date', () => addCalendarDays(firstDue, -1), 'extensionNotLater'],
  ] as const)('refuses %s, and changes nothing', async (_, newDue, key) => {
    const c = await w.complaint({ status: 'in_progress' });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue: newDue(), reason: 'x' })).toEqual(invalid('newDue', key));
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('refuses a date in the past for an overdue complaint', async () => {
    const c = await w.complaint({ status: 'in_progress', receivedOn: daysAgo(50), incidentDate: daysAgo(60) });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue: daysAgo(1), reason: 'x' })).toEqual(invalid('newDue', 'extensionInPast'));
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('refuses bad input: no reason, no date, consent without its date or how, consent in the future', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    const before = await w.snapshot(c.id);
    const newDue = addCalendarDays(firstDue, 5);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: '' })).toEqual(invalid('reason', 'required'));
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue: '', reason: 'x' })).toEqual(invalid('newDue', 'required'));
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue: '2026-02-30', reason: 'x' })).toEqual(invalid('newDue', 'dateInvalid'));
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: 'x', consent: true })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { consentOn: ['required'], consentHow: ['required'] },
    });
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { ...consent, newDue, reason: 'x', consentOn: addCalendarDays(today, 1) })).toEqual(
      invalid('consentOn', 'dateInFuture'),
    );
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it.each([
    ['received', {}, 'stepNotAllowed'],
    ['resolved', { outcome: 'upheld' as const }, 'stepNotAllowed'],
    ['not_admissible', { notAdmissibleGround: 'handled_before' as const }, 'stepNotAllowed'],
  ] as const)('is refused on a %s complaint', async (status, extra, key) => {
    const c = await w.complaint({ status, ...extra });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue: addCalendarDays(firstDue, 5), reason: 'x' })).toEqual(invalid('_form', key));
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('is refused for an admin and for a handler of another complaint', async () => {
    const c = await w.complaint({ status: 'in_progress', handlerId: w.people.handler2.id });
    const before = await w.snapshot(c.id);
    const input = { newDue: addCalendarDays(firstDue, 5), reason: 'x' };
    expect(await w.act(w.people.admin, actions.extendAction, c.id, input)).toEqual(FORBIDDEN);
    expect(await w.act(w.people.handler, actions.extendAction, c.id, input)).toEqual(FORBIDDEN);
    expect(await w.snapshot(c.id)).toEqual(before);
  });
});

describe('reopen', () => {
  const reason = 'De klager belde: de afgesproken maatregel is niet uitgevoerd.';

  it('lets a manager take a resolved complaint up again: back in progress, outcome cleared, the client told', async () => {
    const c = await w.complaint({ status: 'resolved', outcome: 'resolved_to_satisfaction', hearingState: 'held', copySentOn: daysAgo(5) });
    const result = await w.act(w.people.manager, actions.reopenAction, c.id, { reason });
    expect(result).toEqual({ ok: true, data: { id: c.id, version: c.version + 1, status: 'in_progress', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', outcome: null, hearingState: 'held' });
    expect(after.complaint.nextDue).not.toBeNull();
    expect(after.history).toEqual([
      expect.objectContaining({ action: 'reopened', fromStatus: 'resolved', toStatus: 'in_progress', actorUserId: w.people.manager.id, reason, details: {} }),
    ]);
    expect(after.outbox).toHaveLength(1);
    expect(after.outbox[0]).toMatchObject({ kind: 'reopened', medium: 'email', recipient: 'henk@example.nl', subject: `Wij nemen uw klacht ${c.reference} weer in behandeling` });
    expect(after.outbox[0]!.bodyText).toContain(reason);
  });

  it('is refused for the handler and an admin, without a reason, and on a complaint that is not resolved', async () => {
    const resolved = await w.complaint({ status: 'resolved', outcome: 'upheld' });
    const open = await w.complaint({ status: 'in_progress' });
    const escalated = await w.complaint({ status: 'escalated', outcome: 'not_upheld' });
    const befores = await Promise.all([resolved, open, escalated].map((c) => w.snapshot(c.id)));
    expect(await w.act(w.people.handler, actions.reopenAction, resolved.id, { reason })).toEqual(FORBIDDEN);
    expect(await w.act(w.people.admin, actions.reopenAction, resolved.id, { reason })).toEqual(FORBIDDEN);
    expect(await w.act(w.people.manager, actions.reopenAction, resolved.id, { reason: ' ' })).toEqual(invalid('reason', 'required'));
    expect(await w.act(w.people.manager, actions.reopenAction, open.id, { reason })).toEqual(invalid('_form', 'stepNotAllowed'));
    expect(await w.act(w.people.manager, actions.reopenAction, escalated.id, { reason })).toEqual(invalid('_form', 'stepNotAllowed'));
    expect(await Promise.all([resolved, open, escalated].map((c) => w.snapshot(c.id)))).toEqual(befores);
  });
});

describe('the step panel', () => {
  async function panelFor(id: number, who: { id: number; name: string }, role: 'handler' | 'manager') {
    const { loadStepPanel } = await import('./panel');
    const record = await complaintFileRecord(w.db, id);
    return loadStepPanel({ id: who.id, name: who.name, email: '', role, mustChangePassword: false }, record!, today);
  }

  it('pre-selects the one-year ground with its facts, and says when the notice is late', async () => {
    const c = await w.complaint({ status: 'acknowledged', receivedOn: daysAgo(30), incidentDate: daysAgo(500) });
    const panel = await panelFor(c.id, w.people.handler, 'handler');
    expect(panel.options.find((o) => o.step === 'declareNotAdmissible')).toEqual({ step: 'declareNotAdmissible', refusal: null });
    expect(panel).toMatchObject({
      suggestedGround: 'incident_older_than_limit',
      noticeLate: true,
      noticeDue: addCalendarDays(daysAgo(30), DEFAULT_TERMS.notAdmissibleNoticeDays),
      oneYear: { incidentDate: daysAgo(500), ongoing: false, olderThanLimit: true, limitMonths: 12 },
    });
  });

  it('gives the extension form the due date in force and the latest date without consent (none after one extension)', async () => {
    const first = await w.complaint({ status: 'in_progress' });
    const due: IsoDate = addCalendarDays(daysAgo(10), DEFAULT_TERMS.resolutionDays);
    expect(await panelFor(first.id, w.people.handler, 'handler')).toMatchObject({
      suggestedGround: null,
      resolutionDue: due,
      extensionCount: 0,
      latestWithoutConsent: addCalendarDays(due, DEFAULT_TERMS.maxExtensionDays),
    });
    const again = await w.complaint({ status: 'in_progress', resolutionExtendedTo: addCalendarDays(due, 10), extensionCount: 1 });
    expect(await panelFor(again.id, w.people.handler, 'handler')).toMatchObject({ resolutionDue: addCalendarDays(due, 10), latestWithoutConsent: null });
  });

  it('offers reopening to a manager only', async () => {
    const c = await w.complaint({ status: 'resolved', outcome: 'upheld' });
    expect((await panelFor(c.id, w.people.manager, 'manager')).options.map((o) => o.step)).toContain('reopen');
    expect((await panelFor(c.id, w.people.handler, 'handler')).options.map((o) => o.step)).not.toContain('reopen');
  });

  it('lists the people a manager can assign: handlers before managers, each least busy first, the involved adviser last', async () => {
    const c = await w.complaint({ status: 'acknowledged', handlerId: null, involved: [{ staffId: w.ids.adviserOfHandler.id }] });
    const { handlers } = await panelFor(c.id, w.people.manager, 'manager');
    expect(handlers.find((h) => h.id === w.people.adviserHandler.id)).toMatchObject({ involved: true });
    expect(handlers.at(-1)!.involved).toBe(true);
    const free = handlers.filter((h) => !h.involved);
    const roles = free.map((h) => h.role);
    expect(roles).toEqual([...roles].sort((a, b) => Number(a === 'manager') - Number(b === 'manager')));
    for (const role of ['handler', 'manager'] as const) {
      const counts = free.filter((h) => h.role === role).map((h) => h.openComplaints);
      expect(counts, role).toEqual([...counts].sort((a, b) => a - b));
    }
    expect(roles).toContain('handler');
    expect(roles).toContain('manager');
  });
});
