import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/actor';
import type { Tx } from './client';
import {
  complaintAttachments,
  complaintHistory,
  complaintInvolved,
  complaints,
  inboundMailAttachments,
  inboundMails,
  informationRequests,
  outbox,
  privacyRequestEvents,
  privacyRequests,
  type AnonymisedReason,
} from './schema';

/** What replaces a personal text that the database requires (NOT NULL columns). The pages show it as it is. */
export const ANONYMISED_TEXT = 'geanonimiseerd';

/**
 * The history details that stay after anonymisation: statuses, dates, kinds, ids and the organisation's own names
 * (handlers, contracting parties). Everything else (questions, answers, reports, places, participants, recipients,
 * names of people involved, measures as written, the client's stated party) is taken out of the entry.
 */
export const KEPT_HISTORY_DETAILS = [
  'channel', 'receivedOn', 'olderThanLimit', 'incidentOlderThanLimit', 'earliestHandled', 'ground', 'outcome',
  'handlerId', 'handlerName', 'previousHandlerName', 'involvement', 'staffId', 'blocksHandler', 'answerBy', 'answeredOn',
  'on', 'heldOn', 'previousOn', 'sentOn', 'via', 'medium', 'held', 'previousDue', 'newDue', 'days', 'consent',
  'consentOn', 'contractingPartyId', 'contractingPartyName', 'previousPartyName', 'clientPartyChoice', 'withdrawnOn',
  'late', 'satisfied', 'previousSatisfied', 'outboxId', 'kind', 'postedOn', 'anonymisedFor',
] as const;

export type AnonymiseOptions = { now: Date; reason: AnonymisedReason; actor: Actor | null; note?: string };

/**
 * Removes everything personal from one complaint, inside the caller's transaction (retention run, erasure request).
 * Kept: what the statistics need (category, channel, party, dates, status, deadlines, outcome, measure links,
 * satisfaction answers) and the shape of the history. Removed or replaced: the client's name and contact details, all
 * free text (description, desired outcome, questions and answers, history reasons and texts), attachments, the mails
 * and letters of the complaint (sent ones emptied, unsent ones dropped), inbound mails linked to it, and the status
 * link (its token no longer matches). An already anonymised complaint is left alone: `{ anonymised: false }`.
 */
export async function anonymiseComplaint(tx: Tx, complaintId: number, opts: AnonymiseOptions): Promise<{ anonymised: boolean }> {
  const [complaint] = await tx
    .select({ id: complaints.id, anonymisedAt: complaints.anonymisedAt })
    .from(complaints)
    .where(eq(complaints.id, complaintId))
    .for('update');
  if (!complaint) throw new Error(`complaint ${complaintId} does not exist`);
  if (complaint.anonymisedAt) return { anonymised: false };

  await tx
    .update(complaints)
    .set({
      complainantName: ANONYMISED_TEXT,
      complainantEmail: null,
      complainantPhone: null,
      addressStreet: null,
      addressPostcode: null,
      addressCity: null,
      description: ANONYMISED_TEXT,
      desiredOutcome: null,
      concernsStaffText: null,
      partyName: null,
      // A value no token hashes to (hashes are hex): the status link dies. The key of the original submission goes too.
      statusTokenHash: `anonymised:${complaintId}`,
      idempotencyKey: null,
      anonymisedAt: opts.now,
      anonymisedReason: opts.reason,
      version: sql`${complaints.version} + 1`,
      updatedAt: opts.now,
    })
    .where(eq(complaints.id, complaintId));

  // People involved who are not on the staff list are named only in this row.
  await tx.update(complaintInvolved).set({ name: ANONYMISED_TEXT }).where(and(eq(complaintInvolved.complaintId, complaintId), isNull(complaintInvolved.staffId)));

  await tx.delete(complaintAttachments).where(eq(complaintAttachments.complaintId, complaintId));
  await tx.update(informationRequests).set({ question: ANONYMISED_TEXT }).where(eq(informationRequests.complaintId, complaintId));
  await tx
    .update(informationRequests)
    .set({ answer: ANONYMISED_TEXT, answerIdempotencyKey: null })
    .where(and(eq(informationRequests.complaintId, complaintId), isNotNull(informationRequests.answer)));

  // Mail and letters: what was sent stays as a row (the dates and kinds), emptied; what was never sent is dropped.
  const dropped = await tx
    .delete(outbox)
    .where(and(eq(outbox.complaintId, complaintId), ne(outbox.status, 'sent')))
    .returning({ id: outbox.id });
  await tx
    .update(outbox)
    .set({ recipient: ANONYMISED_TEXT, subject: ANONYMISED_TEXT, bodyText: ANONYMISED_TEXT, letter: null, lastError: null, deliveryDetail: null })
    .where(eq(outbox.complaintId, complaintId));

  const mails = await tx.select({ id: inboundMails.id }).from(inboundMails).where(eq(inboundMails.complaintId, complaintId));
  if (mails.length > 0) {
    const ids = mails.map((m) => m.id);
    await tx.delete(inboundMailAttachments).where(inArray(inboundMailAttachments.inboundMailId, ids));
    await tx
      .update(inboundMails)
      .set({ fromAddress: ANONYMISED_TEXT, toAddresses: ANONYMISED_TEXT, subject: ANONYMISED_TEXT, textBody: ANONYMISED_TEXT, htmlBody: null, refusedAttachments: [] })
      .where(inArray(inboundMails.id, ids));
  }

  await redactHistory(tx, complaintId);

  await tx.insert(complaintHistory).values({
    complaintId,
    at: opts.now,
    actorUserId: opts.actor?.id ?? null,
    actorLabel: opts.actor ? null : 'system',
    action: 'anonymised',
    reason: opts.note?.trim() || null,
    details: { anonymisedFor: opts.reason, ...(dropped.length > 0 ? { unsentDropped: dropped.length } : {}) },
  });
  return { anonymised: true };
}

