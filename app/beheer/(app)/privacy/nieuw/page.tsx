import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RegisterPrivacyForm } from '@/components/beheer/privacy/RegisterPrivacyForm';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { requireActor } from '@/lib/auth/page';
import { amsterdamDate } from '@/lib/procedure/dates';
import { STATUSES } from '@/lib/procedure/vocabulary';

export const metadata: Metadata = { title: 'Nieuw privacyverzoek' };

/** Register a privacy request that came in by phone, e-mail, post or in person. */
export default async function NewPrivacyRequestPage() {
  await requireActor('privacy.manage');
  const [t, common] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.privacy' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.common' }),
  ]);
  const statusLabels = Object.fromEntries(STATUSES.map((s) => [s, common(`statuses.${s}`)]));
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('newTitle')} intro={t('newIntro')} back={{ href: '/beheer/privacy', label: t('back') }} />
      <div className="card">
        <RegisterPrivacyForm today={amsterdamDate(new Date())} statusLabels={statusLabels} />
      </div>
    </div>
  );
}
