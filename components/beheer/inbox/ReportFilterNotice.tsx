import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/format';
import { hasReportFilters, type InboxParams, inboxHref, withoutReportFilters } from '@/lib/inbox/params';

/**
 * The report's filters (the dashboard's drill-down) have no control of their own in the inbox form: this notice says
 * which are active and offers to clear them, so they are never applied unseen. The form keeps them as hidden fields.
 */
export async function ReportFilterNotice({ params }: { params: InboxParams }) {
  if (!hasReportFilters(params)) return null;
  const [t, common] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.inbox.fromReport' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.common' }),
  ]);
  const date = (d: string) => formatDate(d, 'nl');
  const parts: string[] = [];
  if (params.receivedFrom && params.receivedTo) parts.push(t('receivedBetween', { from: date(params.receivedFrom), to: date(params.receivedTo) }));
  else if (params.receivedFrom) parts.push(t('receivedFrom', { from: date(params.receivedFrom) }));
  else if (params.receivedTo) parts.push(t('receivedTo', { to: date(params.receivedTo) }));
  if (params.outcome) parts.push(t('outcome', { value: t(`outcomes.${params.outcome}`) }));
  if (params.ground) parts.push(t('ground', { value: t(`grounds.${params.ground}`) }));
  if (params.team !== null) parts.push(t('team', { value: params.team === 'none' ? t('noTeam') : params.team }));
  if (params.partyType) {
    parts.push(t('partyType', { value: params.partyType === 'unknown' ? t('unknownPartyType') : common(`partyTypes.${params.partyType}`) }));
  }
  if (params.escalation) parts.push(t(params.escalation));
  if (params.timely) {
    const { clock, state, dueFrom, dueTo } = params.timely;
    parts.push(t('timely', { clock: common(`clocks.${clock}`), state: t(`timelyStates.${state}`) }));
    if (dueFrom && dueTo) parts.push(t('dueBetween', { from: date(dueFrom), to: date(dueTo) }));
    else if (dueFrom) parts.push(t('dueFrom', { from: date(dueFrom) }));
    else if (dueTo) parts.push(t('dueTo', { to: date(dueTo) }));
  }
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-stone-900">
      <span>
        <span className="font-semibold">{t('label')}</span> {parts.join('; ')}
      </span>
      <Link href={inboxHref(withoutReportFilters(params))} className="font-medium text-brand-800 underline underline-offset-4 hover:text-brand-900">
        {t('clear')}
      </Link>
    </p>
  );
}
