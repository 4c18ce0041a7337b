import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { type InboxParams, pageHref, pagination } from '@/lib/inbox/params';

/** "26–50 of 5,923 complaints", page x of y, and links to the neighbouring pages. */
export async function Pagination({
  params,
  total,
  page,
  pages,
  pageSize,
  position,
}: {
  params: InboxParams;
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  position: 'top' | 'bottom';
}) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.inbox.pagination' });
  const { from, to } = pagination(total, page, pageSize);
  const number = (n: number) => n.toLocaleString('nl-NL');
  const link = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium text-brand-800 hover:bg-stone-100';
  const off = 'rounded-md border border-stone-200 px-3 py-1.5 text-stone-400';
  const at = (target: number, label: string, rel?: string) =>
    target === page || target < 1 || target > pages ? (
      <span aria-disabled="true" className={off}>
        {label}
      </span>
    ) : (
      <Link href={pageHref(params, target)} rel={rel} className={link}>
        {label}
      </Link>
    );
  return (
    <nav aria-label={t(position === 'top' ? 'labelTop' : 'labelBottom')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p role={position === 'top' ? 'status' : undefined} className="text-stone-700">
        {t('summary', { from: number(from), to: number(to), total })}
      </p>
      {pages > 1 ? (
        <div className="flex flex-wrap items-center gap-2">
          {at(1, t('first'))}
          {at(page - 1, t('previous'), 'prev')}
          <span className="px-2 text-stone-700">{t('page', { page: number(page), pages: number(pages) })}</span>
          {at(page + 1, t('next'), 'next')}
          {at(pages, t('last'))}
        </div>
      ) : null}
    </nav>
  );
}
