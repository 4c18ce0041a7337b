import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakOutbox, tryRewriteHistory } from '@/db/fixtures';
import { complaintInvolved, complaints } from '@/db/schema';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { daysAgo, setUpStepsWorld, type StepsWorld } from './testing';

/** Acknowledge, withdraw, assignment and involvement, optimistic locking and the database guards: real actions on PostgreSQL. */

let w: StepsWorld;
let actions: typeof import('./actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
});
afterAll(async () => {
  await w?.close();
});

describe('acknowledge', () => {
  it('moves a received complaint on, queues the acknowledgement with a working status link, and writes the history', async () => {
    const c = await w.complaint({ status: 'received' });
    const result = await w.act(w.people.handler, actions.acknowledgeAction, c.id);
    expect(result).toMatchObject({ ok: true, data: { status: 'acknowledged', version: c.version + 1, warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.status).toBe('acknowledged');
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ action: 'acknowledged', fromStatus: 'received', toStatus: 'acknowledged', actorUserId: w.people.handler.id });
    expect(after.outbox).toHaveLength(1);
    expect(after.outbox[0]).toMatchObject({ kind: 'acknowledgement', medium: 'email', recipient: 'henk@example.nl' });
    expect(after.outbox[0]!.bodyText).toContain(c.reference);
    expect(after.outbox[0]!.bodyText).toContain('recht om gehoord te worden');
    // The link in the letter opens this complaint: its token hashes to the stored hash.
    const token = /\/status\/([A-Za-z0-9_-]{43})/.exec(after.outbox[0]!.bodyText)?.[1];
    const { hashToken } = await import('@/lib/server/tokens');
    expect(hashToken(token!)).toBe(after.complaint.statusTokenHash);
  });

  it('sends a letter by post to a client without e-mail, and warns when the two weeks have passed', async () => {
    const c = await w.complaint({
      status: 'received',
      receivedOn: daysAgo(20),
      complainantEmail: null,
      addressStreet: 'Kerkstraat 12',
      addressPostcode: '5341 AB',
      addressCity: 'Oss',
    });
    const result = await w.act(w.people.handler, actions.acknowledgeAction, c.id);
    expect(result).toMatchObject({ ok: true, data: { warnings: ['acknowledgementLate'] } });
    const after = await w.snapshot(c.id);
    expect(after.outbox[0]).toMatchObject({ medium: 'post', recipient: 'Henk de Jong\nKerkstraat 12\n5341 AB Oss' });
    expect(after.history[0]!.details).toMatchObject({ late: true, medium: 'post' });
  });

  it('is refused twice, and for an admin, leaving everything as it was', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.acknowledgeAction, c.id)).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['stepNotAllowed'] } });
    expect(await w.act(w.people.admin, actions.acknowledgeAction, c.id)).toEqual(FORBIDDEN);
    expect(await w.act(null, actions.acknowledgeAction, c.id)).toEqual(FORBIDDEN);
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('is not possible on a complaint of another handler: it does not exist for them', async () => {
    const c = await w.complaint({ status: 'received', handlerId: w.people.handler2.id });
    expect(await w.act(w.people.handler, actions.acknowledgeAction, c.id)).toEqual(FORBIDDEN);
    expect(await w.act(w.people.handler, actions.acknowledgeAction, 999_999)).toEqual(FORBIDDEN);
  });

  it('rejects malformed input without touching anything', async () => {
    const c = await w.complaint({ status: 'received' });
    const before = await w.snapshot(c.id);
    const { runAs } = await import('@/lib/auth/actor');
    for (const input of [null, 'x', { complaintId: c.id }, { complaintId: 'abc', version: 1 }, { complaintId: c.id, version: -1 }]) {
      const result = await runAs(w.people.handler.id, () => actions.acknowledgeAction(input));
      expect(result).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(await w.snapshot(c.id)).toEqual(before);
  });
});

