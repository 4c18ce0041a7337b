import { attachmentAccessFacts, attachmentContent } from '@/db/attachments';
import { canSeeComplaint } from '@/lib/auth/policy';
import { staffDownload } from '@/lib/server/staff-download';

export const dynamic = 'force-dynamic';

/**
 * GET /api/bijlagen/[id]: a file the client sent with an answer, for staff who may see its complaint (the file page's
 * own rule, `canSeeComplaint`). Anyone else — no session, a deactivated user, a handler of other complaints, an
 * admin — gets 404, as if it did not exist. The download itself: lib/server/staff-download.ts.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffDownload((await params).id, async (db, id, actor) => {
    const facts = await attachmentAccessFacts(db, id);
    if (!facts || !canSeeComplaint(actor, facts)) return null;
    const file = await attachmentContent(db, id);
    return file && { file, complaintId: facts.complaintId };
  });
}
