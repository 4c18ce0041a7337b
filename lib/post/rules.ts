import { letterAddressee, type LetterComplaint, type LetterMessage } from '@/lib/letters/pdf';
import { recipientFor } from '@/lib/mail/recipient';
import type { IsoDate } from '@/lib/procedure/dates';

/** The post room's rules, pure: the server actions (./commands.ts) apply them. */

export type PostedOnError = 'postedInFuture' | 'postedBeforeLetter';

/** The day a letter went into the post: not in the future, and not before the day it was written. */
export function checkPostedOn(postedOn: IsoDate, writtenOn: IsoDate, today: IsoDate): PostedOnError | null {
  if (postedOn > today) return 'postedInFuture';
  if (postedOn < writtenOn) return 'postedBeforeLetter';
  return null;
}

/** What a message must be for a change by hand: a letter waiting to be posted, or an e-mail the worker gave up on. */
export type OutboxState = { medium: 'email' | 'post'; status: 'pending' | 'sent' | 'failed' };

export const isWaitingLetter = (m: OutboxState) => m.medium === 'post' && m.status === 'pending';
export const isFailedMail = (m: OutboxState) => m.medium === 'email' && m.status === 'failed';

/**
 * Where a failed e-mail goes when it is printed instead: the client's postal address block (as the outbox writes it
 * for postal clients), or null when the message is not to the client or the complaint has no postal address. Letters
 * to others are not moved: there is no postal address on record for them.
 */
export function postalRecipient(message: LetterMessage, complaint: LetterComplaint | null): string | null {
  if (!complaint || !complaint.addressStreet || !complaint.addressPostcode || !complaint.addressCity) return null;
  if (!letterAddressee(message, complaint, null).toClient) return null;
  const { complainantName: name, addressStreet: street, addressPostcode: postcode, addressCity: city } = complaint;
  return recipientFor({ name, email: null, street, postcode, city }).recipient;
}
