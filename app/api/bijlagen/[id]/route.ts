import { attachmentAccessFacts, attachmentContent } from '@/db/attachments';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/actor';
import { canSeeComplaint } from '@/lib/auth/policy';
import { contentDisposition, isAttachmentType } from '@/lib/complaints/attachments';
import { parseComplaintId } from '@/lib/complaints/file';
import { logAccessQuietly } from '@/lib/privacy/access-log';

export const dynamic = 'force-dynamic';

/**
 * GET /api/bijlagen/[id]: a file the client sent with an answer, as a download, for staff who may see its complaint
 * (the file page's own rule, `canSeeComplaint`). Anyone else — no session, a deactivated user, a handler of other
 * complaints, an admin — gets 404, as if it did not exist. Always `attachment`, with the type found in the content
 * when it was stored and `nosniff`, so the browser never runs or shows it inline.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseComplaintId((await params).id);
  const actor = await currentActor();
  if (id === null || !actor || actor.mustChangePassword) return notFound();
  const db = await getDb();
  const facts = await attachmentAccessFacts(db, id);
  if (!facts || !canSeeComplaint(actor, facts)) return notFound();
  const file = await attachmentContent(db, id);
  if (!file) return notFound();
  await logAccessQuietly(actor, facts.complaintId, 'attachment');
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
