import { getTranslations } from 'next-intl/server';

/** Shown while the complaints load: the shape of the table, so the page does not jump when it arrives. */
export async function InboxSkeleton() {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.inbox' });
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="text-sm text-stone-700">
        {t('loading')}
      </p>
      <div aria-hidden="true" className="overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm">
        <div className="h-10 border-b border-stone-200 bg-stone-50" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex animate-pulse items-center gap-6 border-b border-stone-100 px-3 py-3 last:border-0">
            <div className="w-36 space-y-2">
              <div className="h-3.5 w-28 rounded bg-stone-200" />
              <div className="h-3 w-24 rounded bg-stone-100" />
            </div>
            <div className="h-3.5 w-20 rounded bg-stone-200" />
            <div className="hidden h-3.5 w-32 rounded bg-stone-200 sm:block" />
            <div className="hidden h-3.5 w-20 rounded bg-stone-200 md:block" />
            <div className="hidden h-3.5 w-28 rounded bg-stone-200 md:block" />
            <div className="hidden h-3.5 w-28 rounded bg-stone-200 lg:block" />
            <div className="ml-auto h-5 w-40 rounded-full bg-stone-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
