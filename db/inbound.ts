import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { DeliveryStatus } from '@/lib/mail/inbound-rules';
import type { Db, Tx } from './client';
import { complaints, inboundMailAttachments, inboundMails, outbox, webhookEvents } from './schema';

/** Mail in and out through resend's webhooks (migration 0013): processed events, delivery reports, inbound mail. */

type Executor = Db | Tx;

/**
 * Records a webhook event as processed; false when it was already (a replay). Called first in the transaction of the
 * event's effect: a concurrent duplicate waits on the unique key and then finds it taken.
 */
export async function claimWebhookEvent(tx: Tx, id: string, type: string, now: Date): Promise<boolean> {
  const rows = await tx.insert(webhookEvents).values({ id, type: type.slice(0, 100), receivedAt: now }).onConflictDoNothing().returning({ id: webhookEvents.id });
  return rows.length > 0;
}

/** Whether this webhook event was processed before (a cheap look before fetching anything for it). */
export async function webhookEventSeen(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, id));
  return Boolean(row);
}

/** The outbox e-mail resend knows under `providerId`, locked; null when it is not ours. */
export async function lockOutboxByProviderId(tx: Tx, providerId: string) {
  const [row] = await tx
    .select({ id: outbox.id, status: outbox.status, medium: outbox.medium, deliveryStatus: outbox.deliveryStatus })
    .from(outbox)
    .where(eq(outbox.providerId, providerId))
    .orderBy(desc(outbox.id))
    .limit(1)
    .for('update');
  return row ?? null;
}

/**
 * Records what resend reported. A bounce also marks the e-mail failed (it did not arrive), so it waits in the post
 * room with the e-mails the worker gave up on, to be sent again or printed.
 */
export async function recordDelivery(tx: Tx, id: number, status: DeliveryStatus, at: Date, detail: string | null, failed: boolean): Promise<void> {
  await tx
    .update(outbox)
    .set({
      deliveryStatus: status,
      deliveryAt: at,
      deliveryDetail: detail,
      ...(failed ? { status: 'failed' as const, lastError: `bounce${detail ? `: ${detail}` : ''}`.slice(0, 500) } : {}),
    })
    .where(eq(outbox.id, id));
}

/** A complaint by its reference, locked (for a reply to it); null when there is none. */
export async function lockComplaintByReference(tx: Tx, reference: string) {
  const [row] = await tx.select().from(complaints).where(eq(complaints.reference, reference)).for('update');
  return row ?? null;
}

export type NewInboundMail = typeof inboundMails.$inferInsert;
export type NewInboundAttachment = Omit<typeof inboundMailAttachments.$inferInsert, 'inboundMailId'>;

/** Stores an inbound mail with its kept files; null when this resend mail was stored before. */
export async function insertInboundMail(tx: Tx, mail: NewInboundMail, files: readonly NewInboundAttachment[]): Promise<number | null> {
  const [row] = await tx.insert(inboundMails).values(mail).onConflictDoNothing({ target: inboundMails.providerId }).returning({ id: inboundMails.id });
  if (!row) return null;
  if (files.length > 0) await tx.insert(inboundMailAttachments).values(files.map((file) => ({ ...file, inboundMailId: row.id })));
  return row.id;
}

const mailColumns = {
  id: inboundMails.id,
  fromAddress: inboundMails.fromAddress,
  toAddresses: inboundMails.toAddresses,
  subject: inboundMails.subject,
  receivedAt: inboundMails.receivedAt,
  textBody: inboundMails.textBody,
  refusedAttachments: inboundMails.refusedAttachments,
  state: inboundMails.state,
  complaintId: inboundMails.complaintId,
  noComplaintReason: inboundMails.noComplaintReason,
  handledAt: inboundMails.handledAt,
};

/** How many drafts the inbox lists at most (oldest first); the list says when there are more. */
export const DRAFT_LIST_LIMIT = 50;

/** The drafts waiting for a handler, oldest first. */
export async function inboundDrafts(db: Executor) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: inboundMails.id, fromAddress: inboundMails.fromAddress, subject: inboundMails.subject, receivedAt: inboundMails.receivedAt })
      .from(inboundMails)
      .where(eq(inboundMails.state, 'draft'))
      .orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id))
      .limit(DRAFT_LIST_LIMIT),
    db.select({ n: count() }).from(inboundMails).where(eq(inboundMails.state, 'draft')),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One inbound mail with the list of its kept files (without their bytes). */
