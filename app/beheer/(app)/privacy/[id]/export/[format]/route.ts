import { requireActor } from '@/lib/auth/page';
import { accessExportFile } from '@/lib/privacy/download';
import { parsePrivacyRequestId } from '@/lib/privacy/load';

export const dynamic = 'force-dynamic';

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET /beheer/privacy/[id]/export/json | pdf: the access export of a privacy request, made now and recorded on the
 * request (its event list), for managers and admins.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  await requireActor('privacy.manage');
  const { id: rawId, format } = await params;
  const id = parsePrivacyRequestId(rawId);
  if (id === null || (format !== 'json' && format !== 'pdf')) return plain('Niet gevonden', 404);
  const result = await accessExportFile(id, format);
  if (!result.ok) {
    if (result.error === 'forbidden') return plain('Geen toegang', 403);
    if (result.error === 'unavailable') return plain('Het overzicht kon nu niet worden gemaakt. Probeer het zo opnieuw.', 503);
    if (result.fieldErrors._form?.includes('notFound')) return plain('Niet gevonden', 404);
    return plain('Voor dit verzoek kan (nu) geen inzage-overzicht worden gemaakt: het is geen verzoek om inzage, of het is al afgehandeld.', 409);
  }
  return new Response(Buffer.from(result.data.bytes), {
    headers: {
      'Content-Type': result.data.contentType,
      'Content-Disposition': `attachment; filename="${result.data.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
