import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { type MeasureParams, MEASURES_PAGE_SIZE, statusesOf } from '@/lib/measures/params';
import { pagination } from '@/lib/inbox/params';
import type { IsoDate } from '@/lib/procedure/dates';
import { MEASURE_STATUSES } from '@/lib/procedure/vocabulary';
import type { Db, Tx } from './client';
import { categories, complaintMeasures, complaints, measureHistory, measures, users } from './schema';

type Executor = Db | Tx;

/** The measures register (lib/measures): the list with its filters, one measure with its complaints and history, writes. */

const isOpen = inArray(measures.status, ['planned', 'in_progress']);

/** Open and past its due date (lib/measures/rules.ts isMeasureOverdue). */
export const measureOverdue = (today: IsoDate) => and(isOpen, lt(measures.dueOn, today))!;

/** `%`, `_` and `\` typed by the user match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function measuresWhere(params: MeasureParams, today: IsoDate): SQL | undefined {
  const statuses = statusesOf(params.status);
  const pattern = params.q ? likePattern(params.q) : null;
  return and(
    statuses.length === MEASURE_STATUSES.length ? undefined : inArray(measures.status, statuses),
    params.category === 'none' ? isNull(measures.categoryId) : params.category !== null ? eq(measures.categoryId, params.category) : undefined,
    params.owner !== null ? eq(measures.owner, params.owner) : undefined,
    params.overdue ? measureOverdue(today) : undefined,
    pattern ? or(ilike(measures.description, pattern), ilike(measures.owner, pattern)) : undefined,
  );
}

/** What the filters can offer: every category (measures may name an inactive one) and every owner recorded. */
export async function measureFilterOptions(db: Executor) {
  const [cats, owners] = await Promise.all([
    db.select({ id: categories.id, name: categories.nameNl, active: categories.active }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.nameNl)),
    db.selectDistinct({ owner: measures.owner }).from(measures).orderBy(asc(measures.owner)),
  ]);
  return { categories: cats, owners: owners.map((o) => o.owner) };
}
export type MeasureFilterOptions = Awaited<ReturnType<typeof measureFilterOptions>>;

/** One page of the register: open measures first, nearest due date first, then the newest. */
export async function listMeasures(db: Executor, params: MeasureParams, today: IsoDate) {
  const where = measuresWhere(params, today);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(measures).where(where);
  const { page, pages, offset } = pagination(total, params.page, MEASURES_PAGE_SIZE);
  const linked = db
    .select({ measureId: complaintMeasures.measureId, n: count().as('n') })
    .from(complaintMeasures)
    .groupBy(complaintMeasures.measureId)
    .as('linked');
  const rows = await db
    .select({
      id: measures.id,
      description: measures.description,
      owner: measures.owner,
      dueOn: measures.dueOn,
      status: measures.status,
      doneOn: measures.doneOn,
      categoryName: categories.nameNl,
      complaints: sql<number>`coalesce(${linked.n}, 0)`.mapWith(Number),
    })
    .from(measures)
    .leftJoin(categories, eq(categories.id, measures.categoryId))
    .leftJoin(linked, eq(linked.measureId, measures.id))
    .where(where)
    .orderBy(sql`case when ${measures.status} in ('planned', 'in_progress') then 0 else 1 end`, sql`${measures.dueOn} asc nulls last`, desc(measures.id))
    .limit(MEASURES_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, pages, pageSize: MEASURES_PAGE_SIZE };
}
export type MeasureListRow = Awaited<ReturnType<typeof listMeasures>>['rows'][number];

/** How many measures are open past their due date (the manager's inbox summary and the dashboard). */
export async function countOverdueMeasures(db: Executor, today: IsoDate): Promise<number> {
  const [row] = await db.select({ n: count() }).from(measures).where(measureOverdue(today));
  return row?.n ?? 0;
}

/** One measure with its category and who recorded it. */
export async function findMeasure(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: measures.id,
      description: measures.description,
      reason: measures.reason,
      owner: measures.owner,
      dueOn: measures.dueOn,
      categoryId: measures.categoryId,
      categoryName: categories.nameNl,
      status: measures.status,
      doneOn: measures.doneOn,
      droppedReason: measures.droppedReason,
      version: measures.version,
      createdAt: measures.createdAt,
      createdByName: users.name,
      updatedAt: measures.updatedAt,
    })
    .from(measures)
    .leftJoin(categories, eq(categories.id, measures.categoryId))
    .leftJoin(users, eq(users.id, measures.createdBy))
    .where(eq(measures.id, id));
  return row ?? null;
}
export type MeasureRecord = NonNullable<Awaited<ReturnType<typeof findMeasure>>>;

