import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSeeComplaint } from '@/lib/auth/policy';
import { DEFAULT_PARAMS, type InboxParams, type OverdueFilter, STATUS_PRESETS } from '@/lib/inbox/params';
import { deadlineOf } from '@/lib/inbox/view';
import { amsterdamDate, compareIsoDates } from '@/lib/procedure/dates';
import { CLOCKS, type Clock, deadlineState, dueDateOf, runningClocks } from '@/lib/procedure/deadlines';
import { OPEN_STATUSES, STATUSES, type Status } from '@/lib/procedure/vocabulary';
import type { Db } from './client';
import type { InboxActor, InboxRecord } from './inbox';
import { categories, complaints, users } from './schema';
import { migratedThrowawayDatabase } from './testing';

// The inbox queries against real PostgreSQL with the demo data, checked against the rules in lib/: who sees what
// (lib/auth/policy.ts canSeeComplaint), deadlines and their states (lib/procedure/deadlines.ts).

const NOW = new Date('2026-03-18T10:15:00Z');
const TODAY = amsterdamDate(NOW);

let db: Db;
let close: (() => Promise<void>) | undefined;
let inbox: typeof import('./inbox');
type Complaint = typeof complaints.$inferSelect & { categoryCode: string };
let all: Complaint[];
let people: Record<'admin' | 'manager' | 'handler1' | 'handler2' | 'handler3' | 'former', InboxActor & { name: string }>;

beforeAll(async () => {
  ({ db, close } = await migratedThrowawayDatabase());
  const { seedDemoData } = await import('./seed');
  inbox = await import('./inbox');
  await seedDemoData(db, NOW);
  all = (await db.select().from(complaints).innerJoin(categories, eq(categories.id, complaints.categoryId))).map((r) => ({
    ...r.complaints,
    categoryCode: r.categories.code,
  }));
  const byEmail = async (email: string) => {
    const [u] = await db.select({ id: users.id, role: users.role, name: users.name }).from(users).where(eq(users.email, email));
    return u!;
  };
  people = {
    admin: await byEmail('admin@klachtloket.test'),
    manager: await byEmail('kwaliteit@klachtloket.test'),
    handler1: await byEmail('behandelaar1@klachtloket.test'),
    handler2: await byEmail('behandelaar2@klachtloket.test'),
    handler3: await byEmail('behandelaar3@klachtloket.test'),
    former: await byEmail('oud-behandelaar@klachtloket.test'),
  };
}, 120_000);

afterAll(async () => {
  await close?.();
});

const view = (params: Partial<InboxParams>): InboxParams => ({ ...DEFAULT_PARAMS, ...params });
const ALL_STATUSES = [...STATUSES];

