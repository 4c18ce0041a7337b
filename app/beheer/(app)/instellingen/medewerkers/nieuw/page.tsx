import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { StaffForm } from '@/components/beheer/settings/StaffForm';
import { linkableUserOptions } from '@/components/beheer/settings/staffOptions';
import { getDb } from '@/db/client';
import { linkableUsers } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Nieuwe medewerker' };

export default async function NewStaffPage() {
  await requireActor('settings.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const users = linkableUserOptions(await linkableUsers(await getDb()), null, { taken: t('staff.userTaken'), inactive: t('staff.userInactive') });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t('staff.createTitle')}
        back={{ href: '/beheer/instellingen/medewerkers', label: t('common.back', { section: t('nav.staff').toLowerCase() }) }}
      />
      <StaffForm users={users} />
    </div>
  );
}
