import { and, asc, desc, eq, exists, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { can } from '@/lib/auth/policy';
import type { InboxParams, SortKey } from '@/lib/inbox/params';
import { PAGE_SIZE, pagination } from '@/lib/inbox/params';
import type { IsoDate } from '@/lib/procedure/dates';
import type { Clock } from '@/lib/procedure/deadlines';
import { OPEN_STATUSES, type Role, type Status, STATUSES } from '@/lib/procedure/vocabulary';
import { toPrefixQuery } from '@/lib/inbox/search';
import type { Db, Tx } from './client';
import { reportFilterConditions } from './report-conditions';
import { categories, complaints, contractingParties, users } from './schema';

type Executor = Db | Tx;

/** Who is looking: visibility follows `canSeeComplaint` in lib/auth/policy.ts, as SQL. */
export type InboxActor = { id: number; role: Role };

/**
 * The complaints an actor may see, the same rule as `canSeeComplaint`: managers all; a handler those assigned to them
 * and those they registered while nobody is assigned; anyone else none. (db/inbox.pg.test.ts checks both agree.)
 */
export function visibleTo(actor: InboxActor): SQL {
  if (can(actor.role, 'complaints.readAll')) return sql`true`;
  if (!can(actor.role, 'complaints.read')) return sql`false`;
  return or(eq(complaints.handlerId, actor.id), and(isNull(complaints.handlerId), eq(complaints.registeredBy, actor.id)))!;
}

const isOpen = inArray(complaints.status, [...OPEN_STATUSES]);

/** A clock is overdue when it is running and its due date has passed (lib/procedure/deadlines.ts deadlineState). */
function clockOverdue(clock: Clock, today: IsoDate): SQL {
  switch (clock) {
    case 'acknowledgement':
      return and(eq(complaints.status, 'received'), lt(complaints.acknowledgementDue, today))!;
    case 'notAdmissibleNotice':
      return and(isOpen, eq(complaints.incidentOlderThanLimit, true), lt(complaints.noticeDue, today))!;
    case 'resolution':
      return and(isOpen, lt(complaints.resolutionDue, today))!;
  }
}

/**
 * The text the free-text search looks in: the complainant's name and the reference, with hyphens and dots as word
 * breaks (KL-2026-0042 → kl, 2026, 0042). Must stay identical to the GIN index `complaints_search_idx` in db/schema.ts,
 * or the planner cannot use it.
 */
const searchDocument = sql`to_tsvector('simple'::regconfig, translate(${complaints.complainantName} || ' ' || ${complaints.reference}, '-.', '  '))`;

function matchesSearch(text: string): SQL | undefined {
  const query = toPrefixQuery(text);
  return query === null ? sql`false` : sql`${searchDocument} @@ to_tsquery('simple'::regconfig, ${query})`;
}

/**
 * Open ⇔ next_due is set (db/schema.ts). Saying `next_due is not null` for open statuses lets the planner use the partial
 * index on next_due; all statuses need no condition at all.
 */
function statusCondition(statuses: readonly Status[]): SQL | undefined {
  if (statuses.length === STATUSES.length) return undefined;
  const open = sql`${complaints.nextDue} is not null`;
  if (statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => statuses.includes(s))) return open;
  const listed = statuses.length === 1 ? eq(complaints.status, statuses[0]!) : inArray(complaints.status, [...statuses]);
  return statuses.every((s) => OPEN_STATUSES.includes(s)) ? and(listed, open) : listed;
}

/** The WHERE of an inbox view: who may see what, and every filter of the view (also used by the CSV export and the dashboard drill-down). */
export function inboxWhere(actor: InboxActor, params: InboxParams, today: IsoDate): SQL {
  const conditions: (SQL | undefined)[] = [
    visibleTo(actor),
    statusCondition(params.statuses),
    params.category ? eq(categories.code, params.category) : undefined,
    params.channel ? eq(complaints.channel, params.channel) : undefined,
    params.handler === 'none' ? isNull(complaints.handlerId) : params.handler !== null ? eq(complaints.handlerId, params.handler) : undefined,
    params.party === 'none'
      ? isNull(complaints.contractingPartyId)
      : params.party !== null
        ? eq(complaints.contractingPartyId, params.party)
        : undefined,
    params.overdue === 'any' ? lt(complaints.nextDue, today) : params.overdue ? clockOverdue(params.overdue, today) : undefined,
    params.mine ? eq(complaints.handlerId, actor.id) : undefined,
    params.q ? matchesSearch(params.q) : undefined,
    ...reportFilterConditions(params, today),
  ];
  return and(...conditions)!;
}

function ordering(sort: SortKey, dir: 'asc' | 'desc'): SQL[] {
  const by = dir === 'asc' ? asc : desc;
  switch (sort) {
    case 'deadline':
      // Closed complaints have no deadline: always after the open ones.
      return [sql`${complaints.nextDue} ${sql.raw(dir)} nulls last`, by(complaints.id)];
    case 'received':
      return [by(complaints.receivedOn), by(complaints.id)];
    case 'reference':
      return [by(complaints.reference)];
    case 'status':
      // The enum's order is the lifecycle order; within a status the nearest deadline first.
      return [by(complaints.status), sql`${complaints.nextDue} asc nulls last`, asc(complaints.id)];
  }
}

