import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/** The frame of the back-office pages before signing in (sign-in, invitation): the app's name above one card. */
export async function AuthCard({ children }: { children: ReactNode }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  return (
    <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:py-20">
      <div className="w-full max-w-md">
        <p className="mb-6 flex items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden="true" className="inline-block h-8 w-8 rounded-md bg-brand-700 text-center leading-8 text-white">K</span>
          {t('appName')} <span className="font-normal text-stone-600">{t('backoffice')}</span>
        </p>
        <div className="card">{children}</div>
      </div>
    </main>
  );
}
