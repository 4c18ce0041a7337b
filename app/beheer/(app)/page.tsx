import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { InboxFilters } from '@/components/beheer/inbox/InboxFilters';
import { InboxResults } from '@/components/beheer/inbox/InboxResults';
import { InboxSkeleton } from '@/components/beheer/inbox/InboxSkeleton';
import { OverdueSummary, OverdueSummarySkeleton } from '@/components/beheer/inbox/OverdueSummary';
import { InboundDrafts } from '@/components/beheer/mail/InboundDrafts';
import { requireActor } from '@/lib/auth/page';
import { can } from '@/lib/auth/policy';
import { choicesFrom, loadFilterOptions } from '@/lib/inbox/load';
import { incomingQuery, parseInboxParams, type RawSearchParams, toSearchParams } from '@/lib/inbox/params';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Klachten' };

/**
 * The inbox: the complaints the user may see, nearest deadline first. Every filter, the sort and the page live in the
 * URL; a URL with superfluous or invalid parameters is redirected to its clean form. The table streams in behind a
 * skeleton.
 */
export default async function InboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor('complaints.read');
  const raw = await searchParams;
  const [options, t] = await Promise.all([loadFilterOptions(actor), getTranslations({ locale: 'nl', namespace: 'beheer.inbox' })]);
  const params = parseInboxParams(raw, choicesFrom(options));
  const query = toSearchParams(params).toString();
  if (incomingQuery(raw) !== query) redirect(query ? `/beheer?${query}` : '/beheer');
  const today = amsterdamDate(new Date());

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-stone-700">{can(actor.role, 'complaints.readAll') ? t('intro') : t('introHandler')}</p>
      </div>
      <Suspense fallback={<OverdueSummarySkeleton />}>
        <OverdueSummary actor={actor} today={today} />
      </Suspense>
      {can(actor.role, 'complaints.register') ? (
        <Suspense fallback={null}>
          <InboundDrafts />
        </Suspense>
      ) : null}
      <InboxFilters params={params} options={options} actor={actor} />
      <Suspense key={query} fallback={<InboxSkeleton />}>
        <InboxResults actor={actor} params={params} today={today} />
      </Suspense>
    </div>
  );
}
