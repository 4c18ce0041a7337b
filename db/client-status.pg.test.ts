import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientView } from '@/lib/complaints/client-view';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from '@/lib/complaints/steps/testing';
import { addCalendarDays } from '@/lib/procedure/dates';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { hashToken } from '@/lib/server/tokens';
import { loadClientStatus } from './client-status';

/**
 * The client's status page after real steps on PostgreSQL: what loadClientStatus reads and what the client then sees
 * follow the complaint's current facts (issue 10), and nothing internal leaves the database.
 */

let w: StepsWorld;
let actions: typeof import('@/lib/complaints/steps/actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('@/lib/complaints/steps/actions');
});
afterAll(async () => {
  await w?.close();
});

type Complaint = Awaited<ReturnType<StepsWorld['complaint']>>;

/** What the status page loads and shows for this complaint, through its link. */
async function seen(c: Complaint) {
  const data = await loadClientStatus(w.db, hashToken(c.idempotencyKey!));
  expect(data).not.toBeNull();
  return { data: data!, view: clientView(data!.facts, data!.history) };
}

const REASON = 'Wij wachten nog op het verslag van uw adviseur.';
const FINDINGS = 'De adviseur is drie keer niet gekomen.';
const JUDGEMENT = 'Afspraken moeten worden nagekomen.';
const ok = { ok: true };

