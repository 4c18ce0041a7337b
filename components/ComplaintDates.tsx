import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/format';
import type { DueDate } from '@/lib/procedure/deadlines';
import type { Locale } from '@/lib/procedure/vocabulary';

type Props = { receivedOn: string; acknowledgement: DueDate; resolution: DueDate; namespace: 'confirmation' | 'status' };

/** The dates a client can hold us to: received, acknowledgement due, decision due. */
export async function ComplaintDates({ receivedOn, acknowledgement, resolution, namespace }: Props) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations(namespace);
  const rows: [string, string, string?][] = [
    [t('received'), formatDate(receivedOn, locale, 'full')],
    [t('ackBy'), formatDate(acknowledgement.due, locale, 'full')],
    [t('decisionBy'), formatDate(resolution.due, locale, 'full'), namespace === 'confirmation' ? t('decisionHint') : undefined],
  ];
  return (
    <dl className="divide-y divide-stone-200">
      {rows.map(([label, value, hint]) => (
        <div key={label} className="grid gap-1 py-3 sm:grid-cols-[1fr_1fr]">
          <dt className="text-stone-700">{label}</dt>
          <dd className="font-semibold">
            {value}
            {hint ? <span className="block text-sm font-normal text-stone-600">{hint}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
