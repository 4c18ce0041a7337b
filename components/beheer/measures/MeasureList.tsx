import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, type Tone } from '@/components/beheer/file/Badge';
import { shortDate } from '@/components/beheer/inbox/format';
import type { MeasureFilterOptions, MeasureListRow } from '@/db/measures';
import { pagination } from '@/lib/inbox/params';
import { MEASURE_STATUS_FILTERS, type MeasureParams, measuresHref } from '@/lib/measures/params';
import { isMeasureOverdue } from '@/lib/measures/rules';
import type { IsoDate } from '@/lib/procedure/dates';
import type { MeasureStatus } from '@/lib/procedure/vocabulary';

export const STATUS_TONE: Record<MeasureStatus, Tone> = { planned: 'neutral', in_progress: 'info', done: 'good', dropped: 'muted' };

/** The register's filters as a plain GET form: works without JavaScript, every choice ends up in the URL. */
export async function MeasureFilters({ params, options }: { params: MeasureParams; options: MeasureFilterOptions }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.measures' });
  const input = 'input mt-1 py-1.5';
  const label = 'block text-sm font-semibold text-stone-900';
  return (
    <section aria-labelledby="measure-filters-heading" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="measure-filters-heading" className="sr-only">
        {t('filters.heading')}
      </h2>
      <Form key={measuresHref(params)} action="/beheer/maatregelen" className="space-y-4">
        <div className="grid grid-cols-2 gap-x-3 gap-y-3 sm:gap-x-4 lg:grid-cols-5">
          <div className="col-span-2">
            <label htmlFor="measures-q" className={label}>
              {t('filters.search')}
            </label>
            <input id="measures-q" name="q" type="search" defaultValue={params.q} aria-describedby="measures-q-hint" className={input} autoComplete="off" />
            <span id="measures-q-hint" className="mt-1 block text-sm text-stone-600">
              {t('filters.searchHint')}
            </span>
          </div>
          <div>
            <label htmlFor="measures-status" className={label}>
              {t('filters.status')}
            </label>
            <select id="measures-status" name="status" defaultValue={params.status ?? ''} className={input}>
              <option value="">{t('filters.any')}</option>
              {MEASURE_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {s === 'open' ? t('filters.statusOpen') : t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="measures-category" className={label}>
              {t('filters.category')}
            </label>
            <select id="measures-category" name="category" defaultValue={params.category === null ? '' : String(params.category)} className={input}>
              <option value="">{t('filters.any')}</option>
              <option value="none">{t('filters.noCategory')}</option>
              {options.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.active ? c.name : t('fields.inactive', { name: c.name })}
                </option>
              ))}
            </select>
          </div>
          <div className="col-span-2 sm:col-span-1">
            <label htmlFor="measures-owner" className={label}>
              {t('filters.owner')}
            </label>
            <select id="measures-owner" name="owner" defaultValue={params.owner ?? ''} className={input}>
              <option value="">{t('filters.any')}</option>
              {options.owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <label className="inline-flex items-center gap-2 text-sm font-semibold text-stone-900">
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} className="h-5 w-5 rounded border-stone-400 accent-brand-700" />
            {t('filters.overdue')}
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary py-1.5">
              {t('filters.apply')}
            </button>
            <Link href="/beheer/maatregelen" className="text-sm font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900">
              {t('filters.reset')}
            </Link>
          </div>
        </div>
      </Form>
    </section>
  );
}

type ListPage = { rows: MeasureListRow[]; total: number; page: number; pages: number; pageSize: number };

/** One page of the register: a table on wide screens, a list of cards on a phone. */
export async function MeasureResults({ params, result, today, filtered }: { params: MeasureParams; result: ListPage; today: IsoDate; filtered: boolean }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.measures' });
  const { from, to } = pagination(result.total, result.page, result.pageSize);
  if (result.total === 0) {
    return (
      <p role="status" className="rounded-lg border border-stone-200 bg-white p-6 text-stone-700 shadow-sm">
        {filtered ? t('list.emptyFiltered') : t('list.empty')}
      </p>
    );
  }
  const due = (row: MeasureListRow) => {
    const overdue = isMeasureOverdue(row, today);
    return (
      <span className="inline-flex flex-wrap items-center gap-2">
        <span className="whitespace-nowrap">{row.dueOn ? shortDate(row.dueOn) : <span className="text-stone-600">{t('list.none')}</span>}</span>
        {overdue ? <Badge tone="bad">{t('list.overdue')}</Badge> : null}
      </span>
    );
  };
  const status = (row: MeasureListRow) => (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Badge tone={STATUS_TONE[row.status]}>{t(`statuses.${row.status}`)}</Badge>
      {row.status === 'done' && row.doneOn ? <span className="whitespace-nowrap text-stone-600">{t('list.doneOn', { date: shortDate(row.doneOn) })}</span> : null}
    </span>
  );
  const link = (row: MeasureListRow) => (
    <Link href={`/beheer/maatregelen/${row.id}`} className="font-semibold text-brand-800 underline-offset-2 [overflow-wrap:anywhere] hover:underline">
      {row.description}
    </Link>
  );
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-stone-700">
        {t('list.summary', { from, to, total: result.total })}
      </p>
      <div className="hidden overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm md:block">
        <table className="w-full border-collapse text-left text-sm" data-testid="measures-table">
          <caption className="sr-only">{t('list.caption')}</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">{t('list.description')}</th>
              <th scope="col" className="px-3 py-2">{t('list.owner')}</th>
              <th scope="col" className="px-3 py-2">{t('list.category')}</th>
              <th scope="col" className="px-3 py-2">{t('list.due')}</th>
              <th scope="col" className="px-3 py-2">{t('list.status')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('list.complaints')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {result.rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-stone-50">
                <td className="max-w-md px-3 py-2.5">{link(row)}</td>
                <td className="px-3 py-2.5">{row.owner}</td>
                <td className="px-3 py-2.5">{row.categoryName ?? <span className="text-stone-600">{t('list.none')}</span>}</td>
                <td className="px-3 py-2.5">{due(row)}</td>
                <td className="px-3 py-2.5">{status(row)}</td>
                <td className="px-3 py-2.5 text-right tabular-nums">{row.complaints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label={t('list.caption')}>
        {result.rows.map((row) => (
          <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="mb-2">{link(row)}</div>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-600">{t('list.status')}</dt>
              <dd>{status(row)}</dd>
              <dt className="text-stone-600">{t('list.due')}</dt>
              <dd>{due(row)}</dd>
              <dt className="text-stone-600">{t('list.owner')}</dt>
              <dd className="[overflow-wrap:anywhere]">{row.owner}</dd>
              <dt className="text-stone-600">{t('list.category')}</dt>
              <dd>{row.categoryName ?? t('list.none')}</dd>
              <dt className="text-stone-600">{t('list.complaints')}</dt>
              <dd>{row.complaints}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {result.pages > 1 ? (
        <nav aria-label={t('list.pagination')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <span className="text-stone-700">{t('list.page', { page: result.page, pages: result.pages })}</span>
          <span className="flex gap-2">
            {result.page > 1 ? (
              <Link rel="prev" href={measuresHref({ ...params, page: result.page - 1 })} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium text-brand-800 hover:bg-stone-100">
                {t('list.previous')}
              </Link>
            ) : null}
            {result.page < result.pages ? (
              <Link rel="next" href={measuresHref({ ...params, page: result.page + 1 })} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium text-brand-800 hover:bg-stone-100">
                {t('list.next')}
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </div>
  );
}
