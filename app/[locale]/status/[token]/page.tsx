import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ComplaintDates } from '@/components/ComplaintDates';
import { SiteHeader } from '@/components/SiteHeader';
import { complaintByStatusToken } from '@/lib/complaints/public';
import type { Locale } from '@/lib/procedure/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The client's own complaint through the secret link (the timeline and questions come with a later issue). */
export default async function StatusPage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const complaint = await complaintByStatusToken(token);
  if (!complaint) notFound();
  const t = await getTranslations('status');
  return (
    <>
      <SiteHeader path={`/status/${token}`} />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold text-brand-900">{t('title', { reference: complaint.reference })}</h1>
        <section className="card mt-6">
          <p className="text-stone-700">{t('current')}</p>
          <p className="mt-1 text-2xl font-bold" data-testid="status">
            {t(`statuses.${complaint.status}`)}
          </p>
          <div className="mt-4">
            <ComplaintDates
              namespace="status"
              receivedOn={complaint.receivedOn}
              acknowledgement={complaint.clocks.acknowledgement}
              resolution={complaint.clocks.resolution}
            />
          </div>
          <p className="mt-4 text-stone-600">{t('more')}</p>
        </section>
      </main>
    </>
  );
}