/** The columns of an inbox row (the CSV export adds its own to these). */
export const rowColumns = {
  id: complaints.id,
  reference: complaints.reference,
  complainantName: complaints.complainantName,
  receivedOn: complaints.receivedOn,
  status: complaints.status,
  channel: complaints.channel,
  categoryName: categories.nameNl,
  handlerId: complaints.handlerId,
  handlerName: users.name,
  terms: complaints.terms,
  incidentDate: complaints.incidentDate,
  incidentOngoing: complaints.incidentOngoing,
  resolutionExtendedTo: complaints.resolutionExtendedTo,
  nextDue: complaints.nextDue,
};

export type InboxRecord = {
  id: number;
  reference: string;
  complainantName: string;
  receivedOn: IsoDate;
  status: (typeof complaints.$inferSelect)['status'];
  channel: (typeof complaints.$inferSelect)['channel'];
  categoryName: string;
  handlerId: number | null;
  handlerName: string | null;
  terms: (typeof complaints.$inferSelect)['terms'];
  incidentDate: IsoDate | null;
  incidentOngoing: boolean;
  resolutionExtendedTo: IsoDate | null;
  nextDue: IsoDate | null;
};

export type InboxPage = { rows: InboxRecord[]; total: number; page: number; pages: number; pageSize: number };

/**
 * One page of the inbox for this actor and view, and the total number of matching complaints. A page beyond the end
 * shows the last page.
 */
export async function listInbox(db: Executor, actor: InboxActor, params: InboxParams, today: IsoDate): Promise<InboxPage> {
  const where = inboxWhere(actor, params, today);
  const order = ordering(params.sort, params.dir);
  const fetchPage = (offset: number) =>
    db
      .select(rowColumns)
      .from(complaints)
      .innerJoin(categories, eq(categories.id, complaints.categoryId))
      .leftJoin(users, eq(users.id, complaints.handlerId))
      .where(where)
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset(offset);
  const countAll = async () => {
    const query = db.select({ n: sql<number>`count(*)::int` }).from(complaints);
    // The category join is only needed when filtering on it.
    const [row] = await (params.category ? query.innerJoin(categories, eq(categories.id, complaints.categoryId)) : query).where(where);
    return row?.n ?? 0;
  };

  const [firstTry, total] = await Promise.all([fetchPage((params.page - 1) * PAGE_SIZE), countAll()]);
  const shown = pagination(total, params.page);
  const rows = shown.page === params.page ? firstTry : await fetchPage(shown.offset);
  return { rows: rows as InboxRecord[], total, page: shown.page, pages: shown.pages, pageSize: PAGE_SIZE };
}

export type OverdueCounts = Record<Clock, number>;

/** Per clock, how many complaints this actor may see have that clock running past its due date. */
export async function overdueCounts(db: Executor, actor: InboxActor, today: IsoDate): Promise<OverdueCounts> {
  const [row] = await db
    .select({
      acknowledgement: sql<number>`(count(*) filter (where ${clockOverdue('acknowledgement', today)}))::int`,
      notAdmissibleNotice: sql<number>`(count(*) filter (where ${clockOverdue('notAdmissibleNotice', today)}))::int`,
      resolution: sql<number>`(count(*) filter (where ${clockOverdue('resolution', today)}))::int`,
    })
    .from(complaints)
    // Every overdue clock makes the nearest deadline overdue too: only those rows need looking at.
    .where(and(visibleTo(actor), lt(complaints.nextDue, today)));
  return { acknowledgement: row?.acknowledgement ?? 0, notAdmissibleNotice: row?.notAdmissibleNotice ?? 0, resolution: row?.resolution ?? 0 };
}

export type InboxFilterOptions = {
  categories: { code: string; name: string; active: boolean }[];
  handlers: { id: number; name: string; active: boolean }[];
  parties: { id: number; name: string; type: (typeof contractingParties.$inferSelect)['type'] }[];
};

/**
 * What the filters offer: every category and contracting party, and the people complaints can be assigned to (all
 * handlers, and anyone else who has complaints assigned). A handler only filters on themself.
 */
export async function inboxFilterOptions(db: Executor, actor: InboxActor & { name: string }): Promise<InboxFilterOptions> {
  const [categoryRows, handlerRows, partyRows] = await Promise.all([
    db
      .select({ code: categories.code, name: categories.nameNl, active: categories.active })
      .from(categories)
      .orderBy(asc(categories.sortOrder), asc(categories.id)),
    can(actor.role, 'complaints.readAll')
      ? db
          .select({ id: users.id, name: users.name, active: users.active })
          .from(users)
          .where(
            or(
              eq(users.role, 'handler'),
              exists(db.select({ one: sql`1` }).from(complaints).where(eq(complaints.handlerId, users.id))),
            ),
          )
          .orderBy(desc(users.active), asc(users.name))
      : Promise.resolve([{ id: actor.id, name: actor.name, active: true }]),
    db
      .select({ id: contractingParties.id, name: contractingParties.name, type: contractingParties.type })
      .from(contractingParties)
      .orderBy(asc(contractingParties.type), asc(contractingParties.name)),
  ]);
  return { categories: categoryRows, handlers: handlerRows, parties: partyRows };
}
