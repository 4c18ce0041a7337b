import { DashboardSkeleton } from '@/components/beheer/reports/DashboardSkeleton';

/**
 * While the page itself starts (the figures have their own skeleton inside the page). In the (dashboard) group so that
 * it does not cover other pages under /beheer/rapportage.
 */
export default function Loading() {
  return (
    <div className="space-y-6">
      <div aria-hidden="true" className="space-y-2">
        <div className="h-7 w-40 animate-pulse rounded bg-stone-200" />
        <div className="h-4 w-full max-w-prose animate-pulse rounded bg-stone-100" />
      </div>
      <DashboardSkeleton />
    </div>
  );
}
