import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { type InboxActor, visibleTo } from './inbox';
import { complaints, contractingParties, outbox } from './schema';

/**
 * The post room (/beheer/post) and the letters as PDF: the outbox rows staff act on by hand. Visibility follows the
 * complaint (`visibleTo`, the inbox's rule): a handler sees the letters of the complaints they may see; a message that
 * belongs to no complaint only shows to those who see every complaint.
 */

type Executor = Db | Tx;

/** How many rows a list shows at most (oldest first); the page says when there are more. */
export const POST_ROOM_LIMIT = 200;

const listColumns = {
  id: outbox.id,
  kind: outbox.kind,
  medium: outbox.medium,
  recipient: outbox.recipient,
  subject: outbox.subject,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  complaintId: outbox.complaintId,
  reference: complaints.reference,
  complainantName: complaints.complainantName,
  complainantEmail: complaints.complainantEmail,
  addressStreet: complaints.addressStreet,
  addressPostcode: complaints.addressPostcode,
  addressCity: complaints.addressCity,
  deliveryStatus: outbox.deliveryStatus,
};

export type PostRoomRow = {
  id: number;
  kind: string;
  medium: 'email' | 'post';
  recipient: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  complaintId: number | null;
  reference: string | null;
  complainantName: string | null;
  complainantEmail: string | null;
  addressStreet: string | null;
  addressPostcode: string | null;
  addressCity: string | null;
  /** What resend reported (migration 0013): a bounced e-mail waits here with the failed ones. */
  deliveryStatus?: string | null;
};

async function listOutbox(db: Executor, actor: InboxActor, where: SQL): Promise<{ rows: PostRoomRow[]; more: boolean }> {
  const rows = await db
    .select(listColumns)
    .from(outbox)
    .leftJoin(complaints, eq(complaints.id, outbox.complaintId))
    .where(and(where, visibleTo(actor)))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(POST_ROOM_LIMIT + 1);
  return { rows: rows.slice(0, POST_ROOM_LIMIT), more: rows.length > POST_ROOM_LIMIT };
}

/** Letters waiting to be printed and posted, oldest first. */
export function lettersToPost(db: Executor, actor: InboxActor) {
  return listOutbox(db, actor, and(eq(outbox.medium, 'post'), eq(outbox.status, 'pending'))!);
}

/** E-mails the worker gave up on, oldest first. */
export function failedMails(db: Executor, actor: InboxActor) {
  return listOutbox(db, actor, and(eq(outbox.medium, 'email'), eq(outbox.status, 'failed'))!);
}

/** One outbox message with what its PDF needs: its complaint (who may see it, the address) and contracting party. */
export async function letterForPdf(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      medium: outbox.medium,
      recipient: outbox.recipient,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      createdAt: outbox.createdAt,
      complaintId: outbox.complaintId,
      complaint: {
        reference: complaints.reference,
        locale: complaints.locale,
        complainantName: complaints.complainantName,
        complainantEmail: complaints.complainantEmail,
        addressStreet: complaints.addressStreet,
        addressPostcode: complaints.addressPostcode,
        addressCity: complaints.addressCity,
        handlerId: complaints.handlerId,
        registeredBy: complaints.registeredBy,
      },
      party: { name: contractingParties.name, email: contractingParties.contactEmail },
    })
    .from(outbox)
    .leftJoin(complaints, eq(complaints.id, outbox.complaintId))
    .leftJoin(contractingParties, eq(contractingParties.id, complaints.contractingPartyId))
    .where(eq(outbox.id, id));
  return row ?? null;
}

export type LetterForPdf = NonNullable<Awaited<ReturnType<typeof letterForPdf>>>;

/** Locks one outbox message (and reads its complaint's visibility facts) for a change by hand. */
export async function lockOutboxMessage(tx: Tx, id: number) {
  const [row] = await tx
    .select({
      id: outbox.id,
      kind: outbox.kind,
      medium: outbox.medium,
      status: outbox.status,
      recipient: outbox.recipient,
      subject: outbox.subject,
      createdAt: outbox.createdAt,
      complaintId: outbox.complaintId,
    })
    .from(outbox)
    .where(eq(outbox.id, id))
    .for('update');
  return row ?? null;
}

export type LockedOutboxMessage = NonNullable<Awaited<ReturnType<typeof lockOutboxMessage>>>;

/** The complaint's facts a post-room change needs: who may see it, and its postal address. */
export async function complaintForPost(db: Executor, id: number) {
  const [row] = await db
    .select({
      handlerId: complaints.handlerId,
      registeredBy: complaints.registeredBy,
      complainantName: complaints.complainantName,
      complainantEmail: complaints.complainantEmail,
      addressStreet: complaints.addressStreet,
      addressPostcode: complaints.addressPostcode,
      addressCity: complaints.addressCity,
    })
    .from(complaints)
    .where(eq(complaints.id, id));
  return row ?? null;
}

/** A letter went into the post on `postedOn`: sent, recorded when and by whom. */
export async function markPosted(tx: Tx, id: number, postedOn: string, userId: number, now: Date): Promise<void> {
  await tx.update(outbox).set({ status: 'sent', sentAt: now, postedOn, postedBy: userId }).where(eq(outbox.id, id));
}

/**
 * A failed e-mail back to the worker: pending, due now, with a fresh count of attempts (so it gets the full series of
 * retries again). Its idempotency key (`outbox-<id>`, lib/mail/worker.ts) stays: it is the same letter.
 */
export async function requeueMail(tx: Tx, id: number, now: Date): Promise<void> {
  // A bounce report is cleared (the new send gets its own); its time stays, and gives the new send its own idempotency key.
  await tx.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, deliveryStatus: null, deliveryDetail: null }).where(eq(outbox.id, id));
}

/** A failed e-mail to be printed instead: a letter to `recipient` (the address block), waiting in the post room. */
export async function moveMailToPost(tx: Tx, id: number, recipient: string, now: Date): Promise<void> {
  await tx
    .update(outbox)
    .set({ medium: 'post', recipient, status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(eq(outbox.id, id));
}
