import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { RowActions, SavedNote, SettingsRow, SettingsTable, StatusCell } from '@/components/beheer/settings/SettingsTable';
import { getDb } from '@/db/client';
import { listParties } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { setPartyActiveAction } from '@/lib/settings/actions';

export const metadata: Metadata = { title: 'Opdrachtgevers' };

export default async function PartiesPage({ searchParams }: { searchParams: Promise<{ opgeslagen?: string }> }) {
  await requireActor('settings.manage');
  const { opgeslagen } = await searchParams;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const tc = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  const rows = await listParties(await getDb());
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('parties.title')}
        intro={t('parties.intro')}
        add={{ href: '/beheer/instellingen/opdrachtgevers/nieuw', label: t('parties.new') }}
      />
      <SavedNote shown={Boolean(opgeslagen)} />
      <SettingsTable caption={t('parties.caption')} columns={[t('parties.name'), t('parties.type'), t('parties.contactEmail'), t('common.status')]}>
        {rows.map((party) => (
          <SettingsRow key={party.id} active={party.active} testId="party-row">
            <th scope="row" className="px-4 py-3 font-semibold">{party.name}</th>
            <td className="px-4 py-3">{tc(`partyTypes.${party.type}`)}</td>
            <td className="px-4 py-3">{party.contactEmail ?? <span className="text-stone-600">{t('common.none')}</span>}</td>
            <StatusCell active={party.active} />
            <RowActions
              name={party.name}
              editHref={`/beheer/instellingen/opdrachtgevers/${party.id}`}
              setActive={{ action: setPartyActiveAction, id: party.id, active: party.active }}
            />
          </SettingsRow>
        ))}
      </SettingsTable>
      <p className="max-w-prose text-sm text-stone-700">{t('parties.statusBody')}</p>
    </div>
  );
}
