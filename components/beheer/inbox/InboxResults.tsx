import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { InboxActor } from '@/db/inbox';
import { loadInbox } from '@/lib/inbox/load';
import { type InboxParams, isFiltered } from '@/lib/inbox/params';
import type { IsoDate } from '@/lib/procedure/dates';
import { ExportLink } from './ExportLink';
import { InboxTable } from './InboxTable';
import { Pagination } from './Pagination';

/** The matching complaints: table and pages, or a short explanation when nothing matches. */
export async function InboxResults({ actor, params, today }: { actor: InboxActor; params: InboxParams; today: IsoDate }) {
  const [result, t] = await Promise.all([loadInbox(actor, params, today), getTranslations({ locale: 'nl', namespace: 'beheer.inbox.empty' })]);
  if (result.total === 0) {
    const filtered = isFiltered(params);
    return (
      <div role="status" className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
        <p className="text-lg font-semibold text-stone-900">{t('title')}</p>
        <p className="mt-1 text-stone-700">{filtered ? t('filtered') : t('none')}</p>
        {filtered ? (
          <Link href="/beheer" className="mt-4 inline-block font-medium text-brand-800 underline underline-offset-4">
            {t('reset')}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <ExportLink params={params} total={result.total} />
      <Pagination params={params} total={result.total} page={result.page} pages={result.pages} pageSize={result.pageSize} position="top" />
      <InboxTable rows={result.rows} params={{ ...params, page: result.page }} />
      {result.pages > 1 ? <Pagination params={params} total={result.total} page={result.page} pages={result.pages} pageSize={result.pageSize} position="bottom" /> : null}
    </div>
  );
}