describe('optimistic locking', () => {
  it('refuses a step on an old version with who changed it and when, and writes nothing', async () => {
    const c = await w.complaint({ status: 'received' });
    expect(await w.act(w.people.manager, actions.acknowledgeAction, c.id, { version: c.version })).toMatchObject({ ok: true });
    const before = await w.snapshot(c.id);
    const stale = await w.act(w.people.handler, actions.withdrawAction, c.id, { version: c.version, withdrawnOn: daysAgo(0), reason: 'Klager belde' });
    expect(stale).toMatchObject({ ok: false, error: 'conflict', fieldErrors: { _form: ['conflict'] }, conflict: { by: 'Marloes van den Berg' } });
    if (!stale.ok) expect(new Date(stale.conflict!.at).getTime()).toBe(before.history.at(-1)!.at.getTime());
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent steps on the same version win; the other gets the conflict and nothing is lost', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    const [a, b] = await Promise.all([
      w.act(w.people.handler, actions.withdrawAction, c.id, { version: c.version, withdrawnOn: daysAgo(0), reason: 'Opgelost in een gesprek' }),
      w.act(w.people.manager, actions.assignAction, c.id, { version: c.version, handlerId: w.people.handler2.id }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === 'conflict')).toHaveLength(1);
    const after = await w.snapshot(c.id);
    expect(after.complaint.version).toBe(c.version + 1);
    expect(after.history).toHaveLength(1);
    expect(after.history[0]!.action).toBe(a.ok ? 'withdrawn' : 'assigned');
  });
});

describe('assign, with the conflict-of-interest rule', () => {
  it('lets a manager assign a handler who is not involved', async () => {
    const c = await w.complaint({ status: 'acknowledged', handlerId: null });
    const result = await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: String(w.people.handler2.id) });
    expect(result).toMatchObject({ ok: true, data: { status: 'acknowledged' } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.handlerId).toBe(w.people.handler2.id);
    expect(after.history[0]).toMatchObject({ action: 'assigned', details: { handlerId: w.people.handler2.id, handlerName: 'Thijs Bakker' } });
  });

  it('refuses to assign the adviser the complaint is about, naming the reason, and changes nothing', async () => {
    const c = await w.complaint({ status: 'acknowledged', handlerId: null, involved: [{ staffId: w.ids.adviserOfHandler.id }] });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: w.people.adviserHandler.id })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { handlerId: ['handlerInvolved'] },
    });
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it.each([
    ['a handler', 'handler', 'forbidden'],
    ['an admin', 'admin', 'forbidden'],
  ] as const)('is refused for %s', async (_, who, error) => {
    const c = await w.complaint({ status: 'acknowledged' });
    expect(await w.act(w.people[who], actions.assignAction, c.id, { handlerId: w.people.handler2.id })).toMatchObject({ ok: false, error });
  });

  it.each([
    ['an inactive user', 'former', 'handlerUnknown'],
    ['an admin', 'admin', 'handlerUnknown'],
    ['the current handler', 'handler', 'alreadyHandler'],
  ] as const)('refuses %s as handler', async (_, who, key) => {
    const c = await w.complaint({ status: 'acknowledged' });
    expect(await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: w.people[who].id })).toEqual({ ok: false, error: 'invalid', fieldErrors: { handlerId: [key] } });
  });

  it('is refused on a closed complaint', async () => {
    const c = await w.complaint({ status: 'withdrawn' });
    expect(await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: w.people.handler2.id })).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['stepNotAllowed'] } });
  });
});

