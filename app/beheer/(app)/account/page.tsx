import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Mijn account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ gewijzigd?: string }> }) {
  const actor = await requireActor('account.manage');
  const { gewijzigd } = await searchParams;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer' });
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t('auth.account.title')}</h1>
      {gewijzigd ? (
        <p role="status" className="rounded-md bg-brand-50 px-4 py-3 text-brand-900">
          {t('auth.password.done')}
        </p>
      ) : null}
      <dl className="card grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t('auth.account.name')}</dt>
        <dd>{actor.name}</dd>
        <dt className="font-semibold">{t('auth.account.email')}</dt>
        <dd>{actor.email}</dd>
        <dt className="font-semibold">{t('auth.account.role')}</dt>
        <dd>{t(`common.roles.${actor.role}`)}</dd>
      </dl>
      <Link href="/beheer/account/wachtwoord" className="btn-primary">
        {t('auth.password.title')}
      </Link>
    </div>
  );
}