/** Every row of a view, page by page. */
async function everything(actor: InboxActor, params: Partial<InboxParams>) {
  const rows: InboxRecord[] = [];
  for (let page = 1; ; page++) {
    const result = await inbox.listInbox(db, actor, view({ ...params, page }), TODAY);
    rows.push(...result.rows);
    if (page >= result.pages) return { rows, total: result.total };
  }
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
const clockInput = (c: Complaint) => ({
  status: c.status,
  receivedOn: c.receivedOn,
  terms: c.terms,
  incident: c.incidentOngoing || !c.incidentDate ? ({ ongoing: true } as const) : ({ ongoing: false, date: c.incidentDate } as const),
  resolutionExtendedTo: c.resolutionExtendedTo,
});
const clockOverdue = (c: Complaint, clock: Clock) =>
  runningClocks(clockInput(c)).includes(clock) && deadlineState(dueDateOf(clock, clockInput(c)), TODAY) === 'overdue';
const anyOverdue = (c: Complaint) => CLOCKS.some((clock) => clockOverdue(c, clock));
const isOpen = (c: Complaint) => OPEN_STATUSES.includes(c.status);

describe('who sees what', () => {
  it.each(['admin', 'manager', 'handler1', 'handler2', 'handler3', 'former'] as const)('%s sees exactly what canSeeComplaint allows', async (who) => {
    const actor = people[who];
    const { rows, total } = await everything(actor, { statuses: ALL_STATUSES });
    const expected = all.filter((c) => canSeeComplaint(actor, { handlerId: c.handlerId, registeredBy: c.registeredBy }));
    expect(ids(rows)).toEqual(ids(expected));
    expect(total).toBe(expected.length);
  });

  it('the demo data puts this to the test', () => {
    expect(all.length).toBeGreaterThan(50);
    const handler = people.handler1.id;
    // A handler sees complaints assigned to them and complaints they registered that nobody is assigned to yet …
    expect(all.some((c) => c.handlerId === handler)).toBe(true);
    // … and does not see one they registered that someone else now handles.
    expect(all.some((c) => c.handlerId !== null && c.handlerId !== handler && c.registeredBy === handler)).toBe(true);
  });

  it('a manager sees every complaint, an admin none', async () => {
    expect((await inbox.listInbox(db, people.manager, view({ statuses: ALL_STATUSES }), TODAY)).total).toBe(all.length);
    expect((await inbox.listInbox(db, people.admin, view({ statuses: ALL_STATUSES }), TODAY)).total).toBe(0);
    expect(await inbox.overdueCounts(db, people.admin, TODAY)).toEqual({ acknowledgement: 0, notAdmissibleNotice: 0, resolution: 0 });
  });
});

describe('filters', () => {
  const manager = () => people.manager;
  const some = <T,>(values: T[]) => [...new Set(values)];

  it('shows the open complaints by default', async () => {
    const { rows } = await everything(manager(), {});
    expect(ids(rows)).toEqual(ids(all.filter(isOpen)));
  });

  it.each<[string, readonly Status[]]>([
    ['open', STATUS_PRESETS.open],
    ['closed', STATUS_PRESETS.closed],
    ['resolved', ['resolved']],
    ['received + withdrawn', ['received', 'withdrawn']],
    ['acknowledged + in progress', ['acknowledged', 'in_progress']],
  ])('status: %s', async (_, statuses) => {
    const { rows } = await everything(manager(), { statuses: [...statuses] });
    expect(ids(rows)).toEqual(ids(all.filter((c) => statuses.includes(c.status))));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('category, channel, handler and contracting party, alone and together', async () => {
    for (const category of some(all.map((c) => c.categoryCode))) {
      const { rows } = await everything(manager(), { statuses: ALL_STATUSES, category });
      expect(ids(rows)).toEqual(ids(all.filter((c) => c.categoryCode === category)));
    }
    for (const channel of some(all.map((c) => c.channel))) {
      const { rows } = await everything(manager(), { statuses: ALL_STATUSES, channel });
      expect(ids(rows)).toEqual(ids(all.filter((c) => c.channel === channel)));
    }
    for (const handler of [...some(all.map((c) => c.handlerId ?? ('none' as const)))]) {
      const { rows } = await everything(manager(), { statuses: ALL_STATUSES, handler });
      expect(ids(rows)).toEqual(ids(all.filter((c) => (c.handlerId ?? 'none') === handler)));
    }
    for (const party of [...some(all.map((c) => c.contractingPartyId ?? ('none' as const)))]) {
      const { rows } = await everything(manager(), { statuses: ALL_STATUSES, party });
      expect(ids(rows)).toEqual(ids(all.filter((c) => (c.contractingPartyId ?? 'none') === party)));
    }
    const combined = { category: 'treatment', channel: 'online' as const, handler: people.handler1.id };
    const { rows } = await everything(manager(), { statuses: ALL_STATUSES, ...combined });
    expect(ids(rows)).toEqual(
      ids(all.filter((c) => c.categoryCode === combined.category && c.channel === combined.channel && c.handlerId === combined.handler)),
    );
  });

  it.each<OverdueFilter>(['any', 'acknowledgement', 'notAdmissibleNotice', 'resolution'])(
    'overdue (%s) agrees with lib/procedure/deadlines.ts',
    async (overdue) => {
      const { rows } = await everything(manager(), { statuses: ALL_STATUSES, overdue });
      const expected = all.filter((c) => (overdue === 'any' ? anyOverdue(c) : clockOverdue(c, overdue)));
      expect(ids(rows)).toEqual(ids(expected));
      expect(expected.length).toBeGreaterThan(0); // the demo data has each kind
    },
  );

  it('mine: assigned to me, not merely registered by me', async () => {
    for (const who of ['manager', 'handler1', 'handler2', 'handler3'] as const) {
      const { rows } = await everything(people[who], { statuses: ALL_STATUSES, mine: true });
      expect(ids(rows)).toEqual(ids(all.filter((c) => c.handlerId === people[who].id)));
    }
  });

  it('a handler filtering on "not assigned" sees their own unassigned registrations only', async () => {
    const handler = people.handler1;
    const { rows } = await everything(handler, { statuses: ALL_STATUSES, handler: 'none' });
    expect(ids(rows)).toEqual(ids(all.filter((c) => c.handlerId === null && c.registeredBy === handler.id)));
  });

  it('searches the start of words in the name, and the reference', async () => {
    const sample = all.find((c) => c.complainantName.includes(' '))!;
    const lastWord = sample.complainantName.split(' ').at(-1)!;
    const prefix = lastWord.slice(0, Math.max(3, lastWord.length - 2));
    const { rows } = await everything(manager(), { statuses: ALL_STATUSES, q: prefix.toLowerCase() });
    const expected = all.filter((c) =>
      c.complainantName
        .split(/[^\p{L}\p{N}]+/u)
        .some((word) => word.toLowerCase().startsWith(prefix.toLowerCase())),
    );
    expect(ids(rows)).toEqual(ids(expected));
    expect(ids(rows)).toContain(sample.id);

    const ref = sample.reference; // KL-2026-0042
    for (const q of [ref, ref.toLowerCase(), ref.slice(3), ref.slice(-4), String(Number(ref.slice(-4)))]) {
      const found = await everything(manager(), { statuses: ALL_STATUSES, q });
      expect(ids(found.rows)).toContain(sample.id);
    }
    expect((await everything(manager(), { statuses: ALL_STATUSES, q: ref })).total).toBe(1);
    expect((await everything(manager(), { statuses: ALL_STATUSES, q: `${sample.complainantName} ${ref}` })).total).toBe(1);
  });

  it('finds nothing for a search without words, or without matches', async () => {
    expect((await inbox.listInbox(db, manager(), view({ statuses: ALL_STATUSES, q: '%' }), TODAY)).total).toBe(0);
    expect((await inbox.listInbox(db, manager(), view({ statuses: ALL_STATUSES, q: "x') | ('y" }), TODAY)).total).toBe(0);
    expect((await inbox.listInbox(db, manager(), view({ statuses: ALL_STATUSES, q: 'Zzyzx' }), TODAY)).total).toBe(0);
  });

  it('search and visibility combine: a handler does not find what they may not see', async () => {
    const hidden = all.find((c) => !canSeeComplaint(people.handler1, c))!;
    expect((await inbox.listInbox(db, people.handler1, view({ statuses: ALL_STATUSES, q: hidden.reference }), TODAY)).total).toBe(0);
    expect((await inbox.listInbox(db, people.manager, view({ statuses: ALL_STATUSES, q: hidden.reference }), TODAY)).total).toBe(1);
  });
});

describe('sorting and pages', () => {
  it('puts the nearest deadline first by default, and agrees with the deadline derived in lib/', async () => {
    const { rows } = await everything(people.manager, {});
    const dues = rows.map((r) => r.nextDue!);
    expect(dues).toEqual([...dues].sort(compareIsoDates));
    for (const row of rows) expect(deadlineOf(row, TODAY)?.due).toBe(row.nextDue);
  });

  it('the first row is the most urgent acknowledgement when that is the nearest deadline', async () => {
    const { rows } = await inbox.listInbox(db, people.manager, view({ overdue: 'acknowledgement' }), TODAY);
    const first = rows[0]!;
    const acknowledgements = all.filter((c) => clockOverdue(c, 'acknowledgement')).map((c) => c.acknowledgementDue!);
    expect(first.nextDue).toBe([...acknowledgements].sort(compareIsoDates)[0]);
  });

  it('puts closed complaints (no deadline) after the open ones, in both directions', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const { rows } = await everything(people.manager, { statuses: ALL_STATUSES, sort: 'deadline', dir });
      const firstClosed = rows.findIndex((r) => r.nextDue === null);
      expect(rows.slice(firstClosed).every((r) => r.nextDue === null)).toBe(true);
      const dues = rows.slice(0, firstClosed).map((r) => r.nextDue!);
      const sorted = [...dues].sort(compareIsoDates);
      expect(dues).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    }
  });

  it.each([
    ['received', 'desc', (a: InboxRecord, b: InboxRecord) => compareIsoDates(b.receivedOn, a.receivedOn) || b.id - a.id],
    ['received', 'asc', (a: InboxRecord, b: InboxRecord) => compareIsoDates(a.receivedOn, b.receivedOn) || a.id - b.id],
    ['reference', 'asc', (a: InboxRecord, b: InboxRecord) => (a.reference < b.reference ? -1 : 1)],
    ['reference', 'desc', (a: InboxRecord, b: InboxRecord) => (a.reference < b.reference ? 1 : -1)],
    ['status', 'asc', (a: InboxRecord, b: InboxRecord) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status)],
    ['status', 'desc', (a: InboxRecord, b: InboxRecord) => STATUSES.indexOf(b.status) - STATUSES.indexOf(a.status)],
  ] as const)('sorts by %s (%s)', async (sort, dir, compare) => {
    const { rows } = await everything(people.manager, { statuses: ALL_STATUSES, sort, dir });
    expect(rows.length).toBe(all.length);
    for (let i = 1; i < rows.length; i++) expect(compare(rows[i - 1]!, rows[i]!)).toBeLessThanOrEqual(0);
  });

  it('pages of 25 that join up without gaps or doubles; beyond the end shows the last page', async () => {
    const params = { statuses: ALL_STATUSES, sort: 'received' as const, dir: 'desc' as const };
    const one = await inbox.listInbox(db, people.manager, view({ ...params, page: 1 }), TODAY);
    const two = await inbox.listInbox(db, people.manager, view({ ...params, page: 2 }), TODAY);
    expect(one.rows).toHaveLength(25);
    expect(one.pageSize).toBe(25);
    expect(one.pages).toBe(Math.ceil(all.length / 25));
    expect(new Set([...ids(one.rows), ...ids(two.rows)]).size).toBe(50);
    const beyond = await inbox.listInbox(db, people.manager, view({ ...params, page: 99 }), TODAY);
    expect(beyond.page).toBe(one.pages);
    expect(beyond.rows).toHaveLength(all.length - (one.pages - 1) * 25);
    const empty = await inbox.listInbox(db, people.manager, view({ q: 'Zzyzx', page: 3 }), TODAY);
    expect(empty).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });
});

