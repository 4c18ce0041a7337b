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

/**
 * Gives the complaint its reference: the next number of the year, taken in the transaction's last statement, which
 * also writes the reference into the complaint and into its outbox rows (composed with `placeholder` where the
 * reference goes). The counter row stays locked until commit, as every number must be used or handed back (gap-free);
 * taken last, concurrent submissions wait only for this statement and the commit, not for the whole transaction.
 * The format is lib/complaints/reference.ts formatReference (KL-2026-0042), written here in SQL.
 */
export async function assignReference(tx: Tx, complaintId: number, year: number, placeholder: string): Promise<string> {
  const result = await tx.execute(sql`with n as (
      insert into ${referenceCounters} (year, last) values (${year}, 1)
      on conflict (year) do update set last = ${referenceCounters}.last + 1
      returning last
    ), r as (
      select 'KL-' || ${year}::int || '-' || lpad(n.last::text, greatest(4, length(n.last::text)), '0') as reference from n
    ), c as (
      update ${complaints} set reference = r.reference from r where ${complaints.id} = ${complaintId} returning ${complaints.id}
    ), o as (
      update ${outbox} set subject = replace(${outbox.subject}, ${placeholder}, r.reference),
        body_text = replace(${outbox.bodyText}, ${placeholder}, r.reference),
        letter = replace(${outbox.letter}::text, ${placeholder}, r.reference)::jsonb
      from r where ${outbox.complaintId} = ${complaintId}
      returning ${outbox.id}
    )
    select r.reference, (select count(*) from c)::int as complaints from r`);
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as { reference: string; complaints: number }[];
  const row = rows[0];
  if (!row || Number(row.complaints) !== 1) throw new Error(`complaint ${complaintId}: no reference assigned`);
  return row.reference;
}

/**
 * Inserts a new complaint unless one with its idempotency key (or any other unique value) exists: `null` then, and the
 * caller looks up the complaint of that key. A concurrent insert with the same key waits here until the other
 * transaction ends (INSERT … ON CONFLICT DO NOTHING), then yields `null` (it committed) or inserts (it rolled back).
 */
export async function insertComplaintOnce(tx: Tx, values: NewComplaint): Promise<{ id: number } | null> {
  const [row] = await tx.insert(complaints).values(values).onConflictDoNothing().returning({ id: complaints.id });
  return row ?? null;
}

/** Several history entries (e.g. received and acknowledged) in one statement. */
export async function appendHistoryEntries(tx: Tx, entries: NewHistoryEntry[]): Promise<void> {
  if (entries.length > 0) await tx.insert(complaintHistory).values(entries);
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

/**
 * History entries and outgoing mail of one change in one statement (a data-modifying WITH): one round trip instead of
 * one per row.
 */
export async function appendHistoryAndMessages(tx: Tx, entries: NewHistoryEntry[], messages: NewOutboxMessage[]): Promise<void> {
  if (messages.length === 0) return appendHistoryEntries(tx, entries);
  if (entries.length === 0) return enqueueMessages(tx, messages);
  await tx.execute(sql`with h as (${tx.insert(complaintHistory).values(entries).getSQL()}) ${tx.insert(outbox).values(messages).getSQL()}`);
}

/** Several outgoing messages in one statement (none: no statement). */
export async function enqueueMessages(tx: Tx, messages: NewOutboxMessage[]): Promise<void> {
  if (messages.length > 0) await tx.insert(outbox).values(messages);
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
