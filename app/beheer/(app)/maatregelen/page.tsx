import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MeasureFilters, MeasureResults } from '@/components/beheer/measures/MeasureList';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { requireActor } from '@/lib/auth/page';
import { incomingQuery, type RawSearchParams } from '@/lib/inbox/params';
import { loadMeasureFilterOptions, loadMeasures, measureChoicesFrom } from '@/lib/measures/load';
import { isMeasureFiltered, MEASURES_PATH, measureSearchParams, parseMeasureParams } from '@/lib/measures/params';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Maatregelen' };

/**
 * The measures register: every measure with its status and due date, filtered and searched through the URL (a URL
 * with superfluous or invalid parameters is redirected to its clean form, as in the inbox).
 */
export default async function MeasuresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireActor('measures.manage');
  const raw = await searchParams;
  const [t, options] = await Promise.all([getTranslations({ locale: 'nl', namespace: 'beheer.measures' }), loadMeasureFilterOptions()]);
  const params = parseMeasureParams(raw, measureChoicesFrom(options));
  const query = measureSearchParams(params).toString();
  if (incomingQuery(raw) !== query) redirect(query ? `${MEASURES_PATH}?${query}` : MEASURES_PATH);
  const today = amsterdamDate(new Date());
  const result = await loadMeasures(params, today);
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} intro={t('intro')} add={{ href: '/beheer/maatregelen/nieuw', label: t('new') }} />
      <MeasureFilters params={params} options={options} />
      <MeasureResults params={params} result={result} today={today} filtered={isMeasureFiltered(params)} />
    </div>
  );
}
