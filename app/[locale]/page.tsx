import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/SiteHeader';
import { termsForDisplay } from '@/lib/complaints/public';
import { formatMonths, formatTerm } from '@/lib/format';
import { localePath } from '@/lib/i18n/routing';
import type { Locale } from '@/lib/procedure/vocabulary';
import { organisationForDisplay } from '@/lib/settings/organisation';
import { publicSettings } from '@/lib/settings/public-pages';

const termsFor = publicSettings('terms', termsForDisplay);
const organisationFor = publicSettings('organisation', organisationForDisplay);

/** Served from Next's cache like the complaint form (see app/[locale]/klacht/page.tsx). */
export const revalidate = 300;
// Never per request: the build fails if anything here (or in the layouts above) asks for the request.
export const dynamic = 'error';

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const tForm = await getTranslations('paperForm');
  const tLost = await getTranslations('lostLink');
  const [terms, organisation] = await Promise.all([termsFor(), organisationFor()]);
  const ack = formatTerm(terms.acknowledgementDays, locale);
  const resolve = formatTerm(terms.resolutionDays, locale);
  const limit = formatMonths(terms.incidentLimitMonths, locale);
  const notice = formatTerm(terms.notAdmissibleNoticeDays, locale);
  const steps = [
    [t('step1Title'), t('step1')],
    [t('step2Title', { ack }), t('step2')],
    [t('step3Title', { resolve }), t('step3')],
    [t('step4Title'), t('step4')],
  ];
  return (
    <>
      <SiteHeader path="/" />
      <main id="main" className="mx-auto w-full max-w-4xl px-4 py-10">
        <section className="card">
          <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
          <p className="mt-4 max-w-prose text-lg leading-relaxed">{t('intro')}</p>
          <p className="mt-6 flex flex-wrap items-center gap-4">
            <Link href={localePath(locale, '/klacht')} className="btn-primary">
              {t('cta')}
            </Link>
            <span className="text-stone-600">{t('ctaHint')}</span>
          </p>
          <p className="mt-4">
            <Link href={localePath(locale, '/status/kwijt')} className="font-semibold text-brand-700 underline" data-testid="lost-link">
              {tLost('startLink')}
            </Link>
          </p>
        </section>

        <section className="mt-10" aria-labelledby="how">
          <h2 id="how" className="text-2xl font-bold">
            {t('howTitle')}
          </h2>
          <ol className="mt-4 grid gap-4 sm:grid-cols-2">
            {steps.map(([title, body], i) => (
              <li key={title} className="card flex gap-4">
                <span aria-hidden="true" className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-100 font-bold text-brand-800">
                  {i + 1}
                </span>
                <div>
                  <h3 className="font-semibold">{title}</h3>
                  <p className="mt-1 text-stone-700">{body}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>

        <section className="mt-10 grid gap-4 sm:grid-cols-2">
          <div className="card">
            <h2 className="text-xl font-bold">{t('oneYearTitle', { limit })}</h2>
            <p className="mt-2 text-stone-700">{t('oneYear', { limit, notice })}</p>
          </div>
          <div className="card">
            <h2 className="text-xl font-bold">{t('channelsTitle')}</h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-stone-700">
              <dt className="font-semibold">{t('phone')}</dt>
              <dd>
                <a className="underline" href={`tel:${organisation.phone.replace(/[^\d+]/g, '')}`}>
                  {organisation.phone}
                </a>
              </dd>
              <dt className="font-semibold">{t('email')}</dt>
              <dd>
                <a className="underline" href={`mailto:${organisation.email}`}>
                  {organisation.email}
                </a>
              </dd>
              <dt className="font-semibold">{t('post')}</dt>
              <dd>{organisation.postalAddress}</dd>
            </dl>
            <p className="mt-3 text-stone-700">
              {tForm('linkIntro')}{' '}
              <a className="font-semibold underline" href={locale === 'en' ? '/en/complaint-form.pdf' : '/klachtenformulier.pdf'} download={tForm('fileName')}>
                {tForm('link')}
              </a>
            </p>
          </div>
        </section>
      </main>
    </>
  );
}
