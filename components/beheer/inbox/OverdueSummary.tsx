import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { InboxActor } from '@/db/inbox';
import { can } from '@/lib/auth/policy';
import { loadOverdueCounts } from '@/lib/inbox/load';
import { loadOverdueMeasureCount } from '@/lib/measures/load';
import { DEFAULT_MEASURE_PARAMS, measuresHref } from '@/lib/measures/params';
import { DEFAULT_PARAMS, inboxHref } from '@/lib/inbox/params';
import type { IsoDate } from '@/lib/procedure/dates';
import { CLOCKS } from '@/lib/procedure/deadlines';

/**
 * Per clock, how many complaints are past that due date; each count links to the list of them. Managers also see how
 * many measures are past their due date, linking to the measures register filtered to those.
 */
export async function OverdueSummary({ actor, today }: { actor: InboxActor; today: IsoDate }) {
  const managesMeasures = can(actor.role, 'measures.manage');
  const [counts, t, common, measures, overdueMeasures] = await Promise.all([
    loadOverdueCounts(actor, today),
    getTranslations({ locale: 'nl', namespace: 'beheer.inbox.overdue' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.common' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.measures' }),
    managesMeasures ? loadOverdueMeasureCount(today) : Promise.resolve(null),
  ]);
  return (
    <section aria-labelledby="overdue-heading">
      <h2 id="overdue-heading" className="sr-only">
        {t('heading')}
      </h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-3 sm:gap-3">
        {CLOCKS.map((clock) => {
          const count = counts[clock];
          const body = (
            <>
              <span className="text-sm font-medium text-stone-700 sm:block">
                {common(`clocks.${clock}`)} · {common('deadlineStates.overdue').toLowerCase()}
              </span>
              <span className={`shrink-0 text-lg font-bold sm:mt-1 sm:block sm:text-2xl ${count ? 'text-red-800' : 'text-stone-500'}`}>
                {t('count', { count })}
              </span>
            </>
          );
          const box = 'flex h-full items-center justify-between gap-3 rounded-lg border border-l-4 bg-white px-4 py-2.5 shadow-sm sm:block sm:py-3';
          return (
            <li key={clock}>
              {count ? (
                <Link href={inboxHref({ ...DEFAULT_PARAMS, overdue: clock })} className={`${box} border-red-200 border-l-red-700 hover:bg-red-50`}>
                  {body}
                  <span className="mt-1 hidden text-sm text-brand-800 underline underline-offset-2 sm:block">{t('show')}</span>
                </Link>
              ) : (
                <div className={`${box} border-stone-200 border-l-stone-300`}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      {overdueMeasures !== null ? (
        <p className="mt-2 text-sm">
          {overdueMeasures ? (
            <Link
              href={measuresHref({ ...DEFAULT_MEASURE_PARAMS, overdue: true })}
              className="inline-flex items-center gap-2 font-semibold text-red-800 underline underline-offset-2 hover:text-red-900"
            >
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-red-700" />
              {measures('overdueSummary', { count: overdueMeasures })}
            </Link>
          ) : (
            <span className="text-stone-600">{measures('overdueSummary', { count: 0 })}</span>
          )}
        </p>
      ) : null}
    </section>
  );
}

export function OverdueSummarySkeleton() {
  return (
    <div aria-hidden="true" className="grid grid-cols-1 gap-2 sm:grid-cols-3 sm:gap-3">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-12 animate-pulse rounded-lg border border-stone-200 bg-white px-4 py-3 sm:h-[6.5rem]">
          <div className="h-4 w-2/3 rounded bg-stone-200" />
          <div className="mt-3 h-6 w-1/3 rounded bg-stone-200" />
        </div>
      ))}
    </div>
  );
}
