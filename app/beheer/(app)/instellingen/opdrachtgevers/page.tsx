import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/beheer/settings/ActionButton';
import { ActiveBadge, PageHeader, ScrollArea } from '@/components/beheer/settings/PageHeader';
import { statusNote, textLink } from '@/components/beheer/settings/styles';
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
        actions={
          <Link href="/beheer/instellingen/opdrachtgevers/nieuw" className="btn-primary">
            {t('parties.new')}
          </Link>
        }
      />
      {opgeslagen ? (
        <p role="status" className={statusNote}>
          {t('common.saved')}
        </p>
      ) : null}
      <ScrollArea label={t('parties.caption')} className="card p-0">
        <table className="w-full text-left">
          <caption className="sr-only">{t('parties.caption')}</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-sm text-stone-700">
            <tr>
              <th scope="col" className="px-4 py-3">{t('parties.name')}</th>
              <th scope="col" className="px-4 py-3">{t('parties.type')}</th>
              <th scope="col" className="px-4 py-3">{t('parties.contactEmail')}</th>
              <th scope="col" className="px-4 py-3">{t('common.status')}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((party) => (
              <tr key={party.id} className={party.active ? '' : 'bg-stone-50 text-stone-600'} data-testid="party-row">
                <th scope="row" className="px-4 py-3 font-semibold">{party.name}</th>
                <td className="px-4 py-3">{tc(`partyTypes.${party.type}`)}</td>
                <td className="px-4 py-3">{party.contactEmail ?? <span className="text-stone-600">{t('common.none')}</span>}</td>
                <td className="px-4 py-3">
                  <ActiveBadge active={party.active} labels={{ active: t('common.active'), inactive: t('common.inactive') }} />
                </td>
                <td className="px-4 py-3">
                  <div className="flex items-center justify-end gap-3 whitespace-nowrap">
                    <Link href={`/beheer/instellingen/opdrachtgevers/${party.id}`} className={textLink} aria-label={t('common.editNamed', { name: party.name })}>
                      {t('common.edit')}
                    </Link>
                    <ActionButton
                      action={setPartyActiveAction}
                      input={{ id: party.id, active: !party.active }}
                      variant="small"
                      label={`${party.active ? t('common.deactivate') : t('common.reactivate')}: ${party.name}`}
                    >
                      {party.active ? t('common.deactivate') : t('common.reactivate')}
                    </ActionButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <p className="max-w-prose text-sm text-stone-700">{t('parties.statusBody')}</p>
    </div>
  );
}
