import { appendHistory, enqueueMessage } from '@/db/complaints';
import { updateComplaint } from '@/db/procedure';
import { organisationOrDefault } from '@/db/settings';
import { defineAction } from '@/lib/actions/pipeline';
import { acknowledgementMessage } from '@/lib/mail/acknowledgement';
import { recipientFor } from '@/lib/mail/recipient';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { nextStatus, TRANSITIONS } from '@/lib/procedure/workflow';
import { appUrl } from '@/lib/server/env';
import { recordComplaint } from './intake';
import { statusPath } from './links';
import { complaintSchema } from './schema';

export type Receipt = { reference: string; receivedOn: IsoDate; token: string };

/**
 * A client files a complaint online. One transaction: the complaint, the staff it is about, its first history
 * entry (./intake.ts), and the acknowledgement in the outbox — online complaints are acknowledged at once (DESIGN rule 2),
 * so the complaint moves on through the transition table's "acknowledge" step, by the system. The same idempotency key
 * always yields the same complaint.
 */
export const submitComplaint = defineAction({
  name: 'submitComplaint',
  access: 'public',
  limit: 'submit',
  schema: complaintSchema,
  async run(tx, input, { now }): Promise<Receipt> {
    const recorded = await recordComplaint(tx, input, { channel: 'online', receivedOn: amsterdamDate(now), registeredBy: null, now });
    const { reference, receivedOn, token } = recorded;
    if (!recorded.created) return { reference, receivedOn, token };

    const message = acknowledgementMessage({
      locale: input.locale,
      name: input.name,
      reference,
      receivedOn,
      terms: recorded.terms,
      statusUrl: appUrl() + statusPath(token, input.locale),
      olderThanLimit: recorded.olderThanLimit,
      organisation: await organisationOrDefault(tx),
    });
    await enqueueMessage(tx, {
      complaintId: recorded.id,
      kind: 'acknowledgement',
      ...recipientFor(recorded.contact),
      subject: message.subject,
      bodyText: message.text,
      letter: message.doc,
      createdAt: now,
    });
    const acknowledged = nextStatus('acknowledge', 'received');
    await updateComplaint(tx, recorded.id, { status: acknowledged }, now);
    await appendHistory(tx, {
      complaintId: recorded.id,
      at: now,
      actorLabel: 'system',
      action: TRANSITIONS.acknowledge.history,
      fromStatus: 'received',
      toStatus: acknowledged,
      details: { medium: recipientFor(recorded.contact).medium },
    });
    return { reference, receivedOn, token };
  },
  after: deliverOutboxAfterResponse,
});
