import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { RowActions, SettingsRow, SettingsTable, StatusCell } from '@/components/beheer/settings/SettingsTable';
import { statusNote } from '@/components/beheer/settings/styles';
import { getDb } from '@/db/client';
import { listUsers, usersWithOpenInvite } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { formatShortDateTime } from '@/lib/settings/format';

export const metadata: Metadata = { title: 'Gebruikers' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ verwijderd?: string }> }) {
  const actor = await requireActor('settings.manage');
  const { verwijderd } = await searchParams;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const tc = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  const db = await getDb();
  const [rows, invited] = await Promise.all([listUsers(db), usersWithOpenInvite(db, new Date())]);
  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        add={{ href: '/beheer/instellingen/gebruikers/nieuw', label: t('users.new') }}
      />
      {verwijderd ? (
        <p role="status" className={`${statusNote} mb-4`}>
          {t('users.detail.deleted')}
        </p>
      ) : null}
      <SettingsTable caption={t('users.caption')} columns={[t('users.nameAndEmail'), t('users.role'), t('common.status'), t('users.lastSignIn')]}>
        {rows.map((user) => (
          <SettingsRow key={user.id} active={user.active} testId="user-row">
            <th scope="row" className="px-4 py-3 text-left font-normal">
              <span className="font-semibold">{user.name}</span>
              {user.id === actor.id ? <span className="text-stone-600"> ({t('users.you')})</span> : null}
              <span className="block break-words text-sm text-stone-700">{user.email}</span>
            </th>
            <td className="px-4 py-3">{tc(`roles.${user.role}`)}</td>
            <StatusCell active={user.active}>
              {user.active && !user.hasPassword && invited.has(user.id) ? <span className="mt-1 block text-sm">{t('users.invited')}</span> : null}
              {user.active && user.hasPassword && user.mustChangePassword ? <span className="mt-1 block text-sm">{t('users.mustChange')}</span> : null}
            </StatusCell>
            <td className="whitespace-nowrap px-4 py-3">{user.lastSignInAt ? formatShortDateTime(user.lastSignInAt) : t('common.never')}</td>
            <RowActions name={user.name} editHref={`/beheer/instellingen/gebruikers/${user.id}`} />
          </SettingsRow>
        ))}
      </SettingsTable>
    </>
  );
}
