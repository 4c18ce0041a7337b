import type { Locale } from '@/lib/procedure/vocabulary';

/** The client's status page for a secret link token. */
export function statusPath(token: string, locale: Locale): string {
  return `${locale === 'en' ? '/en' : ''}/status/${token}`;
}
