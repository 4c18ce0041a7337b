import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { complaintAttachments, complaints, informationRequests, users } from './schema';

type Executor = Db | Tx;

/** The client's answers on their status page and the files sent with them (migration 0009). */

/** The complaint behind a status link (by the hash of its token), locked until the transaction ends; null when none. */
export async function lockComplaintByTokenHash(tx: Tx, tokenHash: string) {
  const [row] = await tx.select().from(complaints).where(eq(complaints.statusTokenHash, tokenHash)).for('update');
  return row ?? null;
}

/** The answer given with this idempotency key (unique over all complaints), with its complaint; null when none was. */
export async function answerByIdempotencyKey(db: Executor, key: string) {
  const [row] = await db
    .select({ id: informationRequests.id, complaintId: informationRequests.complaintId, answeredOn: informationRequests.answeredOn })
    .from(informationRequests)
    .where(eq(informationRequests.answerIdempotencyKey, key));
  return row ?? null;
}

/** The question the client may answer now: the newest one without an answer (its id goes with the form). */
export async function openQuestionId(db: Executor, complaintId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: informationRequests.id })
    .from(informationRequests)
    .where(and(eq(informationRequests.complaintId, complaintId), isNull(informationRequests.answeredOn)))
    .orderBy(desc(informationRequests.id))
    .limit(1);
  return row?.id ?? null;
}

/** How many files came with this answer. */
export async function attachmentCount(db: Executor, informationRequestId: number): Promise<number> {
  return db.$count(complaintAttachments, eq(complaintAttachments.informationRequestId, informationRequestId));
}

export type NewAttachment = typeof complaintAttachments.$inferInsert;

export async function insertAttachments(tx: Tx, rows: NewAttachment[]) {
  if (rows.length === 0) return [];
  return tx
    .insert(complaintAttachments)
    .values(rows)
    .returning({ id: complaintAttachments.id, fileName: complaintAttachments.fileName, contentType: complaintAttachments.contentType, sizeBytes: complaintAttachments.sizeBytes });
}

/** The files of a complaint for its file page: name, type, size and the question they came with; not the content. */
export async function complaintFileAttachments(db: Executor, complaintId: number) {
  return db
    .select({
      id: complaintAttachments.id,
      informationRequestId: complaintAttachments.informationRequestId,
      fileName: complaintAttachments.fileName,
      contentType: complaintAttachments.contentType,
      sizeBytes: complaintAttachments.sizeBytes,
      createdAt: complaintAttachments.createdAt,
    })
    .from(complaintAttachments)
    .where(eq(complaintAttachments.complaintId, complaintId))
    .orderBy(asc(complaintAttachments.id));
}
export type ComplaintFileAttachment = Awaited<ReturnType<typeof complaintFileAttachments>>[number];

/** Who may see a file's complaint: read before the file itself, so a refused request never loads its content. */
export async function attachmentAccessFacts(db: Executor, id: number) {
  const [row] = await db
    .select({ complaintId: complaints.id, handlerId: complaints.handlerId, registeredBy: complaints.registeredBy })
    .from(complaintAttachments)
    .innerJoin(complaints, eq(complaints.id, complaintAttachments.complaintId))
    .where(eq(complaintAttachments.id, id));
  return row ?? null;
}

export async function attachmentContent(db: Executor, id: number) {
  const [row] = await db
    .select({ fileName: complaintAttachments.fileName, contentType: complaintAttachments.contentType, content: complaintAttachments.content })
    .from(complaintAttachments)
    .where(eq(complaintAttachments.id, id));
  return row ?? null;
}

/** The complaint's handler, to tell about the client's answer (null when none is assigned, or no longer active). */
export async function activeUser(db: Executor, id: number | null) {
  if (id === null) return null;
  const [row] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(and(eq(users.id, id), eq(users.active, true)));
  return row ?? null;
}

/** The active managers: they are told when no handler is there to read the client's answer. */
export async function activeManagers(db: Executor) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'manager'), eq(users.active, true)))
    .orderBy(asc(users.id));
}
