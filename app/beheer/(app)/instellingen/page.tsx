import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { SETTINGS_SECTIONS } from '@/components/beheer/settings/sections';
import { getDb } from '@/db/client';
import { settingsOverview } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { formatDay } from '@/lib/settings/format';

export const metadata: Metadata = { title: 'Instellingen' };

export default async function SettingsOverviewPage() {
  await requireActor('settings.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const overview = await settingsOverview(await getDb());
  const presetName = (preset: string) => (t.has(`terms.presets.${preset}`) ? t(`terms.presets.${preset}` as never) : preset);
  const summary: Record<(typeof SETTINGS_SECTIONS)[number]['key'], string> = {
    users: t('overview.count', overview.users),
    categories: t('overview.count', overview.categories),
    staff: t('overview.count', overview.staff),
    parties: t('overview.count', overview.parties),
    organisation: overview.organisation?.name ?? '',
    terms: overview.terms ? t('overview.termsSince', { preset: presetName(overview.terms.preset), date: formatDay(overview.terms.createdAt) }) : t('overview.noTerms'),
    history: '',
  };
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section.key} className="card relative flex flex-col gap-2 hover:border-brand-600 focus-within:border-brand-600">
            <h2 className="text-lg font-bold">
              <Link href={section.href} className="text-brand-800 underline-offset-4 after:absolute after:inset-0 hover:underline">
                {t(`nav.${section.key}`)}
              </Link>
            </h2>
            <p className="text-stone-700">{t(`overview.${section.key}`)}</p>
            {summary[section.key] ? <p className="mt-auto pt-2 text-sm font-semibold text-stone-600">{summary[section.key]}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
