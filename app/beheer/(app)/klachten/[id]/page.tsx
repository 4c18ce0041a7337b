import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/beheer/file/Badge';
import { ClockTable } from '@/components/beheer/file/ClockTable';
import { FactList, Section } from '@/components/beheer/file/FactList';
import { HistoryTimeline } from '@/components/beheer/file/HistoryTimeline';
import { OutboxList } from '@/components/beheer/file/OutboxList';
import { OutcomeSummary } from '@/components/beheer/file/OutcomeSummary';
import { QuestionList } from '@/components/beheer/file/QuestionList';
import { StepPanel } from '@/components/beheer/steps/StepPanel';
import { requireActor } from '@/lib/auth/page';
import { complaintFileView, formatDateTime, parseComplaintId, type Translate } from '@/lib/complaints/file';
import { loadComplaintFile } from '@/lib/complaints/file-data';
import { loadStepPanel } from '@/lib/complaints/steps/panel';
import { amsterdamDate } from '@/lib/procedure/dates';
import { InboundMailView } from '@/components/beheer/mail/InboundMailView';
import { loadFileMail } from '@/lib/mail/file-mail';
import { AccessLogSection } from '@/components/beheer/file/AccessLogSection';
import { accessLogFor, logAccessQuietly } from '@/lib/privacy/access-log';
import { formatDate } from '@/lib/format';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ geregistreerd?: string }> };

export const metadata: Metadata = { title: 'Klachtdossier' };

