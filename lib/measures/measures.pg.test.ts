import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOverdueMeasures, listMeasures, measureComplaints } from '@/db/measures';
import { categories, complaintMeasures, measureHistory, measures } from '@/db/schema';
import { type ActionResult, FORBIDDEN } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from '@/lib/complaints/steps/testing';
import { addCalendarDays } from '@/lib/procedure/dates';
import { DEFAULT_MEASURE_PARAMS } from './params';

/**
 * The measures register's server actions on a real PostgreSQL: success paths with their history rows, every refusal
 * writing nothing, optimistic locking, the append-only history, the list's filters, and the resolve step's history.
 */

let w: StepsWorld;
let actions: typeof import('./actions');
let steps: typeof import('@/lib/complaints/steps/actions');
let categoryIds: number[];

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
  steps = await import('@/lib/complaints/steps/actions');
  categoryIds = (await w.db.select({ id: categories.id }).from(categories).orderBy(asc(categories.id))).map((c) => c.id);
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const inAMonth = addCalendarDays(today, 30);
const as = <T>(who: { id: number } | null, action: (input: unknown) => Promise<ActionResult<T>>, input: unknown) => runAs(who?.id ?? null, () => action(input));
const invalid = (field: string, key: string) => ({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });

/** Everything the register's actions write, to prove that a refusal wrote nothing. */
async function fingerprint() {
  const [m] = await w.db.select({ n: count(), versions: sql<number>`coalesce(sum(${measures.version}), 0)`.mapWith(Number) }).from(measures);
  const [h] = await w.db.select({ n: count() }).from(measureHistory);
  const [l] = await w.db.select({ n: count() }).from(complaintMeasures);
  const rows = await w.db.select().from(measures).orderBy(asc(measures.id));
  return { measures: m, history: h!.n, links: l!.n, rows };
}

async function historyOf(id: number) {
  return w.db.select().from(measureHistory).where(eq(measureHistory.measureId, id)).orderBy(asc(measureHistory.id));
}
async function measureRow(id: number) {
  const [row] = await w.db.select().from(measures).where(eq(measures.id, id));
  return row!;
}

async function create(input: Record<string, unknown> = {}) {
  const result = await as(w.people.manager, actions.createMeasureAction, {
    description: 'Adviseurs bevestigen elke afspraak per sms',
    reason: 'Klanten wisten niet dat de afspraak verzet was',
    owner: 'Teamleider Oss',
    dueOn: inAMonth,
    categoryId: String(categoryIds[0]),
    ...input,
  });
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.data;
}

