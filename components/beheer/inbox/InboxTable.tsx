import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { type InboxParams, type SortKey, sortHref } from '@/lib/inbox/params';
import type { InboxDeadline, InboxRowView } from '@/lib/inbox/view';
import { shortDate, shortWeekday } from './format';

const STATE_STYLE: Record<InboxDeadline['state'], string> = {
  overdue: 'bg-red-50 text-red-800 ring-red-300',
  due_soon: 'bg-amber-50 text-amber-900 ring-amber-300',
  on_time: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
};

/** The inbox table: server-rendered, sortable through links in the column headers. */
export async function InboxTable({ rows, params }: { rows: InboxRowView[]; params: InboxParams }) {
  const [t, common, mailIn] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.inbox.table' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.common' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.mailIn' }),
  ]);
  const columnLabel: Record<SortKey, string> = {
    deadline: t('deadline'),
    received: t('received'),
    reference: t('reference'),
    status: t('status'),
  };

  // The reference stays in view while the table scrolls sideways on a narrow screen.
  const sticky = 'sticky left-0 z-10 shadow-[inset_-1px_0_0_#e7e5e4]';
  const sortHeader = (column: SortKey) => {
    const active = params.sort === column;
    const ariaSort = active ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined;
    return (
      <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 ${column === 'reference' ? `${sticky} bg-stone-50` : ''}`}>
        <Link
          href={sortHref(params, column)}
          scroll={false}
          className="group inline-flex items-center gap-1 whitespace-nowrap rounded hover:text-brand-800 hover:underline"
        >
          {columnLabel[column]}
          <span aria-hidden="true" className={active ? 'text-brand-800' : 'text-stone-400 group-hover:text-brand-700'}>
            {active ? (params.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
          {active ? null : <span className="sr-only">({t('sortBy', { column: columnLabel[column] })})</span>}
        </Link>
      </th>
    );
  };

  return (
    <>
      <p className="mb-1 text-sm text-stone-600 sm:hidden">{t('scrollHint')}</p>
      <div
        role="region"
        aria-labelledby="inbox-caption"
        tabIndex={0}
        className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm"
      >
        <table className="w-full min-w-[68rem] border-collapse text-left text-sm">
          <caption id="inbox-caption" className="sr-only">
            {t('caption', { column: columnLabel[params.sort].toLowerCase(), direction: params.dir === 'asc' ? t('ascending') : t('descending') })}
          </caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
            <tr>
              {sortHeader('reference')}
              {sortHeader('received')}
              <th scope="col" className="px-3 py-2">
                {t('category')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('channel')}
              </th>
              {sortHeader('status')}
              <th scope="col" className="px-3 py-2">
                {t('handler')}
              </th>
              {sortHeader('deadline')}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((row) => (
              <tr key={row.id} className="group align-top hover:bg-stone-50">
                <td className={`${sticky} bg-white px-3 py-2.5 group-hover:bg-stone-50`}>
                  <Link href={`/beheer/klachten/${row.id}`} className="whitespace-nowrap font-semibold text-brand-800 underline-offset-2 hover:underline">
                    {row.reference}
                  </Link>
                  <span className="block text-stone-600">{row.complainantName}</span>
                  {row.mailBounced ? (
                    <span className="mt-1 inline-flex items-center rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-300" data-testid="bounce-marker">
                      {mailIn('inbox.bounced')}
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2.5">{shortDate(row.receivedOn)}</td>
                <td className="px-3 py-2.5">{row.categoryName}</td>
                <td className="whitespace-nowrap px-3 py-2.5">{common(`channels.${row.channel}`)}</td>
                <td className="px-3 py-2.5">{common(`statuses.${row.status}`)}</td>
                <td className="px-3 py-2.5">{row.handlerName ?? <span className="italic text-stone-600">{t('notAssigned')}</span>}</td>
                <td className="px-3 py-2.5">
                  {row.deadline ? (
                    <>
                      <span className="flex flex-nowrap items-center gap-2">
                        <span className="whitespace-nowrap font-medium">
                          {shortWeekday(row.deadline.due)} {shortDate(row.deadline.due)}
                        </span>
                        <span
                          className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATE_STYLE[row.deadline.state]}`}
                        >
                          {common(`deadlineStates.${row.deadline.state}`)}
                        </span>
                      </span>
                      <span className="block whitespace-nowrap text-stone-600">
                        {common(`clocks.${row.deadline.clock}`)} ·{' '}
                        {row.deadline.state === 'overdue' ? t('overdueBy', { days: row.deadline.days }) : t('dueIn', { days: row.deadline.days })}
                      </span>
                    </>
                  ) : (
                    <span className="text-stone-600">{t('noDeadline')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
