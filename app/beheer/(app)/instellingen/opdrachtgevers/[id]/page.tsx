import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { PartyForm } from '@/components/beheer/settings/PartyForm';
import { getDb } from '@/db/client';
import { findParty } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Opdrachtgever wijzigen' };

export default async function PartyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor('settings.manage');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const party = await findParty(await getDb(), id);
  if (!party) notFound();
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t('parties.editTitle')}
        intro={party.name}
        back={{ href: '/beheer/instellingen/opdrachtgevers', label: t('common.back', { section: t('nav.parties').toLowerCase() }) }}
      />
      <PartyForm id={party.id} values={{ type: party.type, name: party.name, contactEmail: party.contactEmail ?? '' }} />
    </div>
  );
}
