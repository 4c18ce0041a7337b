import { getLocale, getTranslations } from 'next-intl/server';
import type { ClientDate } from '@/lib/complaints/client-view';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/procedure/vocabulary';

type Props = {
  dates: readonly ClientDate[];
  /** Labels from `status`, or from `confirmation` where that page words a date its own way. */
  labels?: Partial<Record<ClientDate['key'], string>>;
  hints?: Partial<Record<ClientDate['key'], string>>;
};

/** The dates a client can hold us to, as `clientView` (lib/complaints/client-view.ts) derived them. */
export async function ClientDates({ dates, labels = {}, hints = {} }: Props) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('status');
  return (
    <dl className="divide-y divide-stone-200" data-testid="client-dates">
      {dates.map((row) => (
        <div key={row.key} className="grid gap-1 py-3 sm:grid-cols-[1fr_1fr]" data-testid={`date-${row.key}`}>
          <dt className="text-stone-700">{labels[row.key] ?? t(row.key)}</dt>
          <dd className="font-semibold">
            {formatDate(row.date, locale, 'full')}
            {row.key === 'decisionByExtended' ? (
              <span className="block text-sm font-normal text-stone-600">{t('extendedHint', { date: formatDate(row.originalDate, locale) })}</span>
            ) : hints[row.key] ? (
              <span className="block text-sm font-normal text-stone-600">{hints[row.key]}</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
