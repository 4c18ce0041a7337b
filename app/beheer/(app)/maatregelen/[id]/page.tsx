import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/beheer/file/Badge';
import { FactList, Section } from '@/components/beheer/file/FactList';
import { HistoryTimeline } from '@/components/beheer/file/HistoryTimeline';
import { shortDate } from '@/components/beheer/inbox/format';
import { LinkComplaintForm, UnlinkButton } from '@/components/beheer/measures/LinkForms';
import { STATUS_TONE } from '@/components/beheer/measures/MeasureList';
import { MeasureForm } from '@/components/beheer/measures/MeasureForm';
import { StatusForm } from '@/components/beheer/measures/StatusForm';
import { requireActor } from '@/lib/auth/page';
import { formatDateTime, type Item, type Translate } from '@/lib/complaints/file';
import { formatDate } from '@/lib/format';
import { loadMeasure, parseMeasureId } from '@/lib/measures/load';
import { isMeasureOverdue, nextMeasureStatuses } from '@/lib/measures/rules';
import { measureHistoryRow } from '@/lib/measures/view';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Maatregel' };

const NOTICES = { nieuw: 'created', gegevens: 'detail.saved', status: 'detail.statusSaved', gekoppeld: 'detail.linked', ontkoppeld: 'detail.unlinked' } as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ opgeslagen?: string }> };

/** One measure: its facts, the edit and status forms, the complaints it answers and its append-only history. */
export default async function MeasurePage({ params, searchParams }: Props) {
  await requireActor('measures.manage');
  const id = parseMeasureId((await params).id);
  const data = id === null ? null : await loadMeasure(id);
  if (!data) notFound();
  const { measure, complaints, history, categories, categoryOptions } = data;
  const [t, beheer] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.measures' }),
    getTranslations({ locale: 'nl', namespace: 'beheer' }) as unknown as Promise<Translate>,
  ]);
  const today = amsterdamDate(new Date());
  const saved = (await searchParams).opgeslagen;
  const notice = saved && saved in NOTICES ? t(NOTICES[saved as keyof typeof NOTICES]) : null;
  const overdue = isMeasureOverdue(measure, today);
  const target = { id: measure.id, version: measure.version };

  const none = t('list.none');
  const facts: Item[] = [
    { label: t('fields.description'), value: measure.description, multiline: true },
    { label: t('fields.reason'), value: measure.reason ?? none, muted: !measure.reason, multiline: true },
    { label: t('fields.owner'), value: measure.owner },
    { label: t('fields.dueOn'), value: measure.dueOn ? formatDate(measure.dueOn, 'nl') : none, muted: !measure.dueOn },
    { label: t('fields.categoryId'), value: measure.categoryName ?? none, muted: !measure.categoryName },
    { label: t('fields.status'), value: t(`statuses.${measure.status}`) },
    ...(measure.doneOn ? [{ label: t('fields.doneOn'), value: formatDate(measure.doneOn, 'nl') }] : []),
    ...(measure.droppedReason ? [{ label: t('fields.droppedReason'), value: measure.droppedReason, multiline: true }] : []),
    { label: t('fields.createdBy'), value: `${measure.createdByName ?? beheer('file.history.unknown')}, ${formatDateTime(measure.createdAt)}` },
  ];

  return (
    <div className="space-y-6">
      <p>
        <Link href="/beheer/maatregelen" className="text-sm font-semibold text-brand-800 underline-offset-4 hover:underline">
          ← {t('back')}
        </Link>
      </p>
      {notice ? (
        <div role="status" className="rounded-md border border-brand-300 bg-brand-50 px-4 py-3 font-semibold text-brand-900">
          {notice}
        </div>
      ) : null}
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">{t('detail.title')}</p>
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{measure.description}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={STATUS_TONE[measure.status]}>{t(`statuses.${measure.status}`)}</Badge>
          {overdue ? <Badge tone="bad">{t('detail.overdue')}</Badge> : null}
          <span className="text-stone-700">
            {measure.owner}
            {measure.dueOn ? ` · ${t('fields.dueOn').toLowerCase()} ${formatDate(measure.dueOn, 'nl')}` : ''}
          </span>
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Section title={t('detail.details')} id="measure-details">
            <FactList items={facts} />
          </Section>
          <Section title={t('detail.complaints')} id="measure-complaints">
            <p className="mb-4 text-stone-700">{t('detail.complaintsIntro')}</p>
            {complaints.length === 0 ? (
              <p className="mb-4 italic text-stone-600">{t('detail.noComplaints')}</p>
            ) : (
              <ul className="mb-5 divide-y divide-stone-200 rounded-md border border-stone-200" data-testid="linked-complaints">
                {complaints.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2.5">
                    <div className="min-w-0">
                      <Link href={`/beheer/klachten/${c.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                        {c.reference}
                      </Link>
                      <span className="block text-sm text-stone-700">
                        {[c.categoryName, `${t('detail.received').toLowerCase()} ${shortDate(c.receivedOn)}`, beheer(`common.statuses.${c.status}`)]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </div>
                    <UnlinkButton key={measure.version} measure={target} complaint={{ id: c.id, reference: c.reference }} />
                  </li>
                ))}
              </ul>
            )}
            <LinkComplaintForm key={measure.version} measure={target} />
          </Section>
          <Section title={t('detail.edit')} id="measure-edit">
            <p className="mb-4 text-stone-700">{t('detail.editIntro')}</p>
            <MeasureForm
              key={measure.version}
              measure={target}
              categories={categoryOptions.filter((c) => c.active || c.id === measure.categoryId)}
              values={{
                description: measure.description,
                reason: measure.reason ?? '',
                owner: measure.owner,
                dueOn: measure.dueOn ?? '',
                categoryId: measure.categoryId === null ? '' : String(measure.categoryId),
              }}
            />
          </Section>
        </div>
        <div className="space-y-6">
          <Section title={t('detail.status')} id="measure-status">
            <p className="mb-4 text-stone-700">
              <span className="font-semibold">{t('detail.statusNow', { status: t(`statuses.${measure.status}`) })}.</span> {t('detail.statusIntro')}
            </p>
            <StatusForm key={measure.version} measure={{ ...target, status: measure.status }} options={nextMeasureStatuses(measure.status)} today={today} />
          </Section>
          <Section title={t('detail.history')} id="measure-history">
            <p className="mb-4 text-sm text-stone-700">{t('detail.historyCaption')}</p>
            <HistoryTimeline rows={history.map((entry) => measureHistoryRow(beheer, entry, categories))} empty={t('detail.historyEmpty')} reasonLabel={t('history.reason')} />
          </Section>
        </div>
      </div>
    </div>
  );
}
