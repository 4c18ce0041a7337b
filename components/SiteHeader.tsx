import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';

/** Header of the public pages; `path` is the current page without language prefix, for the language switch. */
export async function SiteHeader({ path }: { path: string }) {
  const locale = await getLocale();
  const t = await getTranslations('nav');
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-4">
        <Link href={localePath(locale, '/')} className="flex items-center gap-2 text-base font-bold text-brand-800 sm:text-lg">
          <span aria-hidden="true" className="inline-block h-7 w-7 rounded-md bg-brand-700 text-center leading-7 text-white">
            K
          </span>
          {t('home')}
        </Link>
        <nav className="flex items-center gap-3 text-sm sm:gap-4">
          <Link href={localePath(locale, '/klacht')} className="whitespace-nowrap font-semibold text-brand-700 underline-offset-4 hover:underline">
            {t('complaint')}
          </Link>
          <a href={localePath(other, path)} hrefLang={other} lang={other} aria-label={t('switchLabel')} className="rounded border border-stone-300 px-2 py-1 text-stone-700 hover:bg-stone-100">
            {t('switchTo')}
          </a>
        </nav>
      </div>
    </header>
  );
}
