import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge, type Tone } from '@/components/beheer/file/Badge';
import { FactList, Section } from '@/components/beheer/file/FactList';
import { CompleteForm, CorrectForm, EraseForm, ExtendForm, RefuseForm } from '@/components/beheer/privacy/StepForms';
import { requireActor } from '@/lib/auth/page';
import { can } from '@/lib/auth/policy';
import { formatDateTime, type Item } from '@/lib/complaints/file';
import { formatDate } from '@/lib/format';
import { loadPrivacyRequest, parsePrivacyRequestId } from '@/lib/privacy/load';
import { allowedSteps, currentDueOn, erasureBlockers, isOverdue, type PrivacyStatus } from '@/lib/privacy/requests';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Privacyverzoek' };

const STATUS_TONE: Record<PrivacyStatus, Tone> = { open: 'info', extended: 'warn', completed: 'good', refused: 'muted' };
const SAVED = ['nieuw', 'verlengd', 'afgewezen', 'afgerond', 'gecorrigeerd', 'verwijderd'] as const;
const DATE_KEYS = new Set(['receivedOn', 'dueOn', 'previousDue', 'newDue']);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ opgeslagen?: string }> };

/** One privacy request: its facts, its complaints, the steps allowed now, and its append-only event list. */
export default async function PrivacyRequestPage({ params, searchParams }: Props) {
  const actor = await requireActor('privacy.manage');
  const id = parsePrivacyRequestId((await params).id);
  const data = id === null ? null : await loadPrivacyRequest(id);
  if (!data) notFound();
  const { request, complaints, events } = data;
  const [t, common] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.privacy' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.common' }),
  ]);
  const today = amsterdamDate(new Date());
  const saved = (await searchParams).opgeslagen;
  const notice = saved && (SAVED as readonly string[]).includes(saved) ? t(`detail.saved.${saved as (typeof SAVED)[number]}`) : null;
  const steps = allowedSteps(request.status, request.kind);
  const target = { requestId: request.id, version: request.version };
  const late = isOverdue(request, today);
  const blockers = erasureBlockers(complaints);

  const facts: Item[] = [
    { label: t('fields.kind'), value: t(`kinds.${request.kind}`) },
    { label: t('fields.requesterName'), value: request.requesterName },
    { label: t('fields.requesterEmail'), value: request.requesterEmail },
    { label: t('fields.receivedOn'), value: formatDate(request.receivedOn, 'nl') },
    { label: t('fields.receivedVia'), value: t(`media.${request.receivedVia}`) },
    { label: t('fields.requestText'), value: request.requestText, multiline: true },
    { label: t('detail.dueOn'), value: formatDate(currentDueOn(request), 'nl') },
    ...(request.extendedTo
      ? [
          { label: t('detail.originalDue'), value: formatDate(request.dueOn, 'nl') },
          { label: t('detail.extensionReason'), value: request.extensionReason ?? '', multiline: true },
        ]
      : []),
    ...(request.outcomeReason ? [{ label: t('detail.outcomeReason'), value: request.outcomeReason, multiline: true }] : []),
    ...(request.exportedAt ? [{ label: t('detail.exportedAt'), value: formatDateTime(request.exportedAt) }] : []),
    { label: t('detail.registeredBy'), value: `${request.registeredByName ?? '—'}, ${formatDateTime(request.createdAt)}` },
  ];

  const detailValue = (key: string, value: unknown): string => {
    if (key === 'kind' && typeof value === 'string') return t(`kinds.${value as 'access'}`);
    if (DATE_KEYS.has(key) && typeof value === 'string') return formatDate(value, 'nl');
    if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '—';
    return String(value);
  };

  return (
    <div className="space-y-6">
      <p>
        <Link href="/beheer/privacy" className="text-sm font-semibold text-brand-800 underline-offset-4 hover:underline">
          ← {t('back')}
        </Link>
      </p>
      {notice ? (
        <div role="status" className="rounded-md border border-brand-300 bg-brand-50 px-4 py-3 font-semibold text-brand-900">
          {notice}
        </div>
      ) : null}
      {request.anonymisedAt ? (
        <p role="note" className="rounded-md border border-stone-300 bg-stone-100 px-4 py-3 text-stone-800" data-testid="privacy-anonymised">
          {t('detail.anonymisedNotice', { date: formatDateTime(request.anonymisedAt) })}
        </p>
      ) : null}
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">
          {t('detail.title')} · {t(`kinds.${request.kind}`)}
        </p>
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{request.requesterName}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={STATUS_TONE[request.status]}>{t(`statuses.${request.status}`)}</Badge>
          {late ? <Badge tone="bad">{t('overdue')}</Badge> : null}
          <span className="text-stone-700">
            {t('detail.dueOn')} {formatDate(currentDueOn(request), 'nl')}
          </span>
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Section title={t('detail.details')} id="privacy-details">
            <FactList items={facts} />
          </Section>
          <Section title={t('detail.complaints')} id="privacy-complaints">
            {complaints.length === 0 ? (
              <p className="italic text-stone-600">{t('detail.noComplaints')}</p>
            ) : (
              <ul className="divide-y divide-stone-200 rounded-md border border-stone-200" data-testid="privacy-complaints">
                {complaints.map((c) => (
                  <li key={c.id} className="px-3 py-2.5">
                    {/* An admin handles privacy requests but does not open complaint files (least privilege). */}
                    {can(actor.role, 'complaints.read') ? (
                      <Link href={`/beheer/klachten/${c.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                        {c.reference}
                      </Link>
                    ) : (
                      <span className="font-semibold">{c.reference}</span>
                    )}
                    <span className="block text-sm text-stone-700">
                      {[c.complainantName, c.complainantEmail, formatDate(c.receivedOn, 'nl'), common(`statuses.${c.status}`)].filter(Boolean).join(' · ')}
                      {blockers.includes(c.reference) ? ` · ${t('detail.stillOpen')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {steps.includes('export') ? (
            <Section title={t('detail.export')} id="privacy-export">
              <p className="mb-4 text-stone-700">{t('detail.exportIntro')}</p>
              <p className="flex flex-wrap gap-3">
                <a href={`/beheer/privacy/${request.id}/export/pdf`} className="btn-primary" download>
                  {t('detail.downloadPdf')}
                </a>
                <a href={`/beheer/privacy/${request.id}/export/json`} className="rounded border border-stone-300 px-4 py-2 font-semibold text-stone-800 hover:bg-stone-100" download>
                  {t('detail.downloadJson')}
                </a>
              </p>
            </Section>
          ) : null}
          {steps.includes('correct') && complaints.length > 0 ? (
            <Section title={t('detail.correct')} id="privacy-correct">
              <p className="mb-4 text-stone-700">{t('detail.correctIntro')}</p>
              <CorrectForm key={request.version} target={target} complaints={complaints} />
            </Section>
          ) : null}
          {steps.includes('erase') ? (
            <Section title={t('detail.erase')} id="privacy-erase">
              <p className="mb-4 text-stone-700">{t('detail.eraseIntro')}</p>
              {blockers.length > 0 ? (
                <p className="rounded-md border-2 border-amber-600 bg-amber-50 px-4 py-3 font-semibold text-amber-900">
                  {t('detail.eraseBlocked', { references: blockers.join(', ') })}
                </p>
              ) : (
                <EraseForm key={request.version} target={target} />
              )}
            </Section>
          ) : null}
        </div>
        <div className="space-y-6">
          {steps.length === 0 ? (
            <Section title={t('detail.complete')} id="privacy-closed">
              <p className="text-stone-700">{t('detail.closed')}</p>
            </Section>
          ) : null}
          {steps.includes('complete') && (request.kind === 'access' || request.kind === 'correction') ? (
            <Section title={t('detail.complete')} id="privacy-complete">
              <p className="mb-4 text-stone-700">{t(`detail.completeIntro.${request.kind}`)}</p>
              <CompleteForm key={request.version} target={target} />
            </Section>
          ) : null}
          {steps.includes('extend') ? (
            <Section title={t('detail.extend')} id="privacy-extend">
              <p className="mb-4 text-stone-700">{t('detail.extendIntro')}</p>
              <ExtendForm key={request.version} target={target} />
            </Section>
          ) : null}
          {steps.includes('refuse') ? (
            <Section title={t('detail.refuse')} id="privacy-refuse">
              <p className="mb-4 text-stone-700">{t('detail.refuseIntro')}</p>
              <RefuseForm key={request.version} target={target} />
            </Section>
          ) : null}
          <Section title={t('detail.events')} id="privacy-events">
            <ol className="space-y-4" data-testid="privacy-events">
              {events.map((e) => (
                <li key={e.id} className="border-l-4 border-stone-200 pl-3">
                  <p className="font-semibold">{t.has(`events.${e.action}`) ? t(`events.${e.action as 'registered'}`) : e.action}</p>
                  <p className="text-sm text-stone-700">
                    {formatDateTime(e.at)} · {e.actorName ?? (e.action === 'anonymised' ? t('detail.system') : '—')}
                  </p>
                  <dl className="mt-1 text-sm">
                    {Object.entries(e.details)
                      .filter(([key]) => key !== 'outboxId')
                      .map(([key, value]) => (
                        <div key={key} className="flex gap-2">
                          <dt className="text-stone-600">{t.has(`eventDetails.${key}`) ? t(`eventDetails.${key as 'kind'}`) : key}:</dt>
                          <dd className="min-w-0 [overflow-wrap:anywhere]">{detailValue(key, value)}</dd>
                        </div>
                      ))}
                  </dl>
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </div>
    </div>
  );
}
