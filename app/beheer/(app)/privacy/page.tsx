import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, type Tone } from '@/components/beheer/file/Badge';
import { shortDate } from '@/components/beheer/inbox/format';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { currentTerms } from '@/db/complaints';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/page';
import { loadPrivacyRequests, PRIVACY_LIST_LIMIT } from '@/lib/privacy/load';
import { currentDueOn, isOverdue, type PrivacyStatus } from '@/lib/privacy/requests';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Privacyverzoeken' };

const STATUS_TONE: Record<PrivacyStatus, Tone> = { open: 'info', extended: 'warn', completed: 'good', refused: 'muted' };

/** Privacy requests: open ones first by the due date in force (overdue marked), then the closed ones. */
export default async function PrivacyRequestsPage() {
  await requireActor('privacy.manage');
  const [t, { rows, more }, terms] = await Promise.all([getTranslations({ locale: 'nl', namespace: 'beheer.privacy' }), loadPrivacyRequests(), getDb().then(currentTerms)]);
  const today = amsterdamDate(new Date());
  const overdue = rows.filter((r) => isOverdue(r, today)).length;
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} intro={t('intro', { months: terms.dataRequestMonths })} add={{ href: '/beheer/privacy/nieuw', label: t('new') }} />
      {overdue > 0 ? (
        <p role="status" className="font-semibold text-red-800">
          {t('overdueCount', { count: overdue })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="italic text-stone-600">{t('none')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-left text-sm" data-testid="privacy-table">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('columns.requester')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.kind')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.received')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.due')}</th>
                <th scope="col" className="px-3 py-2">{t('columns.status')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('columns.complaints')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((row) => {
                const late = isOverdue(row, today);
                return (
                  <tr key={row.id} className="align-top hover:bg-stone-50">
                    <td className="px-3 py-2.5">
                      <Link href={`/beheer/privacy/${row.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                        {row.requesterName}
                      </Link>
                    </td>
                    <td className="px-3 py-2.5">{t(`kinds.${row.kind}`)}</td>
                    <td className="px-3 py-2.5">{shortDate(row.receivedOn)}</td>
                    <td className="px-3 py-2.5">
                      <span className={late ? 'font-semibold text-red-800' : ''}>{shortDate(currentDueOn(row))}</span>{' '}
                      {late ? <Badge tone="bad">{t('overdue')}</Badge> : null}
                    </td>
                    <td className="px-3 py-2.5">
                      <Badge tone={STATUS_TONE[row.status]}>{t(`statuses.${row.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{row.complaints}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="text-sm text-stone-600">{t('more', { shown: PRIVACY_LIST_LIMIT })}</p> : null}
    </div>
  );
}
