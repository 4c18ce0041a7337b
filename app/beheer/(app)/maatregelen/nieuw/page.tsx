import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MeasureForm } from '@/components/beheer/measures/MeasureForm';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { requireActor } from '@/lib/auth/page';
import { loadMeasureFilterOptions } from '@/lib/measures/load';

export const metadata: Metadata = { title: 'Nieuwe maatregel' };

/** A measure recorded on its own, not from a complaint's outcome. */
export default async function NewMeasurePage() {
  await requireActor('measures.manage');
  const [t, options] = await Promise.all([getTranslations({ locale: 'nl', namespace: 'beheer.measures' }), loadMeasureFilterOptions()]);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('newTitle')} intro={t('newIntro')} back={{ href: '/beheer/maatregelen', label: t('back') }} />
      <div className="card">
        <MeasureForm categories={options.categories.filter((c) => c.active)} />
      </div>
    </div>
  );
}
