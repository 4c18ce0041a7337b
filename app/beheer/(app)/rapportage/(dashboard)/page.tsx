import Link from 'next/link';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { Dashboard } from '@/components/beheer/reports/Dashboard';
import { DashboardSkeleton } from '@/components/beheer/reports/DashboardSkeleton';
import { periodLabel } from '@/components/beheer/reports/format';
import { PeriodForm, REPORTS_PATH } from '@/components/beheer/reports/PeriodForm';
import { requireActor } from '@/lib/auth/page';
import { incomingQuery, type RawSearchParams } from '@/lib/inbox/params';
import { amsterdamDate } from '@/lib/procedure/dates';
import { loadDashboard } from '@/lib/reports/dashboard';
import { type PeriodChoice, parsePeriodParams, periodSearchParams, previousPeriod } from '@/lib/reports/period';

export const metadata: Metadata = { title: 'Rapportage' };

/**
 * The management dashboard (managers): the figures of one period, and of the previous one to compare. The period
 * lives in the URL; a URL with superfluous parameters is redirected to its clean form (unless the period had to be
 * repaired: then the page says what it did). The figures stream in behind a skeleton.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireActor('reports.read');
  const raw = await searchParams;
  const today = amsterdamDate(new Date());
  const choice = parsePeriodParams(raw, today);
  const query = periodSearchParams(choice).toString();
  if (!choice.notice && incomingQuery(raw) !== query) redirect(query ? `${REPORTS_PATH}?${query}` : REPORTS_PATH);
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.reports' });
  const labels = (key: 'year' | 'quarter' | 'month' | 'range', values: Record<string, string | number>) => t(`period.labels.${key}`, values);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 max-w-prose text-stone-700">{t('intro')}</p>
        <p className="mt-2 text-sm">
          <Link href="/beheer/rapportage/jaarverslag" className="font-medium text-brand-800 underline underline-offset-4">
            {t('annualLink')}
          </Link>
        </p>
      </div>
      <PeriodForm choice={choice} />
      {choice.notice ? (
        <p role="status" className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-notice={choice.notice}>
          {t(`period.notices.${choice.notice}`)}
        </p>
      ) : null}
      <p className="text-lg font-semibold" data-showing="">
        {t('period.showing', { period: periodLabel(choice.period, labels) })}
        {choice.compare ? <>, {t('period.comparedWith', { previous: periodLabel(previousPeriod(choice.period), labels) })}</> : null}
      </p>
      <Suspense key={query} fallback={<DashboardSkeleton />}>
        <DashboardData choice={choice} today={today} />
      </Suspense>
    </div>
  );
}

async function DashboardData({ choice, today }: { choice: PeriodChoice; today: string }) {
  return <Dashboard data={await loadDashboard(choice, today)} />;
}
