import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, users } from '@/db/schema';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { reactionDeadline } from '@/lib/procedure/satisfaction';
import { hashToken } from '@/lib/server/tokens';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from './testing';

/**
 * The client's judgement of the outcome and the forward request, through the real actions on PostgreSQL: the status
 * token is the authority, the client is the actor, and each step writes the row, its history and the mail to the
 * handler in one transaction (or nothing at all).
 */

let w: StepsWorld;
let steps: typeof import('./satisfaction');
let clientActions: typeof import('../client-actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  steps = await import('./satisfaction');
  clientActions = await import('../client-actions');
});
afterAll(async () => {
  await w?.close();
});

const refused = (key: string) => ({ ok: false, error: 'invalid', fieldErrors: { _form: [key] } });

/** A resolved complaint (outcome `days` ago) with a status link the test knows. */
async function resolved(overrides: Parameters<StepsWorld['complaint']>[0] = {}, days = 3) {
  const token = randomBytes(32).toString('base64url');
  const c = await w.complaint({ status: 'resolved', resolvedOn: daysAgo(days), statusTokenHash: hashToken(token), contractingPartyId: w.ids.party.id, ...overrides });
  return { c, token };
}

describe('judgeOutcome', () => {
  it('records "satisfied" once: the row, the history as the client, no mail; the same again is refused', async () => {
    const { c, token } = await resolved();
    expect(await steps.judgeOutcome({ token, satisfied: 'yes' })).toEqual({ ok: true, data: { status: 'resolved' } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'resolved', clientSatisfied: true, forwardRequestedAt: null, version: c.version + 1 });
    expect(after.complaint.satisfactionAt).toBeInstanceOf(Date);
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      action: 'satisfaction_given',
      actorUserId: null,
      actorLabel: 'client',
      fromStatus: 'resolved',
      toStatus: 'resolved',
      details: { satisfied: true },
    });
    expect(after.outbox).toEqual([]);

    expect(await steps.judgeOutcome({ token, satisfied: 'yes' })).toEqual(refused('satisfactionUnchanged'));
    expect(await w.snapshot(c.id)).toEqual(after);
  });

  it('"not satisfied" tells the handler by mail, in the same transaction; changing it within the term is recorded with the earlier one', async () => {
    const { c, token } = await resolved();
    expect(await steps.judgeOutcome({ token, satisfied: 'yes' })).toMatchObject({ ok: true });
    expect(await steps.judgeOutcome({ token, satisfied: 'no' })).toMatchObject({ ok: true });
    const after = await w.snapshot(c.id);
    expect(after.complaint.clientSatisfied).toBe(false);
    expect(after.history.map((h) => h.details)).toEqual([{ satisfied: true }, { satisfied: false, previousSatisfied: true }]);
    expect(after.outbox).toHaveLength(1);
    expect(after.outbox[0]).toMatchObject({ kind: 'client_dissatisfied', medium: 'email', recipient: 'h1@test', status: 'pending' });
    expect(after.outbox[0]!.subject).toBe(`Klacht ${c.reference}: de klager is niet tevreden over het besluit`);
    expect(after.outbox[0]!.bodyText).toContain('Beste Sanne Jansen,');
    expect(after.outbox[0]!.bodyText).toContain('Eerder gaf de klager aan wel tevreden te zijn.');
    expect(after.outbox[0]!.bodyText).toContain(`/beheer/klachten/${c.id}`);
    // Back to satisfied, still within the term.
    expect(await steps.judgeOutcome({ token, satisfied: 'yes' })).toMatchObject({ ok: true });
    expect((await w.snapshot(c.id)).complaint.clientSatisfied).toBe(true);
  });

  it('is refused after the term, before the outcome, and after the escalation; nothing is written', async () => {
    const late = await resolved({}, 29);
    expect(reactionDeadline(daysAgo(29)) < today).toBe(true);
    const lastDay = await resolved({}, 28);
    const open = await resolved({ status: 'in_progress', resolvedOn: null, contractingPartyId: null });
    const escalated = await resolved({ status: 'escalated' });
    for (const [{ c, token }, key] of [
      [late, 'reactionTermPassed'],
      [open, 'stepNotAllowed'],
      [escalated, 'stepNotAllowed'],
    ] as const) {
      const before = await w.snapshot(c.id);
      expect(await steps.judgeOutcome({ token, satisfied: 'no' })).toEqual(refused(key));
      expect(await w.snapshot(c.id)).toEqual(before);
    }
    expect(await steps.judgeOutcome({ token: lastDay.token, satisfied: 'no' })).toMatchObject({ ok: true });
  });

  it('refuses an unknown or malformed token like a complaint one may not see, and bad input as invalid', async () => {
    expect(await steps.judgeOutcome({ token: randomBytes(32).toString('base64url'), satisfied: 'yes' })).toEqual(FORBIDDEN);
    expect(await steps.judgeOutcome({ token: 'x'.repeat(43), satisfied: 'yes' })).toEqual(FORBIDDEN);
    expect(await steps.judgeOutcome({ token: '../../etc', satisfied: 'yes' })).toMatchObject({ ok: false, error: 'invalid' });
    const { token } = await resolved();
    expect(await steps.judgeOutcome({ token, satisfied: 'maybe' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { satisfied: ['invalid'] } });
    expect(await steps.judgeOutcome({ token })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('without a handler (or with a deactivated one) tells every active quality manager', async () => {
    const { c, token } = await resolved({ handlerId: null });
    expect(await steps.judgeOutcome({ token, satisfied: 'no' })).toMatchObject({ ok: true });
    expect((await w.snapshot(c.id)).outbox.map((m) => m.recipient).sort()).toEqual(['m2@test', 'm@test']);
  });

  it('rolls back the judgement and its history when the mail cannot be written (one transaction)', async () => {
    const { c, token } = await resolved();
    const before = await w.snapshot(c.id);
    // The outbox refuses the handler's mail (for new rows only): the whole step must roll back, judgement and history too.
    await w.db.execute(`alter table outbox add constraint test_no_handler_mail check (kind <> 'client_dissatisfied') not valid` as never);
    try {
      expect(await steps.judgeOutcome({ token, satisfied: 'no' })).toMatchObject({ ok: false, error: 'unavailable' });
    } finally {
      await w.db.execute(`alter table outbox drop constraint test_no_handler_mail` as never);
    }
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('is cleared by a reopen, with the outcome it was about (the history keeps it)', async () => {
    const { c, token } = await resolved();
    await steps.judgeOutcome({ token, satisfied: 'no' });
    await steps.requestForward({ token });
    const actions = await import('./actions');
    expect(await w.act(w.people.manager, actions.reopenAction, c.id, { reason: 'De klager belde: er is nieuwe informatie.' })).toMatchObject({ ok: true });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'in_progress', outcome: null, clientSatisfied: null, satisfactionAt: null, forwardRequestedAt: null });
    expect(after.history.map((h) => h.action)).toEqual(['satisfaction_given', 'forward_requested', 'reopened']);
  });
});

describe('requestForward', () => {
  it('after "not satisfied": recorded once with the party, the handler gets a mail naming it; the judgement is then fixed', async () => {
    const { c, token } = await resolved();
    expect(await steps.requestForward({ token })).toEqual(refused('notDissatisfied'));
    await steps.judgeOutcome({ token, satisfied: 'no' });
    expect(await steps.requestForward({ token })).toEqual({ ok: true, data: { status: 'resolved' } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.status).toBe('resolved');
    expect(after.complaint.forwardRequestedAt).toBeInstanceOf(Date);
    expect(after.history.at(-1)).toMatchObject({ action: 'forward_requested', actorLabel: 'client', details: { contractingPartyName: 'Gemeente Oss' } });
    const mail = after.outbox.at(-1)!;
    expect(mail).toMatchObject({ kind: 'forward_request', recipient: 'h1@test' });
    expect(mail.subject).toBe(`Klacht ${c.reference}: de klager vraagt de klacht door te sturen naar de opdrachtgever`);
    expect(mail.bodyText).toContain('de klacht naar Gemeente Oss door te sturen.');

    expect(await steps.requestForward({ token })).toEqual(refused('forwardAlreadyRequested'));
    expect(await steps.judgeOutcome({ token, satisfied: 'yes' })).toEqual(refused('forwardAlreadyRequested'));
    expect(await w.snapshot(c.id)).toEqual(after);
  });

  it('without a linked party the mail says to choose one; refused for an outcome resolved to satisfaction', async () => {
    const unlinked = await resolved({ contractingPartyId: null });
    await steps.judgeOutcome({ token: unlinked.token, satisfied: 'no' });
    expect(await steps.requestForward({ token: unlinked.token })).toMatchObject({ ok: true });
    expect((await w.snapshot(unlinked.c.id)).outbox.at(-1)!.bodyText).toContain('Er is nog geen opdrachtgever aan de klacht gekoppeld.');

    const solved = await resolved({ outcome: 'resolved_to_satisfaction' });
    await steps.judgeOutcome({ token: solved.token, satisfied: 'no' });
    expect(await steps.requestForward({ token: solved.token })).toEqual(refused('resolvedToSatisfaction'));
  });

  it('then the handler escalates with the existing step', async () => {
    const { c, token } = await resolved();
    await steps.judgeOutcome({ token, satisfied: 'no' });
    await steps.requestForward({ token });
    const actions = await import('./actions');
    const result = await w.act(w.people.handler, actions.escalateAction, c.id, {
      contractingPartyId: w.ids.party.id,
      dissatisfaction: 'De klager vindt dat de adviseur geen excuses heeft aangeboden.',
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'escalated' } });
    // The judgement stays with the escalated complaint; the client can no longer change it.
    expect((await w.snapshot(c.id)).complaint).toMatchObject({ status: 'escalated', clientSatisfied: false });
    expect(await steps.judgeOutcome({ token, satisfied: 'yes' })).toEqual(refused('stepNotAllowed'));
  });
});

describe('the status page form actions', () => {
  it('run the step and go back to the status page with the result', async () => {
    const { c, token } = await resolved();
    const form = (values: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(values)) data.set(k, v);
      return data;
    };
    const redirectOf = async (run: Promise<unknown>) => {
      try {
        await run;
      } catch (error) {
        return String((error as { digest?: string }).digest ?? error);
      }
      return 'no redirect';
    };
    expect(await redirectOf(clientActions.judgeOutcomeAction(form({ token, locale: 'en', satisfied: 'no' })))).toContain(
      `/en/status/${token}?reactie=ok#oordeel`,
    );
    expect(await redirectOf(clientActions.requestForwardAction(form({ token, locale: 'nl' })))).toContain(`/status/${token}?reactie=ok#oordeel`);
    expect(await redirectOf(clientActions.requestForwardAction(form({ token, locale: 'nl' })))).toContain('?reactie=forwardAlreadyRequested');
    const [row] = await w.db.select({ s: complaints.clientSatisfied }).from(complaints).where(eq(complaints.id, c.id));
    expect(row!.s).toBe(false);
  });
});

describe('a deactivated handler', () => {
  it('is not mailed: the quality managers are', async () => {
    const { c, token } = await resolved({ handlerId: w.people.former.id });
    await steps.judgeOutcome({ token, satisfied: 'no' });
    const [former] = await w.db.select({ active: users.active }).from(users).where(eq(users.id, w.people.former.id));
    expect(former!.active).toBe(false);
    expect((await w.snapshot(c.id)).outbox.map((m) => m.recipient).sort()).toEqual(['m2@test', 'm@test']);
  });
});
