import { object } from 'zod/mini';
import { appendHistory } from '@/db/complaints';
import { lockInboundMail, markNoComplaint, markRegistered } from '@/db/inbound';
import { defineAction, Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import { recordComplaint } from '@/lib/complaints/intake';
import { registerSchema } from '@/lib/complaints/register-schema';
import type { Registration } from '@/lib/complaints/register';
import { amsterdamDate } from '@/lib/procedure/dates';
import { mailIdField as mailId, noComplaintSchema } from './inbound-schemas';

/**
 * A handler decides about a mail that came in as a draft ("Per e-mail binnengekomen"): register it as a complaint
 * (the registration form, prefilled from the mail) or mark it "geen klacht" with a reason. Each one transaction
 * through the action pipeline; the mail row records who decided and when (and the reason), the new complaint's
 * history its registration and the mail it came from.
 */

export const registerFromMailSchema = object({ mailId, registration: registerSchema }, 'invalid');

export const registerFromMail = defineAction({
  name: 'registerFromMail',
  access: 'complaints.register',
  schema: registerFromMailSchema,
  async run(tx, { mailId, registration: input }, { now, actor }): Promise<Registration> {
    const mail = await lockInboundMail(tx, Number(mailId));
    if (!mail) throw ruleViolation('_form', 'mailNotFound');
    if (input.receivedOn > amsterdamDate(now)) throw ruleViolation('receivedOn', 'receivedInFuture');
    // A second submit of the same form finds the complaint the first made.
    if (mail.state !== 'draft' && !(mail.state === 'registered' && mail.complaintId !== null)) throw ruleViolation('_form', 'mailHandled');
    const recorded = await recordComplaint(tx, input, { channel: input.channel, receivedOn: input.receivedOn, registeredBy: actor.id, now, settings: 'fresh' });
    if (!recorded.created && recorded.registeredBy !== actor.id) throw new Forbidden();
    if (mail.state === 'registered') {
      if (mail.complaintId !== recorded.id) throw ruleViolation('_form', 'mailHandled');
      return { id: recorded.id, reference: recorded.reference, receivedOn: recorded.receivedOn };
    }
    await markRegistered(tx, mail.id, recorded.id, actor.id, now);
    await appendHistory(tx, {
      complaintId: recorded.id,
      at: now,
      actorUserId: actor.id,
      action: 'mail_received',
      details: { mailFrom: mail.fromAddress, mailSubject: mail.subject, ...(mail.refusedAttachments.length > 0 ? { refusedAttachments: mail.refusedAttachments.map((r) => r.name) } : {}) },
    });
    return { id: recorded.id, reference: recorded.reference, receivedOn: recorded.receivedOn };
  },
});

export const markMailNoComplaint = defineAction({
  name: 'markMailNoComplaint',
  access: 'complaints.register',
  schema: noComplaintSchema,
  async run(tx, { mailId, reason }, { now, actor }): Promise<{ id: number }> {
    const mail = await lockInboundMail(tx, Number(mailId));
    if (!mail) throw ruleViolation('_form', 'mailNotFound');
    if (mail.state !== 'draft') throw ruleViolation('_form', 'mailHandled');
    await markNoComplaint(tx, mail.id, reason, actor.id, now);
    return { id: mail.id };
  },
});
