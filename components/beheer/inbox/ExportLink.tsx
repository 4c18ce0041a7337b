import { getTranslations } from 'next-intl/server';
import { type InboxParams, inboxHref } from '@/lib/inbox/params';

/** "Exporteren (CSV)": the current view, every page, as a download (app/beheer/export/route.ts). */
export async function ExportLink({ params, total }: { params: InboxParams; total: number }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.export' });
  return (
    <p className="flex justify-end">
      <a
        href={inboxHref({ ...params, page: 1 }, '/beheer/export')}
        download
        title={t('linkHint', { total })}
        className="inline-flex items-center gap-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 shadow-sm hover:bg-stone-50"
      >
        {t('link')}
        <span className="sr-only"> – {t('linkHint', { total })}</span>
      </a>
    </p>
  );
}
