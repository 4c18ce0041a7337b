import { inboundAttachmentAccess, inboundAttachmentContent } from '@/db/inbound';
import { can, canSeeComplaint } from '@/lib/auth/policy';
import { staffDownload } from '@/lib/server/staff-download';

export const dynamic = 'force-dynamic';

/**
 * GET /api/mail-bijlagen/[id]: a file kept from a mail that came in. On a complaint's file: for staff who may see that
 * complaint (and the opening is logged like the file's other downloads); still a draft (or closed as no complaint):
 * for staff who register complaints. Anyone else gets 404. The download itself: lib/server/staff-download.ts.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffDownload((await params).id, async (db, id, actor) => {
    const facts = await inboundAttachmentAccess(db, id);
    if (!facts) return null;
    const allowed = facts.complaintId !== null ? canSeeComplaint(actor, facts) : can(actor.role, 'complaints.register');
    if (!allowed) return null;
    const file = await inboundAttachmentContent(db, id);
    return file && { file, complaintId: facts.complaintId };
  });
}
