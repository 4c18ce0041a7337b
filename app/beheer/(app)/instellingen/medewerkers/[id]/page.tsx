import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { StaffForm } from '@/components/beheer/settings/StaffForm';
import { linkableUserOptions } from '@/components/beheer/settings/staffOptions';
import { getDb } from '@/db/client';
import { findStaff, linkableUsers } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Medewerker wijzigen' };

export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor('settings.manage');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const member = await findStaff(db, id);
  if (!member) notFound();
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const users = linkableUserOptions(await linkableUsers(db), member.id, { taken: t('staff.userTaken'), inactive: t('staff.userInactive') });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t('staff.editTitle')}
        intro={member.name}
        back={{ href: '/beheer/instellingen/medewerkers', label: t('common.back', { section: t('nav.staff').toLowerCase() }) }}
      />
      <StaffForm id={member.id} values={{ name: member.name, team: member.team ?? '', userId: member.userId ? String(member.userId) : '' }} users={users} />
    </div>
  );
}
