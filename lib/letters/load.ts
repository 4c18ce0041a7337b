import { getDb } from '@/db/client';
import { letterForPdf } from '@/db/post';
import { organisationOrDefault } from '@/db/settings';
import type { Actor } from '@/lib/auth/actor';
import { can, canSeeComplaint } from '@/lib/auth/policy';
import { amsterdamDate } from '@/lib/procedure/dates';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { letterAddressee, letterPdf } from './pdf';

/**
 * A letter from the outbox as a PDF for this actor, or null when it does not exist or its complaint is not theirs to
 * see (the route answers "not found" to both, as the file page does). A message without a complaint: only for those
 * who see every complaint.
 */
export async function loadLetterPdf(actor: Pick<Actor, 'id' | 'role'>, id: number): Promise<{ bytes: Uint8Array; fileName: string; complaintId: number | null } | null> {
  const db = await getDb();
  const row = await letterForPdf(db, id);
  if (!row) return null;
  const complaint = row.complaintId !== null && row.complaint ? row.complaint : null;
  if (complaint ? !canSeeComplaint(actor, complaint) : !can(actor.role, 'complaints.readAll')) return null;
  const addressee = letterAddressee({ medium: row.medium, recipient: row.recipient }, complaint, row.party?.name ? row.party : null);
  const bytes = await letterPdf(
    {
      organisation: await organisationOrDefault(db),
      addressee,
      reference: complaint?.reference ?? null,
      date: amsterdamDate(row.createdAt),
      subject: row.subject,
      body: row.bodyText,
    },
    await dejaVuSans(),
  );
  return { bytes, fileName: `brief-${complaint?.reference ?? 'klachtloket'}-${row.id}.pdf`, complaintId: complaint ? row.complaintId : null };
}
