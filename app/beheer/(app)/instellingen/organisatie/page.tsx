import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { OrganisationForm } from '@/components/beheer/settings/OrganisationForm';
import { PageHeader, Section } from '@/components/beheer/settings/PageHeader';
import { getDb } from '@/db/client';
import { findOrganisation } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { contactLine } from '@/lib/mail/acknowledgement';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { formatDateTime } from '@/lib/settings/format';

export const metadata: Metadata = { title: 'Organisatie' };

export default async function OrganisationPage() {
  await requireActor('settings.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const stored = await findOrganisation(await getDb());
  const organisation = stored ?? { ...DEFAULT_ORGANISATION, updatedAt: null, updatedByName: null };
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t('organisation.title')} intro={t('organisation.intro')} />
      <p className="text-sm text-stone-700">
        {!stored
          ? t('organisation.notStored')
          : stored.updatedByName
            ? t('organisation.lastChanged', { date: formatDateTime(stored.updatedAt), name: stored.updatedByName })
            : t('organisation.lastChangedUnknown', { date: formatDateTime(stored.updatedAt) })}
      </p>
      <OrganisationForm
        values={{
          name: organisation.name,
          phone: organisation.phone,
          email: organisation.email,
          postalAddress: organisation.postalAddress,
          website: organisation.website ?? '',
          signature: organisation.signature,
        }}
      />
      <Section title={t('organisation.preview')} id="preview">
        <p className="whitespace-pre-line rounded-md border border-stone-200 bg-stone-50 p-4 font-serif text-stone-900" data-testid="letter-closing">
          {organisation.signature}
          {'\n'}
          {contactLine(organisation)}
        </p>
      </Section>
    </div>
  );
}
