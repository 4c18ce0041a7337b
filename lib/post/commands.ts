import { appendHistory } from '@/db/complaints';
import type { Tx } from '@/db/client';
import { complaintForPost, type LockedOutboxMessage, lockOutboxMessage, markPosted, moveMailToPost, requeueMail } from '@/db/post';
import { defineAction, Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { can, canSeeComplaint } from '@/lib/auth/policy';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate } from '@/lib/procedure/dates';
import { checkPostedOn, isFailedMail, isWaitingLetter, postalRecipient } from './rules';
import { markPostedSchema, outboxMessageSchema } from './schemas';

/**
 * The post room's server actions ('complaints.read': the staff who handle complaints), each through `defineAction`:
 * role → zod → lock the outbox message → may this user see its complaint (the file page's rule) → its state and the
 * rules (./rules.ts) → the change in one transaction, with a history entry on the complaint when a letter is posted.
 */

type Result = { id: number };

/** The message, locked, when this user may act on it: the complaint's own visibility, or all complaints for a message without one. */
async function messageFor(tx: Tx, actor: Actor, id: number): Promise<{ message: LockedOutboxMessage; complaint: Awaited<ReturnType<typeof complaintForPost>> }> {
  const message = await lockOutboxMessage(tx, id);
  if (!message) throw ruleViolation('_form', 'notFound');
  if (message.complaintId === null) {
    if (!can(actor.role, 'complaints.readAll')) throw new Forbidden();
    return { message, complaint: null };
  }
  const complaint = await complaintForPost(tx, message.complaintId);
  if (!complaint || !canSeeComplaint(actor, complaint)) throw new Forbidden();
  return { message, complaint };
}

/** "Verstuurd per post op …": the letter was printed and posted on that day. */
export const markLetterPosted = defineAction({
  name: 'markLetterPosted',
  access: 'complaints.read',
  schema: markPostedSchema,
  async run(tx, input, { now, actor }): Promise<Result> {
    const { message } = await messageFor(tx, actor, input.id);
    if (!isWaitingLetter(message)) throw ruleViolation('_form', 'letterNotWaiting');
    const error = checkPostedOn(input.postedOn, amsterdamDate(message.createdAt), amsterdamDate(now));
    if (error) throw ruleViolation('postedOn', error);
    await markPosted(tx, message.id, input.postedOn, actor.id, now);
    if (message.complaintId !== null) {
      await appendHistory(tx, {
        complaintId: message.complaintId,
        at: now,
        actorUserId: actor.id,
        action: 'letter_posted',
        details: { outboxId: message.id, kind: message.kind, subject: message.subject, postedOn: input.postedOn },
      });
    }
    return { id: message.id };
  },
});

/**
 * "Opnieuw versturen": a failed e-mail goes back to the worker with a fresh series of attempts. It keeps its
 * idempotency key (`outbox-<id>`): it is the same letter, so should an earlier attempt have reached the mail service
 * after all, the service answers with that send instead of delivering the letter twice.
 */
export const resendMail = defineAction({
  name: 'resendMail',
  access: 'complaints.read',
  schema: outboxMessageSchema,
  async run(tx, input, { now, actor }): Promise<Result> {
    const { message } = await messageFor(tx, actor, input.id);
    if (!isFailedMail(message)) throw ruleViolation('_form', 'mailNotFailed');
    await requeueMail(tx, message.id, now);
    return { id: message.id };
  },
  after: deliverOutboxAfterResponse,
});

/** "Per post versturen": a failed e-mail to the client is printed instead, to the postal address on the complaint. */
export const sendMailByPost = defineAction({
  name: 'sendMailByPost',
  access: 'complaints.read',
  schema: outboxMessageSchema,
  async run(tx, input, { now, actor }): Promise<Result> {
    const { message, complaint } = await messageFor(tx, actor, input.id);
    if (!isFailedMail(message)) throw ruleViolation('_form', 'mailNotFailed');
    const recipient = complaint
      ? postalRecipient(
          { medium: 'email', recipient: message.recipient },
          { ...complaint, reference: '', locale: 'nl' },
        )
      : null;
    if (!recipient) throw ruleViolation('_form', 'noPostalAddress');
    await moveMailToPost(tx, message.id, recipient, now);
    return { id: message.id };
  },
});
