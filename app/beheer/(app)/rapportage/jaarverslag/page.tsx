import type { Metadata } from 'next';
import { AnnualRegister } from '@/components/beheer/annual/AnnualRegister';
import { requireActor } from '@/lib/auth/page';
import { amsterdamDate } from '@/lib/procedure/dates';
import { loadAnnualRegister } from '@/lib/reports/annual-load';

export const metadata: Metadata = { title: 'Jaarverslag klachten' };

/** The annual complaints register for one year (`?jaar=2026`), as a page and as a PDF download. Managers only. */
export default async function AnnualRegisterPage({ searchParams }: { searchParams: Promise<{ jaar?: string | string[] }> }) {
  await requireActor('reports.read');
  const { jaar } = await searchParams;
  const view = await loadAnnualRegister(jaar, amsterdamDate(new Date()));
  return <AnnualRegister view={view} />;
}
