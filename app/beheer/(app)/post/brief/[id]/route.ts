import { requireActor } from '@/lib/auth/page';
import { parseComplaintId } from '@/lib/complaints/file';
import { loadLetterPdf } from '@/lib/letters/load';
import { logAccessQuietly } from '@/lib/privacy/access-log';

export const dynamic = 'force-dynamic';

/** GET /beheer/post/brief/[id]: a letter or e-mail from the outbox as a PDF to print (staff who may see its complaint). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor('complaints.read');
  const id = parseComplaintId((await params).id);
  const letter = id === null ? null : await loadLetterPdf(actor, id);
  if (!letter) return new Response('Niet gevonden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (letter.complaintId !== null) await logAccessQuietly(actor, letter.complaintId, 'letter');
  return new Response(Buffer.from(letter.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${letter.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
