import { RateLimited } from '@/components/RateLimited';
import { requestAddress } from '@/lib/server/client-address';
import { consumeLimit } from '@/lib/server/rate-limit';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/SiteHeader';
import { AnswerForm, type AnswerFormTexts } from '@/components/status/AnswerForm';
import { ClientDates } from '@/components/status/ClientDates';
import { Judgement } from '@/components/status/Judgement';
import { ClientTimeline } from '@/components/status/ClientTimeline';
import { clientStatusByToken } from '@/lib/complaints/public';
import { formatDate } from '@/lib/format';
import { groundSentence, partyRoute } from '@/lib/mail/letters';
import type { Locale } from '@/lib/procedure/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The client's own complaint through the secret link: status in plain words, the dates in force, the decision with the
 * route onward, and what happened. What is shown is decided by lib/complaints/client-view.ts.
 */
export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; token: string }>;
  searchParams: Promise<{ reactie?: string | string[] }>;
}) {
  const { locale, token } = await params;
  const { reactie } = await searchParams;
  setRequestLocale(locale);
  // Abuse limit per client address and globally (lib/server/rate-limit.ts); a database fault is left to the lookup below.
  const limit = await consumeLimit('statusPage', await requestAddress()).catch(() => ({ ok: true }) as const);
  if (!limit.ok) return <RateLimited path={`/status/${token}`} minutes={limit.retryAfterMinutes} />;
  const complaint = await clientStatusByToken(token);
  if (!complaint) notFound();
  const t = await getTranslations('status');
  const answerT = await getTranslations('answer');
  const all = await getTranslations();
  const answerTexts: AnswerFormTexts = {
    ...(all.raw('answer') as Omit<AnswerFormTexts, 'count'>),
    count: { count: all.raw('form.charCount'), over: all.raw('form.charOver'), near: all.raw('form.charNear'), overAnnounce: all.raw('form.charOverAnnounce') },
  };
  const { view } = complaint;
  const party = view.forwardedTo ?? t('someParty');
  return (
    <>
      <SiteHeader path={`/status/${token}`} />
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold text-brand-900">{t('title', { reference: complaint.reference })}</h1>
        <section className="card mt-6" aria-labelledby="current-title">
          <h2 id="current-title" className="text-stone-700">
            {t('current')}
          </h2>
          <p className="mt-1 text-2xl font-bold" data-testid="status">
            {t(`statuses.${view.status}`)}
          </p>
          <p className="mt-2 text-lg" data-testid="status-explanation">
            {t(`explain.${view.status}`, { party })}
          </p>

          {view.openQuestion ? (
            <div className="mt-4 rounded-md border-2 border-amber-500 bg-amber-50 p-4" data-testid="open-question">
              <h3 className="font-bold">{t('questionTitle')}</h3>
              {view.openQuestion.question ? <p className="mt-1 whitespace-pre-line break-words">{view.openQuestion.question}</p> : null}
              {view.openQuestion.answerBy ? <p className="mt-2">{t('answerBy', { date: formatDate(view.openQuestion.answerBy, locale) })}</p> : null}
              <p className="mt-2">{complaint.openQuestionId !== null ? answerT('how') : t('answerHow')}</p>
            </div>
          ) : null}

          {view.answerReceived ? (
            <div className="mt-4 rounded-md border-2 border-green-700 bg-green-50 p-4" role="status" data-testid="answer-received">
              <h3 className="font-bold">{answerT('receivedTitle')}</h3>
              <p className="mt-1">{answerT('receivedBody', { date: formatDate(view.answerReceived.on, locale) })}</p>
            </div>
          ) : null}

          {view.outcome ? (
            <div className="mt-4" data-testid="outcome">
              <h3 className="font-bold">{t('outcomeTitle')}</h3>
              <p className="mt-1">{t(`outcomes.${view.outcome}`)}</p>
            </div>
          ) : null}

          {view.notAdmissible ? (
            <div className="mt-4" data-testid="not-admissible">
              <h3 className="font-bold">{t('notAdmissibleTitle')}</h3>
              {view.notAdmissible.ground ? <p className="mt-1">{groundSentence(view.notAdmissible.ground, complaint.incidentLimitMonths, locale)}</p> : null}
              {view.notAdmissible.reason ? <p className="mt-1 whitespace-pre-line break-words">{view.notAdmissible.reason}</p> : null}
            </div>
          ) : null}

          {view.routeOnward ? (
            <div className="mt-4 rounded-md bg-brand-50 p-4" data-testid="route-onward">
              <h3 className="font-bold">{t('routeTitle')}</h3>
              <p className="mt-1">
                {t(view.status === 'resolved' ? 'routeResolved' : 'routeNotAdmissible', { route: partyRoute(view.routeOnward.party, locale) })}
              </p>
            </div>
          ) : null}
        </section>

        {view.openQuestion && complaint.openQuestionId !== null ? (
          <section className="card mt-6" aria-labelledby="answer-title" data-testid="answer-section">
            <h2 id="answer-title" className="text-xl font-bold">
              {answerT('title')}
            </h2>
            <p className="mt-1">{answerT('intro')}</p>
            <AnswerForm locale={locale} token={token} questionId={complaint.openQuestionId} texts={answerTexts} />
          </section>
        ) : null}
        <Judgement
          token={token}
          view={view}
          options={complaint.satisfaction}
          party={complaint.party}
          reaction={typeof reactie === 'string' ? reactie.slice(0, 40) : null}
        />

        <section className="card mt-6" aria-labelledby="dates-title">
          <h2 id="dates-title" className="text-xl font-bold">
            {t('datesTitle')}
          </h2>
          <ClientDates dates={view.dates} />
        </section>

        {view.timeline.length > 0 ? (
          <section className="card mt-6" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="mb-4 text-xl font-bold">
              {t('timelineTitle')}
            </h2>
            <ClientTimeline entries={view.timeline} incidentLimitMonths={complaint.incidentLimitMonths} />
          </section>
        ) : null}
      </main>
    </>
  );
}
