'use client';

import { useTranslations } from 'next-intl';

/**
 * Anything unexpected on a back-office page, such as a database outage while the session is checked: a calm message
 * and a way to try again, never a stack trace, and never a sign-in page (the session is still valid).
 */
export default function BackofficeError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('beheer.common.error');
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('body')}</p>
      <button type="button" onClick={reset} className="btn-primary mt-6">
        {t('retry')}
      </button>
    </main>
  );
}