describe('the status page after real steps', () => {
  it('an unknown link loads nothing', async () => {
    expect(await loadClientStatus(w.db, hashToken('nope'))).toBeNull();
  });

  it('extend → resolve → escalate: the due date in force, then the outcome with the route onward, then forwarded to the party', async () => {
    const c = await w.complaint({ status: 'in_progress', copySentOn: daysAgo(5), hearingState: 'held', hearingOn: daysAgo(2) });
    const originalDue = addCalendarDays(c.receivedOn, DEFAULT_TERMS.resolutionDays);
    const newDue = addCalendarDays(originalDue, 21);

    // Internal steps on the file: they must not reach the client.
    expect(await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: w.people.handler2.id })).toMatchObject(ok);
    expect(await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: w.people.handler.id })).toMatchObject(ok);

    expect(await w.act(w.people.handler, actions.extendAction, c.id, { newDue, reason: REASON })).toMatchObject(ok);
    let { view, data } = await seen(c);
    expect(view).toMatchObject({ status: 'in_progress', open: true, outcome: null, routeOnward: null });
    expect(view.dates).toContainEqual({ key: 'decisionByExtended', date: newDue, originalDate: originalDue });
    expect(view.dates.map((d) => d.key)).not.toContain('decisionBy');
    expect(view.timeline).toEqual([{ kind: 'extended', on: today, newDue, reason: REASON }]);
    expect(data.history.map((h) => h.action)).toEqual(['extended']);

    const measure = { description: 'Adviseurs bevestigen elke afspraak per sms', owner: 'Teamleider Oss', dueOn: '2026-12-31', status: 'planned' };
    const resolved = await w.act(w.people.handler, actions.resolveAction, c.id, { outcome: 'partly_upheld', findings: FINDINGS, judgement: JUDGEMENT, measures: [measure] });
    expect(resolved).toMatchObject(ok);
    ({ view } = await seen(c));
    expect(view).toMatchObject({ status: 'resolved', open: false, outcome: 'partly_upheld', routeOnward: { party: null }, forwardedTo: null });
    expect(view.dates).toContainEqual({ key: 'decidedOn', date: today });
    expect(view.dates.map((d) => d.key)).not.toContain('decisionByExtended');
    expect(view.timeline.at(-1)).toEqual({
      kind: 'outcome',
      on: today,
      outcome: 'partly_upheld',
      findings: FINDINGS,
      judgement: JUDGEMENT,
      measures: [{ description: measure.description, dueOn: '2026-12-31', done: false }],
    });

    const escalated = await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: w.ids.party.id, dissatisfaction: 'Ik vind het besluit niet eerlijk.' });
    expect(escalated).toMatchObject(ok);
    ({ view, data } = await seen(c));
    expect(data.facts.party).toEqual({ name: 'Gemeente Oss', type: 'municipality' });
    expect(view).toMatchObject({ status: 'escalated', outcome: 'partly_upheld', forwardedTo: 'Gemeente Oss', routeOnward: null });
    expect(view.dates).toContainEqual({ key: 'escalatedOn', date: today });
    expect(view.timeline.map((e) => e.kind)).toEqual(['extended', 'outcome', 'escalated']);
    expect(view.timeline.at(-1)).toEqual({ kind: 'escalated', on: today, party: 'Gemeente Oss' });
    // What the client is not satisfied with is for the party's dossier, and no staff name is anywhere in what loads.
    const loaded = JSON.stringify(data);
    for (const internal of ['Ik vind het besluit niet eerlijk', 'Sanne Jansen', 'Thijs Bakker', 'Teamleider Oss', '"assigned"']) {
      expect(JSON.stringify(view)).not.toContain(internal);
    }
    for (const name of ['Sanne Jansen', 'Thijs Bakker', '"assigned"']) expect(loaded).not.toContain(name);
  });

  it('resolve with a linked party names it as the route onward', async () => {
    const c = await w.complaint({ status: 'in_progress', copySentOn: daysAgo(5), hearingState: 'held', hearingOn: daysAgo(2), contractingPartyId: w.ids.party.id });
    expect(await w.act(w.people.handler, actions.resolveAction, c.id, { outcome: 'not_upheld', findings: FINDINGS, judgement: JUDGEMENT })).toMatchObject(ok);
    const { view } = await seen(c);
    expect(view).toMatchObject({ status: 'resolved', outcome: 'not_upheld', routeOnward: { party: { name: 'Gemeente Oss', type: 'municipality' } } });
  });

  it('withdraw: withdrawn on the day the client withdrew, nothing due any more', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    expect(await w.act(w.people.handler, actions.withdrawAction, c.id, { withdrawnOn: daysAgo(1), reason: 'Het is opgelost in een gesprek.' })).toMatchObject(ok);
    const { view } = await seen(c);
    expect(view).toMatchObject({ status: 'withdrawn', open: false, outcome: null, routeOnward: null });
    expect(view.dates).toEqual([
      { key: 'received', date: c.receivedOn },
      { key: 'withdrawnOn', date: daysAgo(1) },
    ]);
    expect(view.timeline).toEqual([{ kind: 'withdrawn', on: daysAgo(1), reason: 'Het is opgelost in een gesprek.' }]);
  });

  it('not admissible: the ground, the reason and the route onward', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    const reason = 'Over deze klacht hebben wij in maart al besloten.';
    expect(await w.act(w.people.handler, actions.declareNotAdmissibleAction, c.id, { ground: 'handled_before', reason })).toMatchObject(ok);
    const { view } = await seen(c);
    expect(view).toMatchObject({ status: 'not_admissible', notAdmissible: { ground: 'handled_before', reason }, routeOnward: { party: null } });
    expect(view.dates).toContainEqual({ key: 'notHandledOn', date: today });
  });

  it('reopen: open again, the earlier outcome no longer stands, and the reason stays internal', async () => {
    const c = await w.complaint({ status: 'in_progress', copySentOn: daysAgo(5), hearingState: 'held', hearingOn: daysAgo(2) });
    expect(await w.act(w.people.handler, actions.resolveAction, c.id, { outcome: 'upheld', findings: FINDINGS, judgement: JUDGEMENT })).toMatchObject(ok);
    expect(await w.act(w.people.manager, actions.reopenAction, c.id, { reason: 'Interne controle vond een fout.' })).toMatchObject(ok);
    const { view } = await seen(c);
    expect(view).toMatchObject({ status: 'in_progress', open: true, outcome: null, routeOnward: null });
    expect(view.dates.map((d) => d.key)).toContain('decisionBy');
    expect(view.timeline.map((e) => e.kind)).toEqual(['outcome', 'reopened']);
    expect(JSON.stringify(view)).not.toContain('Interne controle');
  });
});
