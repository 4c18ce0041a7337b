import {
  appendHistory,
  currentTerms,
  findActiveCategory,
  findActiveStaff,
  findComplaintByIdempotencyKey,
  insertComplaint,
  insertInvolved,
  lockIdempotencyKey,
  nextReferenceNumber,
} from '@/db/complaints';
import type { Tx } from '@/db/client';
import { Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import { type Contact, normalizePostcode } from '@/lib/mail/recipient';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { checkIncidentAge, type IncidentTime } from '@/lib/procedure/deadlines';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { Channel } from '@/lib/procedure/vocabulary';
import { hashToken, statusTokenFor } from '@/lib/server/tokens';
import { formatReference } from './reference';
import type { ComplaintData } from './schema';

/** What the client told us: the complaint form's fields (online) or what staff wrote down (phone, e-mail, post). */
export type ComplaintFacts = Omit<ComplaintData, 'consent'>;

export type Intake = {
  channel: Channel;
  /** The day the complaint reached us: the clocks count from it, and its year numbers the reference. */
  receivedOn: IsoDate;
  /** The staff member who registered it; null when the client filed it online. */
  registeredBy: number | null;
  now: Date;
};

export type Recorded =
  /** This idempotency key was seen before: the complaint made then. */
  | { created: false; id: number; reference: string; receivedOn: IsoDate; token: string; registeredBy: number | null }
  | {
      created: true;
      id: number;
      reference: string;
      receivedOn: IsoDate;
      token: string;
      terms: ProcedureTerms;
      olderThanLimit: boolean;
      contact: Contact;
    };

/**
 * Records a new complaint, however it came in (shared by the online submission and staff registration), inside the
 * caller's transaction: rule checks, the terms in force (each complaint keeps its own copy), the next reference of
 * the year of receipt, the complaint, the staff it is about and its first history entry (received from the client,
 * or registered by a staff member). The same idempotency key always yields the same complaint. The status link's
 * token is derived from that key, so it can be derived again later (e.g. for the acknowledgement of a registered
 * complaint); only its hash is stored.
 */
export async function recordComplaint(tx: Tx, input: ComplaintFacts, intake: Intake): Promise<Recorded> {
  const { channel, receivedOn, registeredBy, now } = intake;
  const token = statusTokenFor(input.idempotencyKey);
  await lockIdempotencyKey(tx, input.idempotencyKey);
  const existing = await findComplaintByIdempotencyKey(tx, input.idempotencyKey);
  if (existing) {
    // Keys are scoped to who sent them: the public form (registeredBy null) or one staff member. A key of another
    // channel or person never leads to that complaint, its reference or its status link (review item 8).
    if (existing.registeredBy !== registeredBy) throw new Forbidden();
    return { created: false, id: existing.id, reference: existing.reference, receivedOn: existing.receivedOn, token, registeredBy: existing.registeredBy };
  }

  const category = await findActiveCategory(tx, input.category);
  if (!category) throw ruleViolation('category', 'categoryUnknown');
  const concerns = input.staffId ? await findActiveStaff(tx, Number(input.staffId)) : null;
  if (input.staffId && !concerns) throw ruleViolation('staffId', 'staffUnknown');

  const terms = await currentTerms(tx);
  const incident: IncidentTime =
    input.incidentWhen === 'ongoing' ? { ongoing: true } : { ongoing: false, date: input.incidentDate };
  if (!incident.ongoing && incident.date > receivedOn) {
    // Received today: the date is in the future. Received earlier (registered by staff): after the complaint came in.
    throw ruleViolation('incidentDate', receivedOn === amsterdamDate(now) ? 'dateInFuture' : 'incidentAfterReceived');
  }
  // The one-year rule counts back from the day the complaint reached us, not from the day it was typed in.
  const { olderThanLimit } = checkIncidentAge(receivedOn, incident, terms);

  const year = Number(receivedOn.slice(0, 4));
  const reference = formatReference(year, await nextReferenceNumber(tx, year));
  const hasAddress = input.street !== '';
  const contact: Contact = {
    name: input.name,
    email: input.email || null,
    street: hasAddress ? input.street : null,
    postcode: hasAddress ? normalizePostcode(input.postcode) : null,
    city: hasAddress ? input.city : null,
  };
  const { id } = await insertComplaint(tx, {
    reference,
    channel,
    receivedOn,
    registeredBy,
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
    // Online: the moment the client consented. Registered: the moment staff confirmed the client was told.
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
    ...(registeredBy === null ? { actorLabel: 'client', action: 'received' } : { actorUserId: registeredBy, action: 'registered' }),
    toStatus: 'received',
    details: { channel, receivedOn, olderThanLimit },
  });

  return { created: true, id, reference, receivedOn, token, terms, olderThanLimit, contact };
}
