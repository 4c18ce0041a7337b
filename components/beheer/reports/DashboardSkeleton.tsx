import { getTranslations } from 'next-intl/server';

/** Shown while the figures are computed: the shape of the dashboard, so the page does not jump when it arrives. */
export async function DashboardSkeleton() {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.reports' });
  return (
    <div aria-busy="true" className="space-y-6" data-skeleton="">
      <p role="status" className="text-sm text-stone-700">
        {t('loading')}
      </p>
      <div aria-hidden="true" className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <div key={i} className="card animate-pulse space-y-3 p-4">
              <div className="h-3.5 w-32 rounded bg-stone-200" />
              <div className="h-8 w-16 rounded bg-stone-200" />
            </div>
          ))}
        </div>
        <div className="card animate-pulse space-y-4 p-5">
          <div className="h-4 w-56 rounded bg-stone-200" />
          <div className="flex h-64 items-end gap-2">
            {[40, 65, 50, 80, 55, 70, 45, 60, 75, 50, 65, 35].map((h, i) => (
              <div key={i} className="flex-1 rounded-t bg-stone-100" style={{ height: `${h}%` }} />
            ))}
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {[0, 1].map((i) => (
            <div key={i} className="card animate-pulse space-y-3 p-5">
              <div className="h-4 w-40 rounded bg-stone-200" />
              {[90, 70, 55, 40, 25].map((w) => (
                <div key={w} className="h-5 rounded bg-stone-100" style={{ width: `${w}%` }} />
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
