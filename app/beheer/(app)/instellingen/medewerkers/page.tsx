import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/beheer/settings/ActionButton';
import { ActiveBadge, PageHeader, ScrollArea } from '@/components/beheer/settings/PageHeader';
import { statusNote, textLink } from '@/components/beheer/settings/styles';
import { getDb } from '@/db/client';
import { listStaff } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { setStaffActiveAction } from '@/lib/settings/actions';

export const metadata: Metadata = { title: 'Medewerkers' };

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ opgeslagen?: string }> }) {
  await requireActor('settings.manage');
  const { opgeslagen } = await searchParams;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const rows = await listStaff(await getDb());
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('staff.title')}
        intro={t('staff.intro')}
        actions={
          <Link href="/beheer/instellingen/medewerkers/nieuw" className="btn-primary">
            {t('staff.new')}
          </Link>
        }
      />
      {opgeslagen ? (
        <p role="status" className={statusNote}>
          {t('common.saved')}
        </p>
      ) : null}
      <ScrollArea label={t('staff.caption')} className="card p-0">
        <table className="w-full text-left">
          <caption className="sr-only">{t('staff.caption')}</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-sm text-stone-700">
            <tr>
              <th scope="col" className="px-4 py-3">{t('staff.name')}</th>
              <th scope="col" className="px-4 py-3">{t('staff.team')}</th>
              <th scope="col" className="px-4 py-3">{t('staff.user')}</th>
              <th scope="col" className="px-4 py-3">{t('common.status')}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((member) => (
              <tr key={member.id} className={member.active ? '' : 'bg-stone-50 text-stone-600'} data-testid="staff-row">
                <th scope="row" className="px-4 py-3 font-semibold">{member.name}</th>
                <td className="px-4 py-3">{member.team ?? '–'}</td>
                <td className="px-4 py-3">
                  {member.userName ? (
                    <>
                      {member.userName} <span className="break-all text-sm text-stone-600">({member.userEmail})</span>
                    </>
                  ) : (
                    <span className="text-stone-600">{t('common.none')}</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <ActiveBadge active={member.active} labels={{ active: t('common.active'), inactive: t('common.inactive') }} />
                </td>
                <td className="px-4 py-3">
                  <div className="flex items-center justify-end gap-3 whitespace-nowrap">
                    <Link href={`/beheer/instellingen/medewerkers/${member.id}`} className={textLink} aria-label={t('common.editNamed', { name: member.name })}>
                      {t('common.edit')}
                    </Link>
                    <ActionButton
                      action={setStaffActiveAction}
                      input={{ id: member.id, active: !member.active }}
                      variant="small"
                      label={`${member.active ? t('common.deactivate') : t('common.reactivate')}: ${member.name}`}
                    >
                      {member.active ? t('common.deactivate') : t('common.reactivate')}
                    </ActionButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <p className="max-w-prose text-sm text-stone-700">{t('staff.statusBody')}</p>
    </div>
  );
}
