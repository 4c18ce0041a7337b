import { randomUUID } from 'node:crypto';
import {
  appendHistoryAndMessages,
  assignReference,
  findActiveStaff,
  findComplaintByIdempotencyKey,
  insertComplaintOnce,
  insertInvolved,
  type NewHistoryEntry,
  type NewOutboxMessage,
} from '@/db/complaints';
import type { Tx } from '@/db/client';
import { Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import { type Contact, normalizePostcode } from '@/lib/mail/recipient';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { checkIncidentAge, type IncidentTime } from '@/lib/procedure/deadlines';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { Channel } from '@/lib/procedure/vocabulary';
import { hashToken, statusTokenFor } from '@/lib/server/tokens';
import { cachedSettings, loadSettings, type CachedSettings } from '@/lib/settings/cache';
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
  /**
   * Where the terms and categories come from: the in-memory cache (the public form, lib/settings/cache.ts) or the
   * database (staff registration).
   */
  settings: 'cached' | 'fresh';
  /**
   * Online complaints are acknowledged at once (DESIGN rule 2): given this, the complaint is inserted already
   * acknowledged, and this gives the acknowledgement's history entry and outbox row. It runs after the complaint is
   * in (a replay never gets here); `reference` is a placeholder that the transaction's last statement replaces with
   * the real reference, in the outbox row too (db/complaints.ts assignReference).
   */
  acknowledge?: (complaint: NewlyRecorded & { reference: string; settings: CachedSettings }) => Promise<{
    history: Omit<NewHistoryEntry, 'complaintId'>;
    message: Omit<NewOutboxMessage, 'complaintId'>;
  }>;
};

type NewlyRecorded = { id: number; receivedOn: IsoDate; token: string; terms: ProcedureTerms; olderThanLimit: boolean; contact: Contact };

export type Recorded =
  /** This idempotency key was seen before: the complaint made then. */
  | { created: false; id: number; reference: string; receivedOn: IsoDate; token: string; registeredBy: number | null }
  | ({ created: true; reference: string } & NewlyRecorded);

/**
 * Records a new complaint, however it came in (shared by the online submission and staff registration), inside the
 * caller's transaction: rule checks, the terms in force (each complaint keeps its own copy), the complaint, the staff
 * it is about, its first history entry (received from the client, or registered by a staff member) — with the
 * acknowledgement's, when `intake.acknowledge` is given — and last the next reference of the year of receipt. The
 * same idempotency key always yields the same complaint. The status link's token is derived from that key, so it can
 * be derived again later (e.g. for the acknowledgement of a registered complaint); only its hash is stored.
 *
 * Round trips (issue 13): the settings come from a cache; the idempotency key is settled by the insert itself
 * (INSERT … ON CONFLICT DO NOTHING, no lock and lookup first); the history entries go in one statement; and the
 * yearly counter, the one row every submission shares, is taken in the last statement, so its lock is held only
 * through that statement and the commit.
 */
export async function recordComplaint(tx: Tx, input: ComplaintFacts, intake: Intake): Promise<Recorded> {
  const { channel, receivedOn, registeredBy, now } = intake;
  const token = statusTokenFor(input.idempotencyKey);
  const settings = intake.settings === 'cached' ? await cachedSettings(tx) : await loadSettings(tx);

  const categoryId = settings.categories.get(input.category);
  if (categoryId === undefined) throw ruleViolation('category', 'categoryUnknown');
  const concerns = input.staffId ? await findActiveStaff(tx, Number(input.staffId)) : null;
  if (input.staffId && !concerns) throw ruleViolation('staffId', 'staffUnknown');

  const { terms } = settings;
  const incident: IncidentTime =
    input.incidentWhen === 'ongoing' ? { ongoing: true } : { ongoing: false, date: input.incidentDate };
  if (!incident.ongoing && incident.date > receivedOn) {
    // Received today: the date is in the future. Received earlier (registered by staff): after the complaint came in.
    throw ruleViolation('incidentDate', receivedOn === amsterdamDate(now) ? 'dateInFuture' : 'incidentAfterReceived');
  }
  // The one-year rule counts back from the day the complaint reached us, not from the day it was typed in.
  const { olderThanLimit } = checkIncidentAge(receivedOn, incident, terms);

  const hasAddress = input.street !== '';
  const contact: Contact = {
    name: input.name,
    email: input.email || null,
    street: hasAddress ? input.street : null,
    postcode: hasAddress ? normalizePostcode(input.postcode) : null,
    city: hasAddress ? input.city : null,
  };
  // Unique and unguessable until the last statement replaces it (no one outside this transaction ever sees it).
  const placeholder = `KL-pending-${randomUUID()}`;
  const inserted = await insertComplaintOnce(tx, {
    reference: placeholder,
    // Received and acknowledged in one go (two history entries below): as if the "acknowledge" step had run.
    ...(intake.acknowledge ? { status: 'acknowledged' as const, version: 2 } : {}),
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
    categoryId,
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
  if (!inserted) {
    const existing = await findComplaintByIdempotencyKey(tx, input.idempotencyKey);
    if (!existing) throw new Error('complaint insert conflicted on something other than its idempotency key');
    // Keys are scoped to who sent them: the public form (registeredBy null) or one staff member. A key of another
    // channel or person never leads to that complaint, its reference or its status link (review item 8).
    if (existing.registeredBy !== registeredBy) throw new Forbidden();
    return { created: false, id: existing.id, reference: existing.reference, receivedOn: existing.receivedOn, token, registeredBy: existing.registeredBy };
  }
  const { id } = inserted;
  const recorded: NewlyRecorded = { id, receivedOn, token, terms, olderThanLimit, contact };

  if (concerns) await insertInvolved(tx, { complaintId: id, staffId: concerns.id, name: concerns.name, involvement: 'subject' });
  else if (input.staffOther) await insertInvolved(tx, { complaintId: id, name: input.staffOther, involvement: 'subject' });

  const acknowledgement = await intake.acknowledge?.({ ...recorded, reference: placeholder, settings });
  // The history entries and the acknowledgement: one statement.
  await appendHistoryAndMessages(
    tx,
    [
      {
        complaintId: id,
        at: now,
        ...(registeredBy === null ? { actorLabel: 'client', action: 'received' } : { actorUserId: registeredBy, action: 'registered' }),
        toStatus: 'received',
        details: { channel, receivedOn, olderThanLimit },
      },
      ...(acknowledgement ? [{ ...acknowledgement.history, complaintId: id }] : []),
    ],
    acknowledgement ? [{ ...acknowledgement.message, complaintId: id }] : [],
  );

  const reference = await assignReference(tx, id, Number(receivedOn.slice(0, 4)), placeholder);
  return { created: true, reference, ...recorded };
}
