import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { RowActions, SavedNote, SettingsRow, SettingsTable, StatusCell } from '@/components/beheer/settings/SettingsTable';
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
        add={{ href: '/beheer/instellingen/medewerkers/nieuw', label: t('staff.new') }}
      />
      <SavedNote shown={Boolean(opgeslagen)} />
      <SettingsTable caption={t('staff.caption')} columns={[t('staff.name'), t('staff.team'), t('staff.user'), t('common.status')]}>
        {rows.map((member) => (
          <SettingsRow key={member.id} active={member.active} testId="staff-row">
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
            <StatusCell active={member.active} />
            <RowActions
              name={member.name}
              editHref={`/beheer/instellingen/medewerkers/${member.id}`}
              setActive={{ action: setStaffActiveAction, id: member.id, active: member.active }}
            />
          </SettingsRow>
        ))}
      </SettingsTable>
      <p className="max-w-prose text-sm text-stone-700">{t('staff.statusBody')}</p>
    </div>
  );
}
