import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActiveBadge, PageHeader, ScrollArea } from '@/components/beheer/settings/PageHeader';
import { statusNote, textLink } from '@/components/beheer/settings/styles';
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
        actions={
          <Link href="/beheer/instellingen/gebruikers/nieuw" className="btn-primary">
            {t('users.new')}
          </Link>
        }
      />
      {verwijderd ? (
        <p role="status" className={`${statusNote} mb-4`}>
          {t('users.detail.deleted')}
        </p>
      ) : null}
      <ScrollArea label={t('users.caption')} className="card p-0">
        <table className="w-full text-left">
          <caption className="sr-only">{t('users.caption')}</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-sm text-stone-700">
            <tr>
              <th scope="col" className="px-4 py-3">{t('users.nameAndEmail')}</th>
              <th scope="col" className="px-4 py-3">{t('users.role')}</th>
              <th scope="col" className="px-4 py-3">{t('common.status')}</th>
              <th scope="col" className="px-4 py-3">{t('users.lastSignIn')}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((user) => (
              <tr key={user.id} className={user.active ? '' : 'bg-stone-50 text-stone-600'} data-testid="user-row">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="font-semibold">{user.name}</span>
                  {user.id === actor.id ? <span className="text-stone-600"> ({t('users.you')})</span> : null}
                  <span className="block break-words text-sm text-stone-700">{user.email}</span>
                </th>
                <td className="px-4 py-3">{tc(`roles.${user.role}`)}</td>
                <td className="px-4 py-3">
                  <ActiveBadge active={user.active} labels={{ active: t('common.active'), inactive: t('common.inactive') }} />
                  {user.active && !user.hasPassword && invited.has(user.id) ? <span className="mt-1 block text-sm">{t('users.invited')}</span> : null}
                  {user.active && user.hasPassword && user.mustChangePassword ? <span className="mt-1 block text-sm">{t('users.mustChange')}</span> : null}
                </td>
                <td className="whitespace-nowrap px-4 py-3">{user.lastSignInAt ? formatShortDateTime(user.lastSignInAt) : t('common.never')}</td>
                <td className="px-4 py-3 text-right">
                  <Link href={`/beheer/instellingen/gebruikers/${user.id}`} className={textLink} aria-label={t('common.editNamed', { name: user.name })}>
                    {t('common.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </>
  );
}
