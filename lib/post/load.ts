import { getDb } from '@/db/client';
import { failedMails, lettersToPost, type PostRoomRow } from '@/db/post';
import type { Actor } from '@/lib/auth/actor';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { postalRecipient } from './rules';

/** The post room's read model (server only): what waits to be printed, and the e-mails that failed. */

export type PostRoomItem = {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  complaintId: number | null;
  reference: string | null;
  createdAt: Date;
  /** The day the letter was written: the earliest day it can have been posted. */
  writtenOn: IsoDate;
  attempts: number;
  lastError: string | null;
  /** A failed e-mail to the client whose complaint has a postal address: it can be printed instead. */
  canPost: boolean;
  /** It was sent, but the recipient's mail server sent it back (a bounce report from resend). */
  bounced: boolean;
};

export function postRoomItem(row: PostRoomRow): PostRoomItem {
  const complaint =
    row.reference !== null && row.complainantName !== null
      ? {
          reference: row.reference,
          locale: 'nl' as const,
          complainantName: row.complainantName,
          complainantEmail: row.complainantEmail,
          addressStreet: row.addressStreet,
          addressPostcode: row.addressPostcode,
          addressCity: row.addressCity,
        }
      : null;
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    complaintId: row.complaintId,
    reference: row.reference,
    createdAt: row.createdAt,
    writtenOn: amsterdamDate(row.createdAt),
    attempts: row.attempts,
    lastError: row.lastError,
    bounced: row.deliveryStatus === 'bounced',
    canPost: row.medium === 'email' && postalRecipient({ medium: 'email', recipient: row.recipient }, complaint) !== null,
  };
}

export async function loadPostRoom(actor: Pick<Actor, 'id' | 'role'>) {
  const db = await getDb();
  const [letters, failed] = await Promise.all([lettersToPost(db, actor), failedMails(db, actor)]);
  return {
    letters: { items: letters.rows.map(postRoomItem), more: letters.more },
    failed: { items: failed.rows.map(postRoomItem), more: failed.more },
  };
}
