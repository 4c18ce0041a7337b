import { enqueueMessage } from '@/db/complaints';
import { organisationOrDefault } from '@/db/settings';
import { defineAction } from '@/lib/actions/pipeline';
import { acknowledgementMessage } from '@/lib/mail/acknowledgement';
import { recipientFor } from '@/lib/mail/recipient';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { appUrl } from '@/lib/server/env';
import { recordComplaint } from './intake';
import { statusPath } from './links';
import { complaintSchema } from './schema';

export type Receipt = { reference: string; receivedOn: IsoDate; token: string };

/**
 * A client files a complaint online. One transaction: the complaint, the staff it is about, its first history
 * entry (./intake.ts) and the acknowledgement in the outbox. The same idempotency key always yields the same complaint.
 */
export const submitComplaint = defineAction({
  name: 'submitComplaint',
  access: 'public',
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
    });
    return { reference, receivedOn, token };
  },
  after: deliverOutboxAfterResponse,
});
