import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/beheer/SignInForm';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { homeFor, safeCallbackPath } from '@/lib/auth/policy';

export const metadata: Metadata = { title: 'Inloggen' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ terug?: string; uitgelogd?: string }> }) {
  const { terug, uitgelogd } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(homeFor(actor.role));
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer' });
  return (
    <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:py-20">
      <div className="w-full max-w-md">
        <p className="mb-6 flex items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden="true" className="inline-block h-8 w-8 rounded-md bg-brand-700 text-center leading-8 text-white">K</span>
          {t('common.appName')} <span className="font-normal text-stone-600">{t('common.backoffice')}</span>
        </p>
        <div className="card">
          <h1 className="text-2xl font-bold">{t('auth.signIn.title')}</h1>
          <p className="mt-2 text-stone-700">{t('auth.signIn.intro')}</p>
          {uitgelogd ? (
            <p role="status" className="mt-4 rounded-md bg-brand-50 px-4 py-2 text-brand-900">
              {t('auth.signIn.signedOut')}
            </p>
          ) : null}
          <SignInForm returnTo={safeCallbackPath(terug) ?? ''} />
        </div>
      </div>
    </main>
  );
}
