import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { ScrollArea } from '@/components/beheer/settings/PageHeader';
import { getDb } from '@/db/client';
import { settingsHistoryPage } from '@/db/settings-history';
import { requireActor } from '@/lib/auth/page';
import { SETTINGS_HISTORY_KINDS, SETTINGS_HISTORY_PATH, type SettingsHistoryKind } from '@/lib/settings/history';
import { formatShortDateTime } from '@/lib/settings/format';

export const metadata: Metadata = { title: 'Geschiedenis van de instellingen' };

const PAGE_SIZE = 25;

/** The settings history (issue 12): every settings change, newest first, by kind, 25 to a page. Admins only. */
export default async function SettingsHistoryPage({ searchParams }: { searchParams: Promise<{ soort?: string; pagina?: string }> }) {
  await requireActor('settings.manage');
  const params = await searchParams;
  const kind = SETTINGS_HISTORY_KINDS.includes(params.soort as SettingsHistoryKind) ? (params.soort as SettingsHistoryKind) : null;
  const requested = Number.parseInt(params.pagina ?? '1', 10);
  const page = Number.isSafeInteger(requested) && requested > 0 && requested < 100_000 ? requested : 1;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.history' });
  const tc = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  const { rows, total } = await settingsHistoryPage(await getDb(), { kind, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `${SETTINGS_HISTORY_PATH}?${new URLSearchParams({ ...(kind ? { soort: kind } : {}), pagina: String(p) })}`;

  const label = (key: string, group: 'fields' | 'actions') => (t.has(`${group}.${key}`) ? t(`${group}.${key}` as never) : key);
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('none');
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (field === 'role' && tc.has(`roles.${String(v)}`)) return tc(`roles.${String(v)}` as never);
    if (field === 'type' && tc.has(`partyTypes.${String(v)}`)) return tc(`partyTypes.${String(v)}` as never);
    if (field === 'method' && t.has(`methods.${String(v)}`)) return t(`methods.${String(v)}` as never);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <form method="get" action={SETTINGS_HISTORY_PATH} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="soort" className="text-sm font-semibold">
            {t('filterLabel')}
          </label>
          <select id="soort" name="soort" defaultValue={kind ?? ''} className="input w-auto">
            <option value="">{t('all')}</option>
            {SETTINGS_HISTORY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t('filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="card text-stone-700">{t('empty')}</p>
      ) : (
        <ScrollArea label={t('caption')} className="card p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-3">{t('when')}</th>
                <th scope="col" className="px-4 py-3">{t('who')}</th>
                <th scope="col" className="px-4 py-3">{t('what')}</th>
                <th scope="col" className="px-4 py-3">{t('changes')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((row) => (
                <tr key={row.id} data-testid="history-row" className="align-top">
                  <td className="whitespace-nowrap px-4 py-3">{formatShortDateTime(row.at)}</td>
                  <td className="px-4 py-3">{row.actorName ?? t('unknownActor')}</td>
                  <td className="px-4 py-3">
                    <span className="font-semibold">{t(`kinds.${row.kind as SettingsHistoryKind}`)}</span>: {label(row.action, 'actions')}
                    {row.subjectLabel ? <span className="block text-stone-700">{row.subjectLabel}</span> : null}
                  </td>
                  <td className="px-4 py-3">
                    <ul className="space-y-1">
                      {Object.entries(row.changes).map(([field, change]) => (
                        <li key={field} className="break-words">
                          <span className="font-semibold">{label(field, 'fields')}</span>: {value(field, change.from)} <span aria-hidden="true">→</span>
                          <span className="sr-only"> wordt </span> {value(field, change.to)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <nav aria-label={t('pagingLabel')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p>{t('page', { page, pages, total })}</p>
        <p className="flex gap-4">
          {page > 1 ? (
            <Link href={href(page - 1)} className="font-semibold text-brand-700 underline underline-offset-2">
              {t('previous')}
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={href(page + 1)} className="font-semibold text-brand-700 underline underline-offset-2">
              {t('next')}
            </Link>
          ) : null}
        </p>
      </nav>
    </div>
  );
}
