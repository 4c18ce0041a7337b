import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { PartyForm } from '@/components/beheer/settings/PartyForm';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Nieuwe opdrachtgever' };

export default async function NewPartyPage() {
  await requireActor('settings.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t('parties.createTitle')}
        back={{ href: '/beheer/instellingen/opdrachtgevers', label: t('common.back', { section: t('nav.parties').toLowerCase() }) }}
      />
      <PartyForm />
    </div>
  );
}