describe('involvement after assignment blocks the complaint until it is reassigned', () => {
  it('records the involvement, then refuses every step but reassignment, and a reassignment lifts the block', async () => {
    const c = await w.complaint({ status: 'acknowledged', handlerId: w.people.adviserHandler.id });
    const added = await w.act(w.people.manager, actions.addInvolvedAction, c.id, { staffId: String(w.ids.adviserOfHandler.id), involvement: 'other' });
    expect(added).toMatchObject({ ok: true, data: { warnings: ['handlerNowInvolved'] } });

    const blocked = await w.snapshot(c.id);
    expect(await w.act(w.people.adviserHandler, actions.withdrawAction, c.id, { withdrawnOn: daysAgo(0), reason: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { _form: ['actorInvolved'] },
    });
    expect(await w.act(w.people.manager, actions.withdrawAction, c.id, { withdrawnOn: daysAgo(0), reason: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { _form: ['complaintBlocked'] },
    });
    expect(await w.act(w.people.manager, actions.removeInvolvedAction, c.id, { involvedId: blocked.involved.at(-1)!.id, reason: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { _form: ['complaintBlocked'] },
    });
    expect(await w.snapshot(c.id)).toEqual(blocked);

    expect(await w.act(w.people.manager, actions.assignAction, c.id, { handlerId: w.people.handler.id })).toMatchObject({ ok: true });
    expect(await w.act(w.people.handler, actions.withdrawAction, c.id, { withdrawnOn: daysAgo(0), reason: 'Klager trok de klacht in' })).toMatchObject({
      ok: true,
      data: { status: 'withdrawn' },
    });
  });

  it('lets the involved handler recuse themself with a reason', async () => {
    const c = await w.complaint({ status: 'in_progress', handlerId: w.people.adviserHandler.id, involved: [] });
    await w.act(w.people.manager, actions.addInvolvedAction, c.id, { staffId: String(w.ids.adviserOfHandler.id), involvement: 'subject' });
    expect(await w.act(w.people.adviserHandler, actions.recuseAction, c.id, { reason: '' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { reason: ['required'] } });
    const result = await w.act(w.people.adviserHandler, actions.recuseAction, c.id, { reason: 'De klacht gaat over mijn eigen begeleiding.' });
    expect(result).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.handlerId).toBeNull();
    expect(after.history.at(-1)).toMatchObject({ action: 'recused', reason: 'De klacht gaat over mijn eigen begeleiding.' });
  });

  it('adds a person by name, refuses a duplicate or an unknown adviser, and removes with a reason', async () => {
    const c = await w.complaint({ status: 'acknowledged' });
    expect(await w.act(w.people.handler, actions.addInvolvedAction, c.id, { staffId: String(w.ids.adviser.id), involvement: 'other' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { staffId: ['alreadyInvolved'] },
    });
    expect(await w.act(w.people.handler, actions.addInvolvedAction, c.id, { staffId: String(w.ids.inactiveAdviser.id), involvement: 'other' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { staffId: ['staffUnknown'] },
    });
    expect(await w.act(w.people.handler, actions.addInvolvedAction, c.id, { involvement: 'other' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { staffId: ['involvedRequired'] },
    });
    expect(await w.act(w.people.handler, actions.addInvolvedAction, c.id, { name: 'De receptioniste', involvement: 'other' })).toMatchObject({ ok: true });
    const withTwo = await w.snapshot(c.id);
    expect(withTwo.involved.map((p) => p.name)).toEqual(['Sanne de Vries', 'De receptioniste']);
    const removed = await w.act(w.people.handler, actions.removeInvolvedAction, c.id, { involvedId: withTwo.involved[1]!.id, reason: 'Per ongeluk toegevoegd' });
    expect(removed).toMatchObject({ ok: true });
    const after = await w.snapshot(c.id);
    expect(after.involved.map((p) => p.name)).toEqual(['Sanne de Vries']);
    expect(after.history.map((h) => h.action)).toEqual(['involved_added', 'involved_removed']);
  });
});

describe('the database guards, bypassing the actions', () => {
  it('refuses to make an involved user the handler', async () => {
    const c = await w.complaint({ status: 'acknowledged', handlerId: null, involved: [{ staffId: w.ids.adviserOfHandler.id }] });
    await expect(w.db.update(complaints).set({ handlerId: w.people.adviserHandler.id }).where(eq(complaints.id, c.id))).rejects.toThrow();
    const [row] = await w.db.select({ handlerId: complaints.handlerId }).from(complaints).where(eq(complaints.id, c.id));
    expect(row!.handlerId).toBeNull();
  });

  it('refuses a status change while the handler is involved, but allows the reassignment', async () => {
    const c = await w.complaint({ status: 'acknowledged', handlerId: w.people.adviserHandler.id, involved: [] });
    await w.db.insert(complaintInvolved).values({ complaintId: c.id, staffId: w.ids.adviserOfHandler.id, name: 'Fatima El Amrani', involvement: 'other' });
    await expect(w.db.update(complaints).set({ status: 'in_progress' }).where(eq(complaints.id, c.id))).rejects.toThrow();
    await w.db.update(complaints).set({ handlerId: w.people.handler.id }).where(eq(complaints.id, c.id));
    await w.db.update(complaints).set({ status: 'in_progress' }).where(eq(complaints.id, c.id));
    const [row] = await w.db.select({ status: complaints.status }).from(complaints).where(eq(complaints.id, c.id));
    expect(row!.status).toBe('in_progress');
  });

  it('keeps the history append-only', async () => {
    const c = await w.complaint({ status: 'received' });
    await w.act(w.people.handler, actions.acknowledgeAction, c.id);
    expect(await tryRewriteHistory(w.db, 'update')).toMatch(/append-only/);
    expect(await tryRewriteHistory(w.db, 'delete')).toMatch(/append-only/);
    await expect(w.db.execute(sql`truncate complaint_history cascade`)).rejects.toThrow();
  });

  it('rolls the whole step back when its mail cannot be queued', async () => {
    const c = await w.complaint({ status: 'received' });
    const before = await w.snapshot(c.id);
    await breakOutbox(w.db, true);
    try {
      expect(await w.act(w.people.handler, actions.acknowledgeAction, c.id)).toMatchObject({ ok: false, error: 'unavailable' });
    } finally {
      await breakOutbox(w.db, false);
    }
    expect(await w.snapshot(c.id)).toEqual(before);
  });
});
