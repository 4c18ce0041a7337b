import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ComplaintForm, type ComplaintFormTexts } from '@/components/ComplaintForm';
import { SiteHeader } from '@/components/SiteHeader';
import { complaintFormOptions } from '@/lib/complaints/public';
import { LIMITS } from '@/lib/complaints/limits';
import { formatCount } from '@/lib/complaints/text-length';
import { formatMonths } from '@/lib/format';
import { localePath } from '@/lib/i18n/routing';
import type { Locale } from '@/lib/procedure/vocabulary';
import { publicSettings } from '@/lib/settings/public-pages';

const formOptions = publicSettings('complaintFormOptions', complaintFormOptions);

/**
 * Served from Next's cache (issue 13): prerendered per language and rendered again when an admin changes the
 * categories, staff or terms it shows (lib/settings/public-pages.ts), or at the latest after `revalidate` (300 s). Nothing
 * per request in it: the form takes today's date and its bot stamp in the browser (components/ComplaintForm.tsx). The
 * proxy sends the hashes of its inline scripts as its CSP (lib/security/static-pages.ts).
 */
export const revalidate = 300;
// Never per request: the build fails if anything here (or in the layouts above) asks for the request.
export const dynamic = 'error';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'form' });
  return { title: t('title') };
}

export default async function ComplaintPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations();
  const { categories, staff, terms } = await formOptions(locale);
  const texts = {
    form: t.raw('form'),
    errors: t.raw('errors'),
    partyChoice: t.raw('partyChoice'),
  } as ComplaintFormTexts;
  texts.form = {
    ...texts.form,
    descriptionHint: t('form.descriptionHint', { max: formatCount(LIMITS.description, locale) }),
    consentHint: t('form.consentHint', { retention: formatMonths(terms.retentionMonths, locale) }),
  };
  return (
    <>
      <SiteHeader path="/klacht" />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold text-brand-900">{t('form.title')}</h1>
        <p className="mt-3 max-w-prose text-lg">{t('form.intro')}</p>
        <div className="mt-8">
          <ComplaintForm
            locale={locale}
            texts={texts}
            categories={categories}
            staff={staff}
            confirmationPath={localePath(locale, '/klacht/ontvangen/{token}')}
          />
        </div>
      </main>
    </>
  );
}
