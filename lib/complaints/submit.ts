import {
  appendHistory,
  currentTerms,
  enqueueMessage,
  findActiveCategory,
  findActiveStaff,
  findComplaintByIdempotencyKey,
  insertComplaint,
  insertInvolved,
  lockIdempotencyKey,
  nextReferenceNumber,
} from '@/db/complaints';
import { organisationOrDefault } from '@/db/settings';
import { defineAction, ruleViolation } from '@/lib/actions/pipeline';
import { acknowledgementMessage } from '@/lib/mail/acknowledgement';
import { normalizePostcode, recipientFor } from '@/lib/mail/recipient';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { checkIncidentAge, type IncidentTime } from '@/lib/procedure/deadlines';
import { appUrl } from '@/lib/server/env';
import { hashToken, statusTokenFor } from '@/lib/server/tokens';
import { statusPath } from './links';
import { formatReference } from './reference';
import { complaintSchema } from './schema';

export type Receipt = { reference: string; receivedOn: IsoDate; token: string };

/**
 * A client files a complaint online. One transaction: the complaint, the staff it is about, its first history
 * entry and the acknowledgement in the outbox. The same idempotency key always yields the same complaint.
 */
export const submitComplaint = defineAction({
  name: 'submitComplaint',
  access: 'public',
  schema: complaintSchema,
  async run(tx, input, { now }): Promise<Receipt> {
    const token = statusTokenFor(input.idempotencyKey);
    await lockIdempotencyKey(tx, input.idempotencyKey);
    const existing = await findComplaintByIdempotencyKey(tx, input.idempotencyKey);
    if (existing) return { reference: existing.reference, receivedOn: existing.receivedOn, token };

    const category = await findActiveCategory(tx, input.category);
    if (!category) throw ruleViolation('category', 'categoryUnknown');
    const concerns = input.staffId ? await findActiveStaff(tx, Number(input.staffId)) : null;
    if (input.staffId && !concerns) throw ruleViolation('staffId', 'staffUnknown');

    const terms = await currentTerms(tx);
    const receivedOn = amsterdamDate(now);
    const incident: IncidentTime =
      input.incidentWhen === 'ongoing' ? { ongoing: true } : { ongoing: false, date: input.incidentDate };
    if (!incident.ongoing && incident.date > receivedOn) throw ruleViolation('incidentDate', 'dateInFuture');
    const { olderThanLimit } = checkIncidentAge(receivedOn, incident, terms);

    const year = Number(receivedOn.slice(0, 4));
    const reference = formatReference(year, await nextReferenceNumber(tx, year));
    const hasAddress = input.street !== '';
    const contact = {
      name: input.name,
      email: input.email || null,
      street: hasAddress ? input.street : null,
      postcode: hasAddress ? normalizePostcode(input.postcode) : null,
      city: hasAddress ? input.city : null,
    };
    const { id } = await insertComplaint(tx, {
      reference,
      channel: 'online',
      receivedOn,
      locale: input.locale,
      complainantName: contact.name,
      complainantEmail: contact.email,
      addressStreet: contact.street,
      addressPostcode: contact.postcode,
      addressCity: contact.city,
      complainantPhone: input.phone || null,
      categoryId: category.id,
      concernsStaffId: concerns?.id ?? null,
      concernsStaffText: input.staffOther || null,
      description: input.description,
      incidentDate: incident.ongoing ? null : incident.date,
      incidentOngoing: incident.ongoing,
      desiredOutcome: input.desiredOutcome || null,
      partyChoice: input.partyChoice,
      partyName: input.partyName || null,
      consentAt: now,
      terms,
      statusTokenHash: hashToken(token),
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    });
    if (concerns) await insertInvolved(tx, { complaintId: id, staffId: concerns.id, name: concerns.name, involvement: 'subject' });
    else if (input.staffOther) await insertInvolved(tx, { complaintId: id, name: input.staffOther, involvement: 'subject' });

    await appendHistory(tx, {
      complaintId: id,
      at: now,
      actorLabel: 'client',
      action: 'received',
      toStatus: 'received',
      details: { channel: 'online', olderThanLimit },
    });

    const message = acknowledgementMessage({
      locale: input.locale,
      name: input.name,
      reference,
      receivedOn,
      terms,
      statusUrl: appUrl() + statusPath(token, input.locale),
      olderThanLimit,
      organisation: await organisationOrDefault(tx),
    });
    await enqueueMessage(tx, {
      complaintId: id,
      kind: 'acknowledgement',
      ...recipientFor(contact),
      subject: message.subject,
      bodyText: message.text,
    });
    return { reference, receivedOn, token };
  },
  after: deliverOutboxAfterResponse,
});
