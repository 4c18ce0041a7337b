import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/SiteHeader';
import { ClientDates } from '@/components/status/ClientDates';
import { clientStatusByToken, complaintByStatusToken } from '@/lib/complaints/public';
import { statusPath } from '@/lib/complaints/links';
import { localePath } from '@/lib/i18n/routing';
import { formatDate, formatMonths } from '@/lib/format';
import { appUrl } from '@/lib/server/env';
import type { Locale } from '@/lib/procedure/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false, follow: false } };

type Params = Promise<{ locale: Locale; token: string }>;

export default async function ConfirmationPage({ params }: { params: Params }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [complaint, status] = await Promise.all([complaintByStatusToken(token), clientStatusByToken(token)]);
  if (!complaint || !status) notFound();
  const t = await getTranslations('confirmation');
  const tLost = await getTranslations('lostLink');
  const link = appUrl() + statusPath(token, locale);
  return (
    <>
      <SiteHeader path={`/klacht/ontvangen/${token}`} />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-10">
        <div className="card border-l-8 border-l-brand-700">
          <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
          <p className="mt-2 text-lg">{t('thanks')}</p>
          <p className="mt-6 text-stone-700">{t('reference')}</p>
          <p className="mt-1 font-mono text-3xl font-bold tracking-wide" data-testid="reference">
            {complaint.reference}
          </p>
        </div>

        <section className="card mt-6" aria-label={t('reference')}>
          {/* The one-year note below says when the client hears whether we handle it, so that date is not repeated here. */}
          <ClientDates
            dates={status.view.dates.filter((d) => d.key !== 'noticeBy' && (complaint.byEmail || d.key !== 'ackSent'))}
            labels={{ received: t('received'), decisionBy: t('decisionBy') }}
            hints={{ decisionBy: t('decisionHint') }}
          />
          {/* Online complaints are acknowledged at submission (DESIGN rule 2): by e-mail, or by post without an address. */}
          <p className="mt-4 text-stone-700" data-testid="acknowledgement-note">
            {complaint.byEmail ? t('ackSentMail') : t('ackSentPost')}
          </p>
        </section>

        {complaint.olderThanLimit ? (
          <section role="note" className="mt-6 rounded-lg border-2 border-amber-500 bg-amber-50 p-5" data-testid="one-year-note">
            <p>
              {t('oneYear', {
                limit: formatMonths(complaint.terms.incidentLimitMonths, locale),
                notice: formatDate(complaint.clocks.notAdmissibleNotice.due, locale),
              })}
            </p>
          </section>
        ) : null}

        <section className="card mt-6" aria-labelledby="link-title">
          <h2 id="link-title" className="text-xl font-bold">
            {t('linkTitle')}
          </h2>
          <p className="mt-2 text-stone-700">{t('linkHint')}</p>
          <p className="mt-3 break-all rounded-md bg-stone-100 p-3 font-mono text-sm">
            <a href={statusPath(token, locale)} className="text-brand-800 underline" data-testid="status-link">
              {link}
            </a>
          </p>
          <p className="mt-3">
            <a href={localePath(locale, '/status/kwijt')} className="text-brand-800 underline" data-testid="lost-link">
              {tLost('startLink')}
            </a>
          </p>
        </section>
      </main>
    </>
  );
}
