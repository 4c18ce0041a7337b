import { defineRouting } from 'next-intl/routing';
import { LOCALES } from '@/lib/procedure/vocabulary';

/** Dutch at `/`, English under `/en`. No guessing from the browser: the language switch decides. */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: 'nl',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
});

/** The path of a public page in a language: `/klacht` → `/en/klacht`. */
export function localePath(locale: string, path: string): string {
  const clean = path === '/' ? '' : path;
  return locale === routing.defaultLocale ? clean || '/' : `/${locale}${clean}`;
}
