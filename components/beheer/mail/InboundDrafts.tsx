import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { inboundDrafts } from '@/db/inbound';
import { formatDateTime } from '@/lib/complaints/file';

/**
 * "Per e-mail binnengekomen": mails to the complaints address that belong to no complaint yet, oldest first, for staff
 * who register complaints. Nothing is shown when there are none.
 */
export async function InboundDrafts() {
  const [{ rows, total }, t] = await Promise.all([getDb().then(inboundDrafts), getTranslations({ locale: 'nl', namespace: 'beheer.mailIn.drafts' })]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="mail-drafts" className="rounded-lg border border-brand-200 bg-white px-4 py-3 shadow-sm" data-testid="mail-drafts">
      <h2 id="mail-drafts" className="text-lg font-bold">
        {t('title')} <span className="ml-1 rounded-full bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-900">{total}</span>
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t('intro')}</p>
      <ul className="mt-3 divide-y divide-stone-200">
        {rows.map((mail) => (
          <li key={mail.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
            <div className="min-w-0">
              <Link href={`/beheer/inkomend/${mail.id}`} className="font-semibold text-brand-800 underline underline-offset-4 [overflow-wrap:anywhere]" aria-label={t('openLabel', { subject: mail.subject || t('noSubject') })}>
                {mail.subject || t('noSubject')}
              </Link>
              <span className="block text-sm text-stone-700 [overflow-wrap:anywhere]">
                {t('from')}: {mail.fromAddress}
              </span>
            </div>
            <span className="whitespace-nowrap text-sm text-stone-700">{formatDateTime(mail.receivedAt)}</span>
          </li>
        ))}
      </ul>
      {total > rows.length ? <p className="mt-2 text-sm text-stone-700">{t('more', { total, shown: rows.length })}</p> : null}
    </section>
  );
}
