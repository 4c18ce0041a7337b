import { and, asc, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { LetterDoc } from '@/lib/mail/letter';
import type { PrivacyKind } from '@/lib/privacy/requests';
import type { ContactMedium } from '@/lib/procedure/vocabulary';
import { type Db, type Tx, together } from './client';
import {
  categories,
  complaintAttachments,
  complaintHistory,
  complaintInvolved,
  complaints,
  contractingParties,
  inboundMails,
  informationRequests,
  outbox,
  privacyRequestComplaints,
  privacyRequestEvents,
  privacyRequests,
  staff,
  users,
} from './schema';

type Executor = Db | Tx;

/** Privacy requests (lib/privacy): the list, one request with its complaints and events, the export's data, writes. */

export type PrivacyRequestRow = typeof privacyRequests.$inferSelect;

export async function insertPrivacyRequest(
  tx: Tx,
  values: {
    kind: PrivacyKind;
    requesterName: string;
    requesterEmail: string;
    receivedOn: string;
    receivedVia: ContactMedium;
    requestText: string;
    dueOn: string;
    registeredBy: number;
    at: Date;
  },
): Promise<number> {
  const { at, ...rest } = values;
  const [row] = await tx.insert(privacyRequests).values({ ...rest, createdAt: at, updatedAt: at }).returning({ id: privacyRequests.id });
  return row!.id;
}

export async function linkPrivacyComplaints(tx: Tx, requestId: number, complaintIds: readonly number[]): Promise<void> {
  if (complaintIds.length === 0) return;
  await tx.insert(privacyRequestComplaints).values(complaintIds.map((complaintId) => ({ requestId, complaintId })));
}

export async function appendPrivacyEvent(
  tx: Tx,
  event: { requestId: number; at: Date; actorUserId: number | null; action: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(privacyRequestEvents).values({ ...event, details: event.details ?? {} });
}

/** The request, locked for the rest of the transaction. */
export async function lockPrivacyRequest(tx: Tx, id: number): Promise<PrivacyRequestRow | null> {
  const [row] = await tx.select().from(privacyRequests).where(eq(privacyRequests.id, id)).for('update');
  return row ?? null;
}

/** Writes the change and raises the version; returns the new version. */
export async function updatePrivacyRequest(tx: Tx, id: number, changes: Partial<PrivacyRequestRow>, now: Date): Promise<number> {
  const [row] = await tx
    .update(privacyRequests)
    .set({ ...changes, updatedAt: now, version: sql`${privacyRequests.version} + 1` })
    .where(eq(privacyRequests.id, id))
    .returning({ version: privacyRequests.version });
  return row!.version;
}

/** Records that the export was made; not a change of the request itself, so its version (the open forms) stays. */
export async function markExported(tx: Tx, id: number, now: Date): Promise<void> {
  await tx.update(privacyRequests).set({ exportedAt: now }).where(eq(privacyRequests.id, id));
}

export async function lastPrivacyEvent(tx: Tx, requestId: number) {
  const [row] = await tx
    .select({ at: privacyRequestEvents.at, actorName: users.name })
    .from(privacyRequestEvents)
    .leftJoin(users, eq(users.id, privacyRequestEvents.actorUserId))
    .where(eq(privacyRequestEvents.requestId, requestId))
    .orderBy(desc(privacyRequestEvents.id))
    .limit(1);
  return row ?? null;
}

export async function countPrivacyEvents(db: Executor, requestId: number, action: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(privacyRequestEvents)
    .where(and(eq(privacyRequestEvents.requestId, requestId), eq(privacyRequestEvents.action, action)));
  return row?.n ?? 0;
}

/** Which of these complaint ids exist. */
export async function existingComplaintIds(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: complaints.id }).from(complaints).where(inArray(complaints.id, [...ids]));
  return rows.map((r) => r.id);
}

const complaintSummary = {
  id: complaints.id,
  reference: complaints.reference,
  status: complaints.status,
  receivedOn: complaints.receivedOn,
  complainantName: complaints.complainantName,
  complainantEmail: complaints.complainantEmail,
};

/**
 * Complaints that may be the requester's: the same e-mail address (any case), or the same name (any case, spaces
 * collapsed). At most 50, newest first. Staff confirm which ones are really theirs.
 */
export async function suggestComplaints(db: Executor, who: { name: string; email: string }) {
  const conditions = [];
  if (who.email.trim() !== '') conditions.push(sql`lower(${complaints.complainantEmail}) = lower(${who.email.trim()})`);
  if (who.name.trim() !== '') {
    conditions.push(sql`lower(regexp_replace(trim(${complaints.complainantName}), '\\s+', ' ', 'g')) = lower(regexp_replace(trim(${who.name}), '\\s+', ' ', 'g'))`);
  }
  if (conditions.length === 0) return [];
  return db
    .select(complaintSummary)
    .from(complaints)
    .where(or(...conditions))
    .orderBy(desc(complaints.receivedOn), desc(complaints.id))
    .limit(50);
}

