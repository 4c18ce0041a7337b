import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** A complaint that does not exist or is not the user's to see: the same answer, so nothing leaks. */
export default async function ComplaintNotFound() {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.common.notFound' });
  return (
    <div className="card max-w-xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-stone-700">{t('body')}</p>
      <Link href="/beheer" className="mt-4 inline-block font-semibold text-brand-700 underline">
        {t('home')}
      </Link>
    </div>
  );
}
