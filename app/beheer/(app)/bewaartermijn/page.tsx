import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/beheer/file/Badge';
import { requireActor } from '@/lib/auth/page';
import { formatDate, formatMonths } from '@/lib/format';
import { amsterdamDate, compareIsoDates } from '@/lib/procedure/dates';
import { loadRetentionOverview, RETENTION_LIST_LIMIT } from '@/lib/privacy/retention-load';

export const metadata: Metadata = { title: 'Bewaartermijn' };

/** Retention (issue 12): what is due for anonymisation in the coming month, and how many were anonymised. Managers. */
export default async function RetentionPage() {
  await requireActor('reports.read');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.privacy.retention' });
  const view = await loadRetentionOverview(amsterdamDate(new Date()));
  const date = (d: string) => formatDate(d, 'nl');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t('intro', { months: formatMonths(view.retentionMonths, 'nl') })}</p>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('introShorter')}</p>
      </header>

      <section aria-labelledby="retention-stats" className="card">
        <h2 id="retention-stats" className="mb-3 text-lg font-bold">
          {t('statsTitle')}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2" data-testid="retention-stats">
          <div>
            <dt className="text-sm font-semibold text-stone-700">{t('lastRun')}</dt>
            <dd className="mt-1 text-lg" data-testid="last-run">
              {view.stats.lastRunDay ? t('lastRunValue', { date: date(view.stats.lastRunDay), count: view.stats.lastRunCount }) : t('lastRunNone')}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-stone-700">{t('lastYear', { from: date(view.yearFrom) })}</dt>
            <dd className="mt-1 text-lg" data-testid="last-year">
              {t('lastYearValue', { count: view.stats.lastYearCount })}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="retention-due" className="space-y-3">
        <h2 id="retention-due" className="text-lg font-bold">
          {t('dueTitle', { until: date(view.until) })}
        </h2>
        {view.due.length === 0 ? (
          <p className="text-stone-700">{t('dueEmpty')}</p>
        ) : (
          <div role="region" aria-labelledby="retention-due-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
            <table className="w-full border-collapse text-sm" data-testid="retention-due">
              <caption id="retention-due-caption" className="px-3 pt-3 text-left text-stone-700">
                {t('dueCaption')}
              </caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">{t('columns.reference')}</th>
                  <th scope="col" className="px-3 py-2 text-left">{t('columns.category')}</th>
                  <th scope="col" className="px-3 py-2 text-left">{t('columns.closedOn')}</th>
                  <th scope="col" className="px-3 py-2 text-left">{t('columns.anonymiseOn')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {view.due.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/beheer/klachten/${row.id}`} className="font-semibold text-brand-800 underline underline-offset-4">
                        {row.reference}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{row.category}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{date(row.closingDay)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {date(row.anonymiseOn)}{' '}
                      {compareIsoDates(row.anonymiseOn, view.today) <= 0 ? <Badge tone="warn">{t('overdue')}</Badge> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {view.more ? <p className="text-sm text-stone-600">{t('dueMore', { shown: RETENTION_LIST_LIMIT })}</p> : null}
      </section>

      <section aria-labelledby="retention-requests" className="card space-y-2">
        <h2 id="retention-requests" className="text-lg font-bold">
          {t('requestsTitle')}
        </h2>
        <p className="max-w-3xl text-stone-700">{t('requestsIntro', { months: formatMonths(view.retentionMonths, 'nl') })}</p>
        <p className="font-semibold" data-testid="retention-requests-due">
          {t('requestsDue', { count: view.requestsDue })}
        </p>
      </section>
    </div>
  );
}
