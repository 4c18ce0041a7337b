import { getDb } from '@/db/client';
import { clientBounce, complaintMails } from '@/db/inbound';

/**
 * What the complaint file shows of mail in and out beyond the outbox (server only; the caller has checked that the
 * actor may see the complaint): a bounced letter to the client still to be dealt with, and the mails that came in.
 */
export async function loadFileMail(complaintId: number) {
  const db = await getDb();
  const [bounce, mails] = await Promise.all([clientBounce(db, complaintId), complaintMails(db, complaintId)]);
  return { bounce, mails };
}
