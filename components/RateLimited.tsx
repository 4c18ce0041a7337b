import { getTranslations } from 'next-intl/server';
import { SiteHeader } from './SiteHeader';

/** A public page asked for too often from one address (or by everyone): a clear "try again in N minutes", never an error. */
export async function RateLimited({ path, minutes }: { path: string; minutes: number }) {
  const t = await getTranslations('errors');
  return (
    <>
      <SiteHeader path={path} />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold text-brand-900">{t('rateLimitedTitle')}</h1>
        <p role="status" className="mt-4 text-lg" data-testid="rate-limited">
          {t('rateLimited', { minutes })}
        </p>
      </main>
    </>
  );
}