/** The complaints a measure answers, in the order they were linked. */
export async function measureComplaints(db: Executor, measureId: number) {
  return db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      receivedOn: complaints.receivedOn,
      outcome: complaints.outcome,
      categoryName: categories.nameNl,
      linkedAt: complaintMeasures.linkedAt,
    })
    .from(complaintMeasures)
    .innerJoin(complaints, eq(complaints.id, complaintMeasures.complaintId))
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .where(eq(complaintMeasures.measureId, measureId))
    .orderBy(asc(complaintMeasures.linkedAt), asc(complaints.id));
}
export type MeasureComplaint = Awaited<ReturnType<typeof measureComplaints>>[number];

/** The measure's history, oldest first, with the name of who did it. */
export async function measureHistoryOf(db: Executor, measureId: number) {
  return db
    .select({
      id: measureHistory.id,
      at: measureHistory.at,
      action: measureHistory.action,
      reason: measureHistory.reason,
      details: measureHistory.details,
      actorUserId: measureHistory.actorUserId,
      actorName: users.name,
    })
    .from(measureHistory)
    .leftJoin(users, eq(users.id, measureHistory.actorUserId))
    .where(eq(measureHistory.measureId, measureId))
    .orderBy(asc(measureHistory.at), asc(measureHistory.id));
}
export type MeasureHistoryEntry = Awaited<ReturnType<typeof measureHistoryOf>>[number];

/** Category names by id (the history names categories by id). */
export async function categoryNames(db: Executor): Promise<Map<number, string>> {
  const rows = await db.select({ id: categories.id, name: categories.nameNl }).from(categories);
  return new Map(rows.map((r) => [r.id, r.name]));
}

// --- writes ---------------------------------------------------------------------------------------------------------

/** The measure row, locked until the transaction ends: concurrent changes to one measure take turns. */
export async function lockMeasure(tx: Tx, id: number) {
  const [row] = await tx.select().from(measures).where(eq(measures.id, id)).for('update');
  return row ?? null;
}
export type LockedMeasure = NonNullable<Awaited<ReturnType<typeof lockMeasure>>>;

/** Who changed the measure last, and when (for "changed by X at T"). */
export async function lastMeasureChange(db: Executor, measureId: number) {
  const [row] = await db
    .select({ at: measureHistory.at, actorName: users.name })
    .from(measureHistory)
    .leftJoin(users, eq(users.id, measureHistory.actorUserId))
    .where(eq(measureHistory.measureId, measureId))
    .orderBy(desc(measureHistory.id))
    .limit(1);
  return row ?? null;
}

export type MeasureUpdate = Partial<
  Pick<typeof measures.$inferInsert, 'description' | 'reason' | 'owner' | 'dueOn' | 'categoryId' | 'status' | 'doneOn' | 'droppedReason'>
>;

/** Writes the changes and raises the version; returns the new version. */
export async function updateMeasure(tx: Tx, id: number, changes: MeasureUpdate, now: Date): Promise<number> {
  const [row] = await tx
    .update(measures)
    .set({ ...changes, updatedAt: now, version: sql`${measures.version} + 1` })
    .where(eq(measures.id, id))
    .returning({ version: measures.version });
  return row!.version;
}

export async function appendMeasureHistory(tx: Tx, row: typeof measureHistory.$inferInsert) {
  await tx.insert(measureHistory).values(row);
}

export async function categoryExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
  return Boolean(row);
}

/** The complaint with one of these spellings of a reference (the unique index on the reference finds it). */
export async function findComplaintByReference(db: Executor, spellings: readonly string[]) {
  const [row] = await db
    .select({ id: complaints.id, reference: complaints.reference })
    .from(complaints)
    .where(inArray(complaints.reference, [...new Set(spellings)]))
    .orderBy(asc(complaints.id))
    .limit(1);
  return row ?? null;
}

export async function findComplaintReference(db: Executor, id: number) {
  const [row] = await db.select({ id: complaints.id, reference: complaints.reference }).from(complaints).where(eq(complaints.id, id));
  return row ?? null;
}

/** Links a complaint to a measure; false when they were linked already. */
export async function insertComplaintLink(tx: Tx, complaintId: number, measureId: number, at: Date): Promise<boolean> {
  const rows = await tx
    .insert(complaintMeasures)
    .values({ complaintId, measureId, linkedAt: at })
    .onConflictDoNothing()
    .returning({ measureId: complaintMeasures.measureId });
  return rows.length > 0;
}

/** Removes a link; false when there was none. */
export async function deleteComplaintLink(tx: Tx, complaintId: number, measureId: number): Promise<boolean> {
  const rows = await tx
    .delete(complaintMeasures)
    .where(and(eq(complaintMeasures.complaintId, complaintId), eq(complaintMeasures.measureId, measureId)))
    .returning({ measureId: complaintMeasures.measureId });
  return rows.length > 0;
}
