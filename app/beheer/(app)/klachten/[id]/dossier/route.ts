import { requireActor } from '@/lib/auth/page';
import { complaintDossierPdf } from '@/lib/complaints/dossier-download';
import { parseComplaintId } from '@/lib/complaints/file';
import { logAccessQuietly } from '@/lib/privacy/access-log';

export const dynamic = 'force-dynamic';

/** GET /beheer/klachten/[id]/dossier: the complaint's dossier as a PDF download, for whoever may see the file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor('complaints.read');
  const id = parseComplaintId((await params).id);
  const pdf = id === null ? null : await complaintDossierPdf(actor, id);
  if (!pdf || id === null) return new Response('Niet gevonden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  await logAccessQuietly(actor, id, 'dossier');
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