describe('create', () => {
  it('records a planned measure on its own, with a "created" history row naming every value', async () => {
    const { id, version } = await create();
    expect(version).toBe(1);
    expect(await measureRow(id)).toMatchObject({
      description: 'Adviseurs bevestigen elke afspraak per sms',
      reason: 'Klanten wisten niet dat de afspraak verzet was',
      owner: 'Teamleider Oss',
      dueOn: inAMonth,
      categoryId: categoryIds[0],
      status: 'planned',
      doneOn: null,
      droppedReason: null,
      version: 1,
      createdBy: w.people.manager.id,
    });
    const history = await historyOf(id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'created',
      actorUserId: w.people.manager.id,
      reason: null,
      details: {
        description: { from: null, to: 'Adviseurs bevestigen elke afspraak per sms' },
        reason: { from: null, to: 'Klanten wisten niet dat de afspraak verzet was' },
        owner: { from: null, to: 'Teamleider Oss' },
        dueOn: { from: null, to: inAMonth },
        categoryId: { from: null, to: categoryIds[0] },
        status: { from: null, to: 'planned' },
      },
    });
  });

  it('without a due date, reason or category', async () => {
    const { id } = await create({ reason: '', dueOn: '', categoryId: '' });
    expect(await measureRow(id)).toMatchObject({ reason: null, dueOn: null, categoryId: null });
  });

  it.each([
    ['a handler', () => w.people.handler, {}, FORBIDDEN],
    ['an admin', () => w.people.admin, {}, FORBIDDEN],
    ['nobody signed in', () => null, {}, FORBIDDEN],
    ['a deactivated manager', () => w.people.former, {}, FORBIDDEN],
    ['no description', () => w.people.manager, { description: '  ' }, invalid('description', 'required')],
    ['no owner', () => w.people.manager, { owner: '' }, invalid('owner', 'required')],
    ['an impossible due date', () => w.people.manager, { dueOn: '2026-02-30' }, invalid('dueOn', 'dateInvalid')],
    ['a due date in the past', () => w.people.manager, { dueOn: daysAgo(1) }, invalid('dueOn', 'dateInPast')],
    ['an unknown category', () => w.people.manager, { categoryId: '999999' }, invalid('categoryId', 'categoryUnknown')],
  ])('refuses %s and writes nothing', async (_name, who, input, expected) => {
    const before = await fingerprint();
    const result = await as(who(), actions.createMeasureAction, {
      description: 'Iets',
      owner: 'Iemand',
      dueOn: inAMonth,
      categoryId: '',
      ...input,
    });
    expect(result).toEqual(expected);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('edit', () => {
  it('changes what / why / owner / due date / category, raises the version and records exactly what changed', async () => {
    const { id } = await create();
    const later = addCalendarDays(today, 60);
    const result = await as(w.people.manager2, actions.updateMeasureAction, {
      measureId: id,
      version: 1,
      description: 'Adviseurs bevestigen elke afspraak per sms',
      reason: '',
      owner: 'Teamleider Den Bosch',
      dueOn: later,
      categoryId: String(categoryIds[1]),
    });
    expect(result).toEqual({ ok: true, data: { id, version: 2 } });
    expect(await measureRow(id)).toMatchObject({ owner: 'Teamleider Den Bosch', reason: null, dueOn: later, categoryId: categoryIds[1], version: 2 });
    const history = await historyOf(id);
    expect(history.at(-1)).toMatchObject({
      action: 'updated',
      actorUserId: w.people.manager2.id,
      details: {
        reason: { from: 'Klanten wisten niet dat de afspraak verzet was', to: null },
        owner: { from: 'Teamleider Oss', to: 'Teamleider Den Bosch' },
        dueOn: { from: inAMonth, to: later },
        categoryId: { from: categoryIds[0], to: categoryIds[1] },
      },
    });
  });

  it('keeps a due date that has passed when it is not changed (the measure is overdue), but will not move it into the past', async () => {
    const { id } = await create();
    await w.db.update(measures).set({ dueOn: daysAgo(3) }).where(eq(measures.id, id));
    const base = { measureId: id, version: 1, description: 'Anders verwoord', owner: 'Teamleider Oss', categoryId: String(categoryIds[0]) };
    const before = await fingerprint();
    expect(await as(w.people.manager, actions.updateMeasureAction, { ...base, dueOn: daysAgo(2) })).toEqual(invalid('dueOn', 'dateInPast'));
    expect(await fingerprint()).toEqual(before);
    expect(await as(w.people.manager, actions.updateMeasureAction, { ...base, dueOn: daysAgo(3) })).toMatchObject({ ok: true });
  });

  it('refuses a save that changes nothing, a stale version (naming who changed it and when), a measure that does not exist, and non-managers', async () => {
    const { id } = await create();
    const same = { measureId: id, description: 'Adviseurs bevestigen elke afspraak per sms', reason: 'Klanten wisten niet dat de afspraak verzet was', owner: 'Teamleider Oss', dueOn: inAMonth, categoryId: String(categoryIds[0]) };
    await as(w.people.manager2, actions.updateMeasureAction, { ...same, version: 1, owner: 'Kees' });
    const before = await fingerprint();

    expect(await as(w.people.manager, actions.updateMeasureAction, { ...same, version: 2, owner: 'Kees' })).toEqual(invalid('_form', 'nothingChanged'));
    const conflict = await as(w.people.manager, actions.updateMeasureAction, { ...same, version: 1, owner: 'Anders' });
    expect(conflict).toMatchObject({ ok: false, error: 'conflict', conflict: { by: 'Kees Visser' } });
    const last = (await historyOf(id)).at(-1)!;
    expect(!conflict.ok && conflict.conflict!.at).toBe(last.at.toISOString());
    expect(await as(w.people.manager, actions.updateMeasureAction, { ...same, measureId: 999999, version: 1 })).toEqual(invalid('_form', 'notFound'));
    expect(await as(w.people.handler, actions.updateMeasureAction, { ...same, version: 2, owner: 'X' })).toEqual(FORBIDDEN);
    expect(await as(w.people.admin, actions.updateMeasureAction, { ...same, version: 2, owner: 'X' })).toEqual(FORBIDDEN);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('status', () => {
  const change = (id: number, version: number, input: Record<string, unknown>) =>
    as(w.people.manager, actions.changeMeasureStatusAction, { measureId: id, version, doneOn: '', reason: '', ...input });

  it('planned → in progress → done with its day; reopened with a reason, which clears the day; history keeps every step', async () => {
    const { id } = await create();
    expect(await change(id, 1, { status: 'in_progress' })).toEqual({ ok: true, data: { id, version: 2 } });
    expect(await change(id, 2, { status: 'done', doneOn: daysAgo(1) })).toEqual({ ok: true, data: { id, version: 3 } });
    expect(await measureRow(id)).toMatchObject({ status: 'done', doneOn: daysAgo(1), droppedReason: null });
    expect(await change(id, 3, { status: 'in_progress', reason: 'Er komen nog steeds klachten over' })).toMatchObject({ ok: true });
    expect(await measureRow(id)).toMatchObject({ status: 'in_progress', doneOn: null, version: 4 });

    const history = (await historyOf(id)).map((h) => ({ action: h.action, reason: h.reason, details: h.details }));
    expect(history.slice(1)).toEqual([
      { action: 'status_changed', reason: null, details: { status: { from: 'planned', to: 'in_progress' } } },
      { action: 'status_changed', reason: null, details: { status: { from: 'in_progress', to: 'done' }, doneOn: { from: null, to: daysAgo(1) } } },
      {
        action: 'status_changed',
        reason: 'Er komen nog steeds klachten over',
        details: { status: { from: 'done', to: 'in_progress' }, doneOn: { from: daysAgo(1), to: null } },
      },
    ]);
  });

  it('dropped with its reason; reopening clears the reason from the row, the history keeps it', async () => {
    const { id } = await create();
    expect(await change(id, 1, { status: 'dropped', reason: 'De werkwijze is landelijk veranderd' })).toMatchObject({ ok: true });
    expect(await measureRow(id)).toMatchObject({ status: 'dropped', droppedReason: 'De werkwijze is landelijk veranderd', doneOn: null });
    expect(await change(id, 2, { status: 'planned', reason: 'Toch nodig' })).toMatchObject({ ok: true });
    expect(await measureRow(id)).toMatchObject({ status: 'planned', droppedReason: null });
    expect((await historyOf(id)).at(-1)).toMatchObject({
      reason: 'Toch nodig',
      details: { status: { from: 'dropped', to: 'planned' }, droppedReason: { from: 'De werkwijze is landelijk veranderd', to: null } },
    });
  });

  it.each([
    ['done without a day', 'planned', { status: 'done' }, invalid('doneOn', 'required')],
    ['done in the future', 'planned', { status: 'done', doneOn: addCalendarDays(today, 1) }, invalid('doneOn', 'doneInFuture')],
    ['dropped without a reason', 'in_progress', { status: 'dropped', reason: ' ' }, invalid('reason', 'reasonRequired')],
    ['reopened without a reason', 'done', { status: 'planned' }, invalid('reason', 'reasonRequired')],
    ['done straight to dropped', 'done', { status: 'dropped', reason: 'x' }, invalid('status', 'measureStatusNotAllowed')],
    ['the same status', 'planned', { status: 'planned' }, invalid('status', 'statusUnchanged')],
    ['an unknown status', 'planned', { status: 'finished' }, invalid('status', 'choose')],
  ])('refuses %s and writes nothing', async (_name, from, input, expected) => {
    const { id } = await create();
    if (from !== 'planned') {
      const extra = from === 'done' ? { doneOn: today } : {};
      await w.db.update(measures).set({ status: from as 'done' | 'in_progress', ...extra }).where(eq(measures.id, id));
    }
    const before = await fingerprint();
    expect(await change(id, 1, input)).toEqual(expected);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a stale version and non-managers, writing nothing', async () => {
    const { id } = await create();
    await change(id, 1, { status: 'in_progress' });
    const before = await fingerprint();
    expect(await change(id, 1, { status: 'done', doneOn: today })).toMatchObject({ ok: false, error: 'conflict', conflict: { by: 'Marloes van den Berg' } });
    expect(await as(w.people.handler, actions.changeMeasureStatusAction, { measureId: id, version: 2, status: 'planned' })).toEqual(FORBIDDEN);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('linking complaints', () => {
  it('links by reference (typed loosely), unlinks, and records both with the reference', async () => {
    const { id } = await create();
    // A reference as the app writes them; typed in lower case with spaces around it.
    const complaint = await w.complaint({ reference: `KL-2026-${String(Math.floor(Math.random() * 90_000) + 10_000)}` });
    const typed = ` ${complaint.reference.toLowerCase()} `;
    expect(await as(w.people.manager, actions.linkComplaintAction, { measureId: id, version: 1, reference: typed })).toEqual({ ok: true, data: { id, version: 2 } });
    expect((await measureComplaints(w.db, id)).map((c) => c.reference)).toEqual([complaint.reference]);
    expect(await as(w.people.manager, actions.unlinkComplaintAction, { measureId: id, version: 2, complaintId: complaint.id })).toMatchObject({ ok: true });
    expect(await measureComplaints(w.db, id)).toEqual([]);
    expect((await historyOf(id)).slice(1).map((h) => [h.action, h.details])).toEqual([
      ['linked', { complaintId: complaint.id, reference: complaint.reference }],
      ['unlinked', { complaintId: complaint.id, reference: complaint.reference }],
    ]);
  });

  it('refuses an unknown reference, a complaint already linked, unlinking one that is not linked, a stale version and non-managers', async () => {
    const { id } = await create();
    const complaint = await w.complaint();
    await as(w.people.manager, actions.linkComplaintAction, { measureId: id, version: 1, reference: complaint.reference });
    const other = await w.complaint();
    const before = await fingerprint();
    const link = (input: Record<string, unknown>, who: { id: number } = w.people.manager) => as(who, actions.linkComplaintAction, { measureId: id, version: 2, ...input });
    expect(await link({ reference: 'KL-2099-9999' })).toEqual(invalid('reference', 'complaintUnknown'));
    expect(await link({ reference: 'geen referentie' })).toEqual(invalid('reference', 'complaintUnknown'));
    expect(await link({ reference: '' })).toEqual(invalid('reference', 'required'));
    expect(await link({ reference: complaint.reference })).toEqual(invalid('reference', 'alreadyLinked'));
    expect(await link({ reference: other.reference, version: 1 })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await link({ reference: other.reference }, w.people.handler)).toEqual(FORBIDDEN);
    expect(await link({ reference: other.reference }, w.people.admin)).toEqual(FORBIDDEN);
    expect(await as(w.people.manager, actions.unlinkComplaintAction, { measureId: id, version: 2, complaintId: other.id })).toEqual(invalid('_form', 'notLinked'));
    expect(await as(w.people.admin, actions.unlinkComplaintAction, { measureId: id, version: 2, complaintId: complaint.id })).toEqual(FORBIDDEN);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('the history is append-only', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on measure_history', async () => {
    const { id } = await create();
    await expect(w.db.update(measureHistory).set({ reason: 'vervalst' }).where(eq(measureHistory.measureId, id))).rejects.toThrow();
    await expect(w.db.delete(measureHistory).where(eq(measureHistory.measureId, id))).rejects.toThrow();
    await expect(w.db.execute(sql`truncate measure_history cascade`)).rejects.toThrow();
    const rows = await historyOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toBeNull();
  });

  it('the redaction the anonymiser may do on complaint_history (klachtloket.redact) does not open measure_history', async () => {
    const { id } = await create();
    const attempt = w.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('klachtloket.redact', 'on', true)`);
      await tx.update(measureHistory).set({ reason: null, details: null }).where(eq(measureHistory.measureId, id));
    });
    await expect(attempt).rejects.toSatisfy((e: Error & { cause?: Error }) => /is append-only: UPDATE/.test(String(e.cause?.message ?? e.message)));
    expect(await historyOf(id)).toHaveLength(1);
  });
});

describe('the resolve step writes the measures history', () => {
  it('"created" for each new measure and "linked" for every link, in its transaction; linking an existing measure raises its version', async () => {
    const existing = await create({ description: 'Bestaande maatregel over bereikbaarheid' });
    const c = await w.complaint({ status: 'in_progress', copySentOn: daysAgo(5), hearingState: 'held', hearingOn: daysAgo(2) });
    const result = await w.act(w.people.handler, steps.resolveAction, c.id, {
      outcome: 'upheld',
      findings: 'De adviseur was niet bereikbaar.',
      judgement: 'Dat had niet mogen gebeuren.',
      measures: [{ description: 'Terugbelgarantie binnen een dag', owner: 'Teamleider Oss', dueOn: inAMonth, status: 'planned' }],
      linkMeasureIds: [existing.id],
    });
    expect(result).toMatchObject({ ok: true });
    const [link] = await w.db.select().from(complaintMeasures).where(eq(complaintMeasures.measureId, existing.id));
    expect(link?.complaintId).toBe(c.id);
    expect(await measureRow(existing.id)).toMatchObject({ version: 2 });
    expect((await historyOf(existing.id)).at(-1)).toMatchObject({ action: 'linked', actorUserId: w.people.handler.id, details: { complaintId: c.id, reference: c.reference } });

    const [created] = await w.db.select().from(measures).where(eq(measures.description, 'Terugbelgarantie binnen een dag'));
    expect(created).toMatchObject({ version: 1, categoryId: c.categoryId });
    expect((await historyOf(created!.id)).map((h) => [h.action, h.actorUserId, h.details])).toEqual([
      [
        'created',
        w.people.handler.id,
        {
          description: { from: null, to: 'Terugbelgarantie binnen een dag' },
          owner: { from: null, to: 'Teamleider Oss' },
          dueOn: { from: null, to: inAMonth },
          categoryId: { from: null, to: c.categoryId },
          status: { from: null, to: 'planned' },
        },
      ],
      ['linked', w.people.handler.id, { complaintId: c.id, reference: c.reference }],
    ]);
  });
});

describe('the list', () => {
  it('filters by status, category, owner, overdue and search, and counts the overdue ones', async () => {
    const tag = `Zoekterm${Date.now()}`;
    const a = await create({ description: `${tag} alfa`, owner: 'Eigenaar A', categoryId: String(categoryIds[2]) });
    const b = await create({ description: `${tag} beta`, owner: 'Eigenaar B', categoryId: '' });
    const c = await create({ description: `${tag} gamma`, owner: 'Eigenaar B', categoryId: String(categoryIds[2]) });
    await w.db.update(measures).set({ dueOn: daysAgo(5) }).where(eq(measures.id, a.id));
    await w.db.update(measures).set({ dueOn: daysAgo(5), status: 'done', doneOn: daysAgo(1) }).where(eq(measures.id, c.id));
    const ids = async (params: Partial<typeof DEFAULT_MEASURE_PARAMS>) =>
      (await listMeasures(w.db, { ...DEFAULT_MEASURE_PARAMS, q: tag, ...params }, today)).rows.map((r) => r.id).sort((x, y) => x - y);

    expect(await ids({})).toEqual([a.id, b.id, c.id]);
    expect(await ids({ status: 'open' })).toEqual([a.id, b.id]);
    expect(await ids({ status: 'done' })).toEqual([c.id]);
    expect(await ids({ category: categoryIds[2]! })).toEqual([a.id, c.id]);
    expect(await ids({ category: 'none' })).toEqual([b.id]);
    expect(await ids({ owner: 'Eigenaar B' })).toEqual([b.id, c.id]);
    expect(await ids({ overdue: true })).toEqual([a.id]);
    expect(await ids({ q: 'Eigenaar A' })).toEqual([a.id]);
    expect(await ids({ q: `${tag} be` })).toEqual([b.id]);
    expect(await ids({ q: '100%_' })).toEqual([]);

    const overdueIds = (await listMeasures(w.db, { ...DEFAULT_MEASURE_PARAMS, overdue: true }, today)).rows.map((r) => r.id);
    expect(await countOverdueMeasures(w.db, today)).toBe(overdueIds.length);
    expect(overdueIds).toContain(a.id);
  });
});