export async function inboundMail(db: Executor, id: number) {
  const [mail] = await db.select(mailColumns).from(inboundMails).where(eq(inboundMails.id, id));
  if (!mail) return null;
  return { ...mail, attachments: await attachmentsOf(db, [id]) };
}

async function attachmentsOf(db: Executor, mailIds: number[]) {
  if (mailIds.length === 0) return [];
  return db
    .select({
      id: inboundMailAttachments.id,
      inboundMailId: inboundMailAttachments.inboundMailId,
      fileName: inboundMailAttachments.fileName,
      contentType: inboundMailAttachments.contentType,
      sizeBytes: inboundMailAttachments.sizeBytes,
    })
    .from(inboundMailAttachments)
    .where(sql`${inboundMailAttachments.inboundMailId} in ${mailIds}`)
    .orderBy(asc(inboundMailAttachments.id));
}

/** The mails on a complaint's file (replies, and the mail it was registered from), oldest first, with their files. */
export async function complaintMails(db: Executor, complaintId: number) {
  const mails = await db.select(mailColumns).from(inboundMails).where(eq(inboundMails.complaintId, complaintId)).orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id));
  const files = await attachmentsOf(db, mails.map((m) => m.id));
  return mails.map((mail) => ({ ...mail, attachments: files.filter((f) => f.inboundMailId === mail.id) }));
}

/** An inbound draft, locked for a handler's decision; null when there is none. */
export async function lockInboundMail(tx: Tx, id: number) {
  const [row] = await tx.select(mailColumns).from(inboundMails).where(eq(inboundMails.id, id)).for('update');
  return row ?? null;
}

export async function markRegistered(tx: Tx, id: number, complaintId: number, userId: number, now: Date): Promise<void> {
  await tx.update(inboundMails).set({ state: 'registered', complaintId, handledBy: userId, handledAt: now }).where(eq(inboundMails.id, id));
}

export async function markNoComplaint(tx: Tx, id: number, reason: string, userId: number, now: Date): Promise<void> {
  await tx.update(inboundMails).set({ state: 'no_complaint', noComplaintReason: reason, handledBy: userId, handledAt: now }).where(eq(inboundMails.id, id));
}

/** Who may download a file of an inbound mail: the mail's state and complaint (for `canSeeComplaint`). */
export async function inboundAttachmentAccess(db: Executor, id: number) {
  const [row] = await db
    .select({ state: inboundMails.state, complaintId: inboundMails.complaintId, handlerId: complaints.handlerId, registeredBy: complaints.registeredBy })
    .from(inboundMailAttachments)
    .innerJoin(inboundMails, eq(inboundMails.id, inboundMailAttachments.inboundMailId))
    .leftJoin(complaints, eq(complaints.id, inboundMails.complaintId))
    .where(eq(inboundMailAttachments.id, id));
  return row ?? null;
}

export async function inboundAttachmentContent(db: Executor, id: number) {
  const [row] = await db
    .select({ fileName: inboundMailAttachments.fileName, contentType: inboundMailAttachments.contentType, content: inboundMailAttachments.content })
    .from(inboundMailAttachments)
    .where(eq(inboundMailAttachments.id, id));
  return row ?? null;
}

/** Whether the complaint has such a bounced letter, and when it bounced last. */
export async function clientBounce(db: Executor, complaintId: number) {
  const [row] = await db
    .select({ at: outbox.deliveryAt, subject: outbox.subject })
    .from(outbox)
    .innerJoin(complaints, eq(complaints.id, outbox.complaintId))
    .where(
      and(
        eq(outbox.complaintId, complaintId),
        eq(outbox.deliveryStatus, 'bounced'),
        eq(outbox.status, 'failed'),
        eq(outbox.medium, 'email'),
        sql`lower(${outbox.recipient}) = lower(${complaints.complainantEmail})`,
      ),
    )
    .orderBy(desc(outbox.deliveryAt))
    .limit(1);
  return row ?? null;
}

/** Of these complaints, those with a bounced letter to the client still to be dealt with (the inbox marks them). */
export async function complaintsWithClientBounce(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: outbox.complaintId })
    .from(outbox)
    .innerJoin(complaints, eq(complaints.id, outbox.complaintId))
    .where(
      and(
        sql`${outbox.complaintId} in ${ids}`,
        eq(outbox.deliveryStatus, 'bounced'),
        eq(outbox.status, 'failed'),
        eq(outbox.medium, 'email'),
        sql`lower(${outbox.recipient}) = lower(${complaints.complainantEmail})`,
      ),
    );
  return new Set(rows.map((r) => r.id!));
}
