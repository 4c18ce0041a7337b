import type { Tx } from '@/db/client';
import type { NewOutboxMessage } from '@/db/complaints';
import type { LockedComplaint } from '@/db/procedure';
import { organisationOrDefault } from '@/db/settings';
import type { ClientLetterBase, Letter } from '@/lib/mail/letters';
import { type Contact, recipientFor } from '@/lib/mail/recipient';

/** Outgoing mail of a step: to the client by e-mail, or by post when they gave no e-mail address. */

export type StepMessage = Omit<NewOutboxMessage, 'complaintId'>;

export function contactOf(complaint: LockedComplaint): Contact {
  return {
    name: complaint.complainantName,
    email: complaint.complainantEmail,
    street: complaint.addressStreet,
    postcode: complaint.addressPostcode,
    city: complaint.addressCity,
  };
}

/** What every letter to the client starts from: their language and name, the reference, the organisation's details. */
export async function clientLetterBase(tx: Tx, complaint: LockedComplaint): Promise<ClientLetterBase> {
  return { locale: complaint.locale, name: complaint.complainantName, reference: complaint.reference, organisation: await organisationOrDefault(tx) };
}

export function toClient(complaint: LockedComplaint, kind: string, letter: Letter): StepMessage {
  return { kind, ...recipientFor(contactOf(complaint)), subject: letter.subject, bodyText: letter.text, letter: letter.doc };
}

/** A message to someone else (a staff member, the contracting party): by e-mail when an address is known, else on paper. */
export function toOther(kind: string, to: { name: string; email: string | null }, letter: Letter): StepMessage {
  return to.email
    ? { kind, medium: 'email', recipient: to.email, subject: letter.subject, bodyText: letter.text, letter: letter.doc }
    : { kind, medium: 'post', recipient: to.name, subject: letter.subject, bodyText: letter.text, letter: letter.doc };
}
