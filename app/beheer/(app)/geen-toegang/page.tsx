import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/page';
import { homeFor } from '@/lib/auth/policy';

export const metadata: Metadata = { title: 'Geen toegang' };

export default async function AccessDeniedPage() {
  const actor = await requireActor('account.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.common.denied' });
  return (
    <div className="card max-w-xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-stone-700">{t('body')}</p>
      <Link href={homeFor(actor.role)} className="mt-4 inline-block font-semibold text-brand-700 underline">
        {t('home')}
      </Link>
    </div>
  );
}
