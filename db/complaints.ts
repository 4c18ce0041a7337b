import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { DEFAULT_TERMS, type ProcedureTerms } from '@/lib/procedure/terms';
import type { Db, Tx } from './client';
import { categories, complaintHistory, complaintInvolved, complaints, outbox, procedureSettings, referenceCounters, staff } from './schema';

type Executor = Db | Tx;

export type NewComplaint = typeof complaints.$inferInsert;
export type NewHistoryEntry = typeof complaintHistory.$inferInsert;
export type NewOutboxMessage = typeof outbox.$inferInsert;

/** The terms in force now: the newest procedure settings, or the default preset before any were saved. */
export async function currentTerms(db: Executor): Promise<ProcedureTerms> {
  const [row] = await db.select({ terms: procedureSettings.terms }).from(procedureSettings).orderBy(desc(procedureSettings.id)).limit(1);
  return row?.terms ?? DEFAULT_TERMS;
}

export async function activeCategories(db: Executor) {
  return db
    .select({ id: categories.id, code: categories.code, nameNl: categories.nameNl, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.id));
}

export async function activeStaff(db: Executor) {
  return db.select({ id: staff.id, name: staff.name }).from(staff).where(eq(staff.active, true)).orderBy(asc(staff.name));
}

export async function findActiveCategory(db: Executor, code: string) {
  const [row] = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.code, code), eq(categories.active, true)));
  return row ?? null;
}

export async function findActiveStaff(db: Executor, id: number) {
  const [row] = await db.select({ id: staff.id, name: staff.name }).from(staff).where(and(eq(staff.id, id), eq(staff.active, true)));
  return row ?? null;
}

/**
 * Serialises submissions that carry the same idempotency key: a second one waits here until the first has committed,
 * then finds its complaint instead of creating another.
 */
export async function lockIdempotencyKey(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

const complaintSummary = {
  id: complaints.id,
  reference: complaints.reference,
  status: complaints.status,
  channel: complaints.channel,
  receivedOn: complaints.receivedOn,
  registeredBy: complaints.registeredBy,
  incidentDate: complaints.incidentDate,
  incidentOngoing: complaints.incidentOngoing,
  complainantName: complaints.complainantName,
  complainantEmail: complaints.complainantEmail,
  locale: complaints.locale,
  terms: complaints.terms,
};

export async function findComplaintByIdempotencyKey(db: Executor, key: string) {
  const [row] = await db.select(complaintSummary).from(complaints).where(eq(complaints.idempotencyKey, key));
  return row ?? null;
}

export async function findComplaintByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await db.select(complaintSummary).from(complaints).where(eq(complaints.statusTokenHash, tokenHash));
  return row ?? null;
}

/** The next number in the year's sequence; the row lock makes concurrent submissions take turns. */
export async function nextReferenceNumber(tx: Tx, year: number): Promise<number> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: referenceCounters.year, set: { last: sql`${referenceCounters.last} + 1` } })
    .returning({ last: referenceCounters.last });
  if (!row) throw new Error('reference counter returned no row');
  return row.last;
}

export async function insertComplaint(tx: Tx, values: NewComplaint): Promise<{ id: number }> {
  const [row] = await tx.insert(complaints).values(values).returning({ id: complaints.id });
  if (!row) throw new Error('complaint insert returned no row');
  return row;
}

export async function insertInvolved(tx: Tx, values: typeof complaintInvolved.$inferInsert): Promise<void> {
  await tx.insert(complaintInvolved).values(values);
}

export async function appendHistory(tx: Tx, entry: NewHistoryEntry): Promise<void> {
  await tx.insert(complaintHistory).values(entry);
}

export async function enqueueMessage(tx: Tx, message: NewOutboxMessage): Promise<void> {
  await tx.insert(outbox).values(message);
}

export async function historyOf(db: Executor, complaintId: number) {
  return db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, complaintId)).orderBy(asc(complaintHistory.id));
}

export async function outboxOf(db: Executor, complaintId: number) {
  return db.select().from(outbox).where(eq(outbox.complaintId, complaintId)).orderBy(asc(outbox.id));
}

export async function involvedOf(db: Executor, complaintId: number) {
  return db.select().from(complaintInvolved).where(eq(complaintInvolved.complaintId, complaintId)).orderBy(asc(complaintInvolved.id));
}

export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}
