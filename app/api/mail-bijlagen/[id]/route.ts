import { getDb } from '@/db/client';
import { inboundAttachmentAccess, inboundAttachmentContent } from '@/db/inbound';
import { currentActor } from '@/lib/auth/actor';
import { can, canSeeComplaint } from '@/lib/auth/policy';
import { contentDisposition, isAttachmentType } from '@/lib/complaints/attachments';
import { parseComplaintId } from '@/lib/complaints/file';

export const dynamic = 'force-dynamic';

/**
 * GET /api/mail-bijlagen/[id]: a file kept from a mail that came in. On a complaint's file: for staff who may see that
 * complaint; still a draft (or closed as no complaint): for staff who register complaints. Anyone else gets 404.
 * Always a download with the type found in the content, `nosniff` and a sandbox: never shown or run in the browser.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseComplaintId((await params).id);
  const actor = await currentActor();
  if (id === null || !actor || actor.mustChangePassword) return notFound();
  const db = await getDb();
  const facts = await inboundAttachmentAccess(db, id);
  if (!facts) return notFound();
  const allowed = facts.complaintId !== null ? canSeeComplaint(actor, facts) : can(actor.role, 'complaints.register');
  if (!allowed) return notFound();
  const file = await inboundAttachmentContent(db, id);
  if (!file) return notFound();
  return new Response(Buffer.from(file.content), {
    headers: {
      'Content-Type': isAttachmentType(file.contentType) ? file.contentType : 'application/octet-stream',
      'Content-Disposition': contentDisposition(file.fileName),
      'Content-Length': String(file.content.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}

function notFound(): Response {
  return new Response('Niet gevonden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
