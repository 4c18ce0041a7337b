import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/SiteHeader';
import { LostLinkForm, type LostLinkTexts } from '@/components/status/LostLinkForm';
import type { Locale } from '@/lib/procedure/vocabulary';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'lostLink' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** Lost the status link: ask for a new one with the reference and the e-mail address (lib/complaints/lost-link.ts). */
export default async function LostLinkPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations();
  const texts = { lostLink: t.raw('lostLink'), errors: t.raw('errors') } as LostLinkTexts;
  return (
    <>
      <SiteHeader path="/status/kwijt" />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold text-brand-900">{t('lostLink.title')}</h1>
        <p className="mt-3 max-w-prose text-lg">{t('lostLink.intro')}</p>
        <div className="mt-8">
          <LostLinkForm locale={locale} texts={texts} />
        </div>
      </main>
    </>
  );
}