/**
 * Takes the personal texts out of the complaint's history: the reasons, and every detail not in KEPT_HISTORY_DETAILS.
 * The history is append-only; migration 0018 allows exactly this (clear a reason, drop detail keys) inside a
 * transaction that set `klachtloket.redact`, which `set_config(..., true)` ends with the transaction.
 */
async function redactHistory(tx: Tx, complaintId: number): Promise<void> {
  await tx.execute(sql`select set_config('klachtloket.redact', 'on', true)`);
  const kept = sql.join(KEPT_HISTORY_DETAILS.map((key) => sql`${key}`), sql`, `);
  await tx.execute(sql`
    update complaint_history set
      reason = null,
      details = case when details is null then null else (
        select coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) from jsonb_each(details) d where d.key in (${kept})
      ) end
    where complaint_id = ${complaintId} and (reason is not null or details is not null)`);
  await tx.execute(sql`select set_config('klachtloket.redact', 'off', true)`);
}

/** The event details of a privacy request that stay after anonymisation: dates, counts, kinds, references, outbox ids. */
export const KEPT_PRIVACY_EVENT_DETAILS = ['kind', 'receivedOn', 'dueOn', 'months', 'previousDue', 'newDue', 'complaints', 'fields', 'alreadyAnonymised', 'format', 'outboxId'] as const;

/**
 * Removes the requester's personal data from a closed privacy request, inside the caller's transaction (the retention
 * run, lib/privacy/retention.ts): name, e-mail address, the request's text and the written reasons are replaced, the
 * event details lose every key not in KEPT_PRIVACY_EVENT_DETAILS (migration 0020 allows exactly that), and the mails
 * to the requester (extension, refusal) are emptied like a complaint's. Kept: kind, dates, status, the linked
 * complaints (which have their own retention) and who did which step when. An open or already anonymised request is
 * left alone: `{ anonymised: false }`.
 */
export async function anonymisePrivacyRequest(tx: Tx, requestId: number, now: Date): Promise<{ anonymised: boolean }> {
  const [request] = await tx
    .select({ id: privacyRequests.id, closedAt: privacyRequests.closedAt, anonymisedAt: privacyRequests.anonymisedAt })
    .from(privacyRequests)
    .where(eq(privacyRequests.id, requestId))
    .for('update');
  if (!request) throw new Error(`privacy request ${requestId} does not exist`);
  if (request.anonymisedAt || !request.closedAt) return { anonymised: false };

  const events = await tx.select({ details: privacyRequestEvents.details }).from(privacyRequestEvents).where(eq(privacyRequestEvents.requestId, requestId));
  const outboxIds = events.map((e) => (e.details as Record<string, unknown> | null)?.outboxId).filter((id): id is number => Number.isInteger(id));
  await tx
    .update(privacyRequests)
    .set({
      requesterName: ANONYMISED_TEXT,
      requesterEmail: ANONYMISED_TEXT,
      requestText: ANONYMISED_TEXT,
      // Both stay non-null where they were (the table's checks), without their words.
      extensionReason: sql`case when ${privacyRequests.extensionReason} is null then null else ${ANONYMISED_TEXT} end`,
      outcomeReason: sql`case when ${privacyRequests.outcomeReason} is null then null else ${ANONYMISED_TEXT} end`,
      anonymisedAt: now,
      version: sql`${privacyRequests.version} + 1`,
      updatedAt: now,
    })
    .where(eq(privacyRequests.id, requestId));
  if (outboxIds.length > 0) {
    await tx.delete(outbox).where(and(inArray(outbox.id, outboxIds), isNull(outbox.complaintId), ne(outbox.status, 'sent')));
    await tx
      .update(outbox)
      .set({ recipient: ANONYMISED_TEXT, subject: ANONYMISED_TEXT, bodyText: ANONYMISED_TEXT, letter: null, lastError: null, deliveryDetail: null })
      .where(and(inArray(outbox.id, outboxIds), isNull(outbox.complaintId)));
  }
  await tx.execute(sql`select set_config('klachtloket.redact', 'on', true)`);
  const kept = sql.join(KEPT_PRIVACY_EVENT_DETAILS.map((key) => sql`${key}`), sql`, `);
  await tx.execute(sql`
    update privacy_request_events set details = (
      select coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) from jsonb_each(details) d where d.key in (${kept})
    ) where request_id = ${requestId}`);
  await tx.execute(sql`select set_config('klachtloket.redact', 'off', true)`);
  await tx.insert(privacyRequestEvents).values({ requestId, at: now, actorUserId: null, action: 'anonymised', details: {} });
  return { anonymised: true };
}
