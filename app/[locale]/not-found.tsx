import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  const locale = await getLocale();
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('body')}</p>
      <p className="mt-4">
        {t('lostLink')}{' '}
        <Link className="font-semibold text-brand-700 underline" href={localePath(locale, '/status/kwijt')} data-testid="lost-link">
          {t('lostLinkAction')}
        </Link>
      </p>
      <p className="mt-6">
        <Link className="font-semibold text-brand-700 underline" href={localePath(locale, '/')}>
          {t('home')}
        </Link>
      </p>
    </main>
  );
}