/** The complaints a request concerns, with the contact details a correction may change. */
export async function privacyRequestComplaintsOf(db: Executor, requestId: number) {
  return db
    .select({
      ...complaintSummary,
      complainantPhone: complaints.complainantPhone,
      addressStreet: complaints.addressStreet,
      addressPostcode: complaints.addressPostcode,
      addressCity: complaints.addressCity,
      version: complaints.version,
    })
    .from(privacyRequestComplaints)
    .innerJoin(complaints, eq(complaints.id, privacyRequestComplaints.complaintId))
    .where(eq(privacyRequestComplaints.requestId, requestId))
    .orderBy(asc(complaints.receivedOn), asc(complaints.id));
}

/** Locks the complaints a step changes (correction, erasure), in id order. */
export async function lockComplaints(tx: Tx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return tx.select().from(complaints).where(inArray(complaints.id, [...ids])).orderBy(asc(complaints.id)).for('update');
}

export async function updateComplaintContact(
  tx: Tx,
  id: number,
  values: Pick<
    typeof complaints.$inferInsert,
    'complainantName' | 'complainantEmail' | 'complainantPhone' | 'addressStreet' | 'addressPostcode' | 'addressCity'
  >,
  now: Date,
): Promise<void> {
  await tx
    .update(complaints)
    .set({ ...values, updatedAt: now, version: sql`${complaints.version} + 1` })
    .where(eq(complaints.id, id));
}

export async function findPrivacyRequest(db: Executor, id: number) {
  const [row] = await db
    .select({ request: privacyRequests, registeredByName: users.name })
    .from(privacyRequests)
    .leftJoin(users, eq(users.id, privacyRequests.registeredBy))
    .where(eq(privacyRequests.id, id));
  return row ? { ...row.request, registeredByName: row.registeredByName } : null;
}

export async function privacyEventsOf(db: Executor, requestId: number) {
  return db
    .select({ id: privacyRequestEvents.id, at: privacyRequestEvents.at, action: privacyRequestEvents.action, details: privacyRequestEvents.details, actorName: users.name })
    .from(privacyRequestEvents)
    .leftJoin(users, eq(users.id, privacyRequestEvents.actorUserId))
    .where(eq(privacyRequestEvents.requestId, requestId))
    .orderBy(asc(privacyRequestEvents.id));
}

/** Every request, open ones first by the due date in force, then the closed ones newest first (at most `limit`). */
export async function listPrivacyRequests(db: Executor, limit: number) {
  return db
    .select({
      id: privacyRequests.id,
      kind: privacyRequests.kind,
      status: privacyRequests.status,
      requesterName: privacyRequests.requesterName,
      receivedOn: privacyRequests.receivedOn,
      dueOn: privacyRequests.dueOn,
      extendedTo: privacyRequests.extendedTo,
      complaints: sql<number>`(select count(*) from ${privacyRequestComplaints} where ${privacyRequestComplaints.requestId} = ${privacyRequests.id})`.mapWith(Number),
    })
    .from(privacyRequests)
    .orderBy(
      sql`case when ${privacyRequests.status} in ('open', 'extended') then 0 else 1 end`,
      sql`case when ${privacyRequests.status} in ('open', 'extended') then coalesce(${privacyRequests.extendedTo}, ${privacyRequests.dueOn}) end asc`,
      desc(privacyRequests.receivedOn),
      desc(privacyRequests.id),
    )
    .limit(limit);
}

/**
 * Everything held on the person in these complaints, for an access request: each complaint with all its fields
 * (not the secret status-link hash or the idempotency key: those are ours, not data about them), the people
 * involved, its history, the questions and their answers, the files (metadata only), the letters and mails sent to
 * the client, and the mails they sent in.
 */
