import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/beheer/settings/CreateUserForm';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Nieuwe gebruiker' };

export default async function NewUserPage() {
  await requireActor('settings.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t('users.create.title')}
        intro={t('users.create.intro')}
        back={{ href: '/beheer/instellingen/gebruikers', label: t('common.back', { section: t('nav.users').toLowerCase() }) }}
      />
      <CreateUserForm />
    </div>
  );
}
