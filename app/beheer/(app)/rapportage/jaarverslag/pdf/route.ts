import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/page';
import { amsterdamDate } from '@/lib/procedure/dates';
import { annualPdf } from '@/lib/reports/annual-pdf';
import { loadAnnualRegister } from '@/lib/reports/annual-load';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';

export const dynamic = 'force-dynamic';

/** GET /beheer/rapportage/jaarverslag/pdf?jaar=2026: the annual complaints register as a PDF download (managers). */
export async function GET(request: NextRequest) {
  await requireActor('reports.read');
  const { year, document } = await loadAnnualRegister(request.nextUrl.searchParams.get('jaar') ?? undefined, amsterdamDate(new Date()));
  const bytes = await annualPdf(document, await dejaVuSans());
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="klachtenregister-${year}.pdf"`,
      'Cache-Control': 'no-store',
    },
  });
}
