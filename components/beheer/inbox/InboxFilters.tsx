import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { InboxFilterOptions } from '@/db/inbox';
import { CLOSED_STATUSES, type InboxParams, inboxHref, OVERDUE_FILTERS, reportFilterEntries, statusParam } from '@/lib/inbox/params';
import { CHANNELS, OPEN_STATUSES } from '@/lib/procedure/vocabulary';
import { ReportFilterNotice } from './ReportFilterNotice';

/**
 * The inbox's filters as a plain GET form: it works without JavaScript, and every choice ends up in the URL. With
 * JavaScript, next/form navigates without a full page load. Changing a filter starts again at page 1; the sort stays.
 */
export async function InboxFilters({
  params,
  options,
  actor,
}: {
  params: InboxParams;
  options: InboxFilterOptions;
  actor: { id: number };
}) {
  const [t, common] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.inbox.filters' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.common' }),
  ]);
  const status = statusParam(params.statuses);
  const isPreset = ['open', 'closed', 'all', ...OPEN_STATUSES, ...CLOSED_STATUSES].includes(status);
  const select = 'input mt-1 py-1.5';
  const label = 'block text-sm font-semibold text-stone-900';

  return (
    <section aria-labelledby="filters-heading" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="filters-heading" className="sr-only">
        {t('heading')}
      </h2>
      <div className="mb-4 empty:hidden">
        <ReportFilterNotice params={params} />
      </div>
      {/* Keyed by the view: after a navigation the fields show the new view's choices, not what was typed before. */}
      <Form key={inboxHref(params)} action="/beheer" className="space-y-4">
        <div className="grid grid-cols-2 gap-x-3 gap-y-3 sm:gap-x-4 lg:grid-cols-4">
          <div className="col-span-2">
            <label htmlFor="inbox-q" className={label}>
              {t('search')}
            </label>
            <input
              id="inbox-q"
              name="q"
              type="search"
              defaultValue={params.q}
              aria-describedby="inbox-q-hint"
              className={select}
              autoComplete="off"
            />
            <span id="inbox-q-hint" className="mt-1 block text-sm text-stone-600">
              {t('searchHint')}
            </span>
          </div>
          <div>
            <label htmlFor="inbox-status" className={label}>
              {t('status')}
            </label>
            <select id="inbox-status" name="status" defaultValue={status} className={select}>
              <option value="open">{t('statusOpen')}</option>
              <option value="closed">{t('statusClosed')}</option>
              <option value="all">{t('statusAll')}</option>
              {isPreset ? null : <option value={status}>{t('statusCustom', { count: params.statuses.length })}</option>}
              <optgroup label={t('statusOpenGroup')}>
                {OPEN_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {common(`statuses.${s}`)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('statusClosedGroup')}>
                {CLOSED_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {common(`statuses.${s}`)}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div>
            <label htmlFor="inbox-category" className={label}>
              {t('category')}
            </label>
            <select id="inbox-category" name="category" defaultValue={params.category ?? ''} className={select}>
              <option value="">{t('any')}</option>
              {options.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.active ? c.name : t('inactive', { name: c.name })}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="inbox-channel" className={label}>
              {t('channel')}
            </label>
            <select id="inbox-channel" name="channel" defaultValue={params.channel ?? ''} className={select}>
              <option value="">{t('any')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {common(`channels.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="inbox-handler" className={label}>
              {t('handler')}
            </label>
            <select id="inbox-handler" name="handler" defaultValue={params.handler === null ? '' : String(params.handler)} className={select}>
              <option value="">{t('anyHandler')}</option>
              <option value="none">{t('notAssigned')}</option>
              {options.handlers.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.id === actor.id ? t('me', { name: h.name }) : h.active ? h.name : t('inactive', { name: h.name })}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="inbox-party" className={label}>
              {t('party')}
            </label>
            <select id="inbox-party" name="party" defaultValue={params.party === null ? '' : String(params.party)} className={select}>
              <option value="">{t('any')}</option>
              <option value="none">{t('noParty')}</option>
              {options.parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="inbox-overdue" className={label}>
              {t('overdue')}
            </label>
            <select id="inbox-overdue" name="overdue" defaultValue={params.overdue ?? ''} className={select}>
              <option value="">{t('any')}</option>
              {OVERDUE_FILTERS.map((o) => (
                <option key={o} value={o}>
                  {o === 'any' ? t('overdueAny') : t('overdueClock', { clock: common(`clocks.${o}`) })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <label className="inline-flex items-center gap-2 text-sm font-semibold text-stone-900">
            <input type="checkbox" name="mine" value="1" defaultChecked={params.mine} className="h-5 w-5 rounded border-stone-400 accent-brand-700" />
            {t('mine')}
          </label>
          <div className="flex flex-wrap items-center gap-3 sm:ml-auto">
            <Link href="/beheer" className="rounded-md px-3 py-2 text-sm font-medium text-brand-800 underline underline-offset-4 hover:bg-stone-100">
              {t('reset')}
            </Link>
            <button type="submit" className="btn-primary px-4 py-2 text-sm">
              {t('apply')}
            </button>
          </div>
        </div>
        {/* The sort stays when filtering. */}
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        {/* The report's filters have no control here: kept as they are (the notice above names them and can clear them). */}
        {reportFilterEntries(params).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </Form>
    </section>
  );
}