/** The complaint file: all data, the people involved, the three clocks, hearing and copy, the questions to the client, the history and the outbox. */
export default async function ComplaintFilePage({ params, searchParams }: Props) {
  const actor = await requireActor('complaints.read');
  const { id: rawId } = await params;
  const id = parseComplaintId(rawId);
  const data = id === null ? null : await loadComplaintFile(actor, id);
  if (!data) notFound();
  const today = amsterdamDate(new Date());
  // What the page reads besides the file, side by side (issue 13: one round trip each, not one after the other). The
  // access log (issue 12) is recorded before it is read, so a manager sees their own visit too.
  const [panel, fileMail, accessLog] = await Promise.all([
    loadStepPanel(actor, data.record, today),
    loadFileMail(data.record.id),
    logAccessQuietly(actor, data.record.id, 'file').then(() => accessLogFor(actor, data.record.id)),
  ]);

  const t = (await getTranslations({ locale: 'nl', namespace: 'beheer' })) as unknown as Translate;
  const view = complaintFileView(data, { today, t });
  // Only until the first step: the notice says no acknowledgement has gone out yet.
  const justRegistered = (await searchParams).geregistreerd === '1' && data.record.registeredById === actor.id && data.history.filter((h) => h.action !== 'mail_received').length === 1;
  // A complaint closed without handling never got to copy and hearing.
  const closedUnheard = (data.record.status === 'not_admissible' || data.record.status === 'withdrawn') && !data.record.copySentOn && !data.record.hearingState;
  const acknowledgement = view.clocks.find((clock) => clock.clock === 'acknowledgement')!;
  const mailT = await getTranslations({ locale: 'nl', namespace: 'beheer.mailIn' });
  const anonymised = data.record.anonymisedAt;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/beheer" className="text-sm font-semibold text-brand-800 underline-offset-4 hover:underline">
          ← {t('file.back')}
        </Link>
      </p>

      {justRegistered ? (
        <div role="status" className="rounded-md border border-brand-300 bg-brand-50 px-4 py-3 text-brand-900">
          <p className="font-semibold">{t('file.registered.title')}</p>
          <p className="mt-1">{t('file.registered.body', { reference: view.reference, ackDue: acknowledgement.dueText })}</p>
        </div>
      ) : null}

      {anonymised ? (
        <div role="status" className="rounded-md border-2 border-stone-400 bg-stone-100 px-4 py-3 text-stone-900" data-testid="anonymised-notice">
          <p className="font-semibold">{t('file.anonymised.badge')}</p>
          <p className="mt-1">
            {t('file.anonymised.notice', {
              date: formatDate(amsterdamDate(anonymised), 'nl'),
              reason: t(`file.anonymised.reasons.${data.record.anonymisedReason ?? 'retention'}`),
            })}
          </p>
        </div>
      ) : null}

      {fileMail.bounce ? (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="bounce-notice">
          <p className="font-semibold">{mailT('file.bounceTitle')}</p>
          <p className="mt-1">
            {mailT('file.bounceBody', { subject: fileMail.bounce.subject, date: fileMail.bounce.at ? formatDateTime(fileMail.bounce.at) : '' })}{' '}
            <Link href="/beheer/post" className="font-semibold underline underline-offset-4">
              {mailT('file.postRoom')}
            </Link>
          </p>
        </div>
      ) : null}

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
            {t('file.title', { reference: view.reference })}
            <Badge tone="info">
              <span data-testid="status">{view.statusLabel}</span>
            </Badge>
          </h1>
          <p className="mt-1 text-stone-700">{view.subtitle}</p>
          <p className="mt-2">
            {/* A download, not a page: a plain link (no client-side navigation). */}
            <a href={`/beheer/klachten/${data.record.id}/dossier`} className="text-sm font-semibold text-brand-800 underline underline-offset-4" data-testid="dossier-pdf">
              {t('file.dossierPdf')}
            </a>
          </p>
        </div>
        <section aria-labelledby="next" className="w-full rounded-lg border border-brand-200 bg-white px-4 py-3 shadow-sm sm:w-auto sm:max-w-md" data-testid="file-actions">
          <h2 id="next" className="text-sm font-semibold text-stone-700">
            {t('file.next.title')}
          </h2>
          {view.next ? (
            <p className="mt-1 font-semibold">
              {view.next.text}{' '}
              <Badge tone={view.next.state === 'overdue' ? 'bad' : view.next.state === 'due_soon' ? 'warn' : 'good'}>
                {t(`common.deadlineStates.${view.next.state}`)}
              </Badge>
            </p>
          ) : (
            <p className="mt-1">{t('file.next.none')}</p>
          )}
        </section>
      </header>

      {data.record.clientSatisfied !== null ? (
        <section
          aria-labelledby="client-judgement"
          data-testid="client-judgement"
          className={
            data.record.clientSatisfied
              ? 'rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-green-950'
              : 'rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950'
          }
        >
          <h2 id="client-judgement" className="font-bold">
            {t('file.judgement.title')}
          </h2>
          <p className="mt-1">
            {t(data.record.clientSatisfied ? 'file.judgement.satisfied' : 'file.judgement.notSatisfied', {
              at: formatDateTime(data.record.satisfactionAt!),
            })}
          </p>
          {data.record.forwardRequestedAt ? (
            <>
              <p className="mt-1 font-semibold" data-testid="forward-request">
                {t('file.judgement.forwardRequested', { at: formatDateTime(data.record.forwardRequestedAt) })}
              </p>
              {data.record.status === 'resolved' ? (
                <p className="mt-1">
                  {t(data.record.outcome === 'resolved_to_satisfaction' ? 'file.judgement.forwardHintSatisfaction' : 'file.judgement.forwardHint')}
                </p>
              ) : null}
            </>
          ) : !data.record.clientSatisfied && data.record.status === 'resolved' ? (
            <p className="mt-1">{t('file.judgement.notSatisfiedHint')}</p>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {anonymised ? null : <StepPanel data={panel} />}

          {view.outcome ? (
            <Section title={t('file.sections.outcome')} id="outcome">
              <OutcomeSummary
                view={view.outcome}
                labels={{
                  measures: t('file.outcome.measures'),
                  noMeasures: t('file.outcome.noMeasures'),
                  owner: t('file.outcome.owner'),
                  due: t('file.outcome.due'),
                  noDue: t('file.outcome.noDue'),
                }}
              />
            </Section>
          ) : null}

          <Section title={t('file.sections.clocks')} id="clocks">
            {view.oneYear ? (
              <div className="mb-4 rounded-md border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950" data-testid="one-year-flag">
                <p className="font-semibold">{view.oneYear.title}</p>
                <p className="mt-1">{view.oneYear.body}</p>
              </div>
            ) : null}
            <ClockTable
              rows={view.clocks}
              caption={t('file.clocks.caption')}
              headers={{ clock: t('file.clocks.clock'), due: t('file.clocks.due'), state: t('file.clocks.state') }}
            />
            <p className="mt-3 text-sm text-stone-600">{view.termsNote}</p>
          </Section>

          <Section title={t('file.sections.content')} id="content">
            <FactList items={view.content} stacked />
          </Section>

          {view.questions.length > 0 ? (
            <Section title={t('file.sections.questions')} id="questions">
              <QuestionList rows={view.questions} labels={{ question: t('file.procedure.question'), answer: t('file.procedure.answer'), attachments: t('file.procedure.attachments'), download: t('file.procedure.download') }} />
            </Section>
          ) : null}

          {fileMail.mails.length > 0 ? (
            <Section title={mailT('file.title')} id="client-mail">
              <p className="mb-4 text-sm text-stone-600">{mailT('file.caption')}</p>
              <div className="space-y-6 divide-y divide-stone-200 [&>*+*]:pt-6">
                {fileMail.mails.map((mail) => (
                  <InboundMailView key={mail.id} mail={mail} />
                ))}
              </div>
            </Section>
          ) : null}

          <Section title={t('file.sections.history')} id="history">
            <p className="mb-4 text-sm text-stone-600">{t('file.history.caption')}</p>
            <HistoryTimeline rows={view.history} empty={t('file.history.empty')} reasonLabel={t('file.history.reason')} />
          </Section>

          <Section title={t('file.sections.outbox')} id="outbox">
            <p className="mb-4 text-sm text-stone-600">{t('file.outbox.caption')}</p>
            <OutboxList
              rows={view.outbox}
              labels={{ empty: t('file.outbox.empty'), to: t('file.outbox.to'), subject: t('file.outbox.subject'), body: t('file.outbox.body') }}
              pdfLink={(row) => (
                <a
                  href={`/beheer/post/brief/${row.id}`}
                  download
                  className="rounded border border-stone-400 bg-white px-2.5 py-0.5 text-sm font-semibold text-brand-800 hover:bg-stone-100"
                  aria-label={t('file.outbox.pdfLabel', { subject: row.subject })}
                >
                  {t('file.outbox.pdf')}
                </a>
              )}
            />
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <Section title={t('file.sections.complaint')} id="facts">
            <FactList items={view.complaint} />
          </Section>

          <Section title={t('file.sections.complainant')} id="complainant">
            <FactList items={view.complainant} />
          </Section>

          <Section title={t('file.sections.party')} id="party">
            <FactList items={view.party} />
          </Section>

          <Section title={t('file.sections.involved')} id="involved">
            {view.involved.length === 0 ? (
              <p className="text-stone-600">{t('file.involved.empty')}</p>
            ) : (
              <ul className="space-y-3" data-testid="involved">
                {view.involved.map((person, i) => (
                  <li key={`${person.name}-${i}`}>
                    <span className="font-semibold">{person.name}</span>
                    <span className="block text-sm text-stone-700">
                      {person.role}
                      {person.note ? ` · ${person.note}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          {accessLog ? (
            <AccessLogSection
              entries={accessLog}
              labels={{
                title: t('file.access.title'),
                caption: t('file.access.caption'),
                empty: t('file.access.empty'),
                who: t('file.access.who'),
                when: t('file.access.when'),
                what: t('file.access.what'),
                kinds: {
                  file: t('file.access.kinds.file'),
                  dossier: t('file.access.kinds.dossier'),
                  attachment: t('file.access.kinds.attachment'),
                  letter: t('file.access.kinds.letter'),
                },
              }}
            />
          ) : null}

          {closedUnheard ? null : (
            <Section title={t('file.sections.procedure')} id="procedure">
              <FactList items={view.hearingAndCopy} />
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