export async function personalDataOf(db: Executor, complaintIds: readonly number[]) {
  if (complaintIds.length === 0) return [];
  const ids = [...complaintIds];
  const { statusTokenHash: _hash, idempotencyKey: _key, ...columns } = getTableColumns(complaints);
  const rows = await db
    .select({
      complaint: columns,
      categoryName: categories.nameNl,
      contractingPartyName: contractingParties.name,
      handlerName: users.name,
    })
    .from(complaints)
    .innerJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(contractingParties, eq(contractingParties.id, complaints.contractingPartyId))
    .leftJoin(users, eq(users.id, complaints.handlerId))
    .where(inArray(complaints.id, ids))
    .orderBy(asc(complaints.receivedOn), asc(complaints.id));
  const [involved, history, questions, files, letters, mails] = await together(db, [
    () =>
      db
        .select({ complaintId: complaintInvolved.complaintId, name: complaintInvolved.name, involvement: complaintInvolved.involvement, team: staff.team })
        .from(complaintInvolved)
        .leftJoin(staff, eq(staff.id, complaintInvolved.staffId))
        .where(inArray(complaintInvolved.complaintId, ids))
        .orderBy(asc(complaintInvolved.id)),
    () =>
      db
        .select({
          complaintId: complaintHistory.complaintId,
          at: complaintHistory.at,
          action: complaintHistory.action,
          fromStatus: complaintHistory.fromStatus,
          toStatus: complaintHistory.toStatus,
          reason: complaintHistory.reason,
          details: complaintHistory.details,
          actor: sql<string | null>`coalesce(${users.name}, ${complaintHistory.actorLabel})`,
        })
        .from(complaintHistory)
        .leftJoin(users, eq(users.id, complaintHistory.actorUserId))
        .where(inArray(complaintHistory.complaintId, ids))
        .orderBy(asc(complaintHistory.id)),
    () =>
      db
        .select({
          complaintId: informationRequests.complaintId,
          question: informationRequests.question,
          askedAt: informationRequests.askedAt,
          answerBy: informationRequests.answerBy,
          answer: informationRequests.answer,
          answeredOn: informationRequests.answeredOn,
          answerVia: informationRequests.answerVia,
        })
        .from(informationRequests)
        .where(inArray(informationRequests.complaintId, ids))
        .orderBy(asc(informationRequests.id)),
    () =>
      db
        .select({
          complaintId: complaintAttachments.complaintId,
          fileName: complaintAttachments.fileName,
          contentType: complaintAttachments.contentType,
          sizeBytes: complaintAttachments.sizeBytes,
          createdAt: complaintAttachments.createdAt,
        })
        .from(complaintAttachments)
        .where(inArray(complaintAttachments.complaintId, ids))
        .orderBy(asc(complaintAttachments.id)),
    () =>
      db
        .select({
          complaintId: outbox.complaintId,
          kind: outbox.kind,
          medium: outbox.medium,
          recipient: outbox.recipient,
          subject: outbox.subject,
          bodyText: outbox.bodyText,
          status: outbox.status,
          createdAt: outbox.createdAt,
          sentAt: outbox.sentAt,
          postedOn: outbox.postedOn,
        })
        .from(outbox)
        .innerJoin(complaints, eq(complaints.id, outbox.complaintId))
        // To the client: by post (letters only go to the client's address), or to the client's e-mail address.
        .where(and(inArray(outbox.complaintId, ids), or(eq(outbox.medium, 'post'), sql`lower(${outbox.recipient}) = lower(${complaints.complainantEmail})`)))
        .orderBy(asc(outbox.id)),
    () =>
      db
        .select({
          complaintId: inboundMails.complaintId,
          fromAddress: inboundMails.fromAddress,
          subject: inboundMails.subject,
          receivedAt: inboundMails.receivedAt,
          textBody: inboundMails.textBody,
        })
        .from(inboundMails)
        .where(inArray(inboundMails.complaintId, ids))
        .orderBy(asc(inboundMails.id)),
  ]);
  const of = <T extends { complaintId: number | null }>(list: T[], id: number) =>
    list.filter((x) => x.complaintId === id).map(({ complaintId: _c, ...rest }) => rest);
  return rows.map((row) => ({
    complaint: row.complaint,
    categoryName: row.categoryName,
    contractingPartyName: row.contractingPartyName,
    handlerName: row.handlerName,
    involved: of(involved, row.complaint.id),
    history: of(history, row.complaint.id),
    questions: of(questions, row.complaint.id),
    attachments: of(files, row.complaint.id),
    lettersSent: of(letters, row.complaint.id),
    mailsReceived: of(mails, row.complaint.id),
  }));
}

/** A mail to the requester (no complaint), into the outbox in the caller's transaction. */
export async function enqueuePrivacyMail(
  tx: Tx,
  mail: { kind: string; recipient: string; subject: string; bodyText: string; letter: LetterDoc; at: Date },
): Promise<number> {
  const [row] = await tx
    .insert(outbox)
    .values({
      complaintId: null,
      kind: mail.kind,
      medium: 'email',
      recipient: mail.recipient,
      subject: mail.subject,
      bodyText: mail.bodyText,
      letter: mail.letter,
      nextAttemptAt: mail.at,
      createdAt: mail.at,
    })
    .returning({ id: outbox.id });
  return row!.id;
}