describe('overdue counts', () => {
  it.each(['manager', 'handler1', 'handler2', 'handler3'] as const)('for %s agree with lib/procedure/deadlines.ts', async (who) => {
    const actor = people[who];
    const visible = all.filter((c) => canSeeComplaint(actor, c));
    const expected = Object.fromEntries(CLOCKS.map((clock) => [clock, visible.filter((c) => clockOverdue(c, clock)).length]));
    expect(await inbox.overdueCounts(db, actor, TODAY)).toEqual(expected);
  });

  it('the demo data has an overdue item on every clock', async () => {
    const counts = await inbox.overdueCounts(db, people.manager, TODAY);
    for (const clock of CLOCKS) expect(counts[clock]).toBeGreaterThan(0);
  });

  it('each count equals the length of the filtered view it links to', async () => {
    const counts = await inbox.overdueCounts(db, people.manager, TODAY);
    for (const clock of CLOCKS) expect((await inbox.listInbox(db, people.manager, view({ overdue: clock }), TODAY)).total).toBe(counts[clock]);
  });
});

describe('filter options', () => {
  it('a manager can filter on every handler (also one who left); a handler only on themself', async () => {
    const managerOptions = await inbox.inboxFilterOptions(db, people.manager);
    const handlerIds = managerOptions.handlers.map((h) => h.id);
    for (const who of ['handler1', 'handler2', 'handler3', 'former'] as const) expect(handlerIds).toContain(people[who].id);
    expect(handlerIds).not.toContain(people.admin.id);
    expect(managerOptions.handlers.find((h) => h.id === people.former.id)?.active).toBe(false);
    expect(managerOptions.categories.map((c) => c.code)).toEqual(['trajectory', 'treatment', 'communication', 'privacy', 'other']);
    expect(managerOptions.parties.length).toBeGreaterThan(0);

    const handlerOptions = await inbox.inboxFilterOptions(db, people.handler2);
    expect(handlerOptions.handlers).toEqual([{ id: people.handler2.id, name: people.handler2.name, active: true }]);
  });
});
