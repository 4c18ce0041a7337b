import { getLocale, getTranslations } from 'next-intl/server';
import type { ClientMeasure, TimelineEntry } from '@/lib/complaints/client-view';
import { formatDate } from '@/lib/format';
import { groundSentence } from '@/lib/mail/letters';
import type { Locale } from '@/lib/procedure/vocabulary';

/** Text the client or staff wrote, shown as text (React escapes it), with its line breaks. */
function Quote({ children }: { children: string }) {
  return <blockquote className="mt-1 whitespace-pre-line border-l-4 border-stone-300 pl-3 text-stone-800">{children}</blockquote>;
}

function Part({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <div className="mt-2">
      <p className="font-semibold">{title}</p>
      <Quote>{text}</Quote>
    </div>
  );
}

/** What happened, oldest first, in the client's words (lib/complaints/client-view.ts decides what is shown). */
export async function ClientTimeline({ entries, incidentLimitMonths }: { entries: readonly TimelineEntry[]; incidentLimitMonths: number }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('status');
  const date = (d: string) => formatDate(d, locale);

  function measure(m: ClientMeasure) {
    const state = m.done ? t('timeline.measureDone') : m.dueOn ? t('timeline.measureDue', { date: date(m.dueOn) }) : m.done === false ? t('timeline.measurePlanned') : null;
    return state ? `${m.description} (${state})` : m.description;
  }

  function body(e: TimelineEntry) {
    switch (e.kind) {
      case 'received':
        return <p>{t('timeline.received')}</p>;
      case 'acknowledged':
        return <p>{t('timeline.acknowledged', { medium: e.medium ?? 'other' })}</p>;
      case 'question':
        return (
          <>
            <p>{t('timeline.question')}</p>
            {e.question ? <Quote>{e.question}</Quote> : null}
            {e.answerBy ? <p className="mt-1">{t('timeline.questionAnswerBy', { date: date(e.answerBy) })}</p> : null}
          </>
        );
      case 'answered':
        return <p>{t('timeline.answered')}</p>;
      case 'hearingPlanned':
        return (
          <>
            <p>{t('timeline.hearingPlanned', { date: date(e.hearingOn ?? e.on), time: e.time ?? 'none' })}</p>
            {e.place ? <p className="mt-1">{t('timeline.place', { place: e.place })}</p> : null}
          </>
        );
      case 'hearingHeld':
        return <p>{t('timeline.hearingHeld')}</p>;
      case 'extended':
        return (
          <>
            <p>{e.newDue ? t('timeline.extended', { date: date(e.newDue) }) : t('timeline.extendedNoDate')}</p>
            <Part title={t('timeline.reason')} text={e.reason} />
          </>
        );
      case 'outcome':
        return (
          <>
            <p>{t('timeline.outcome')}</p>
            {e.outcome ? <p className="mt-1 font-semibold">{t(`outcomes.${e.outcome}`)}</p> : null}
            <Part title={t('timeline.findings')} text={e.findings} />
            <Part title={t('timeline.judgement')} text={e.judgement} />
            {e.measures.length > 0 ? (
              <div className="mt-2">
                <p className="font-semibold">{t('timeline.measures')}</p>
                <ul className="mt-1 list-disc pl-6">
                  {e.measures.map((m, i) => (
                    <li key={i}>{measure(m)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="mt-2">{t('timeline.noMeasures')}</p>
            )}
          </>
        );
      case 'escalated':
        return <p>{t('timeline.escalated', { party: e.party ?? t('someParty') })}</p>;
      case 'closedByParty':
        return <p>{t('timeline.closedByParty')}</p>;
      case 'notAdmissible':
        return (
          <>
            <p>{t('timeline.notAdmissible')}</p>
            {e.ground ? <p className="mt-1">{groundSentence(e.ground, incidentLimitMonths, locale)}</p> : null}
            <Part title={t('ourExplanation')} text={e.reason} />
          </>
        );
      case 'withdrawn':
        return (
          <>
            <p>{t('timeline.withdrawn')}</p>
            <Part title={t('timeline.withdrawnReason')} text={e.reason} />
          </>
        );
      case 'reopened':
        return <p>{t('timeline.reopened')}</p>;
      case 'satisfaction':
        return <p>{t('timeline.satisfaction', { satisfied: e.satisfied === null ? 'other' : e.satisfied ? 'yes' : 'no' })}</p>;
      case 'forwardRequested':
        return <p>{t('timeline.forwardRequested')}</p>;
    }
  }

  return (
    <ol className="relative border-l-2 border-brand-100 pl-6" data-testid="timeline">
      {entries.map((e, i) => (
        <li key={i} className="relative pb-6 last:pb-0" data-testid={`timeline-${e.kind}`}>
          <span aria-hidden="true" className="absolute -left-[33px] top-1.5 h-4 w-4 rounded-full border-2 border-white bg-brand-700" />
          <p className="text-sm font-semibold text-stone-600">{formatDate(e.on, locale, 'full')}</p>
          <div className="mt-1 break-words">{body(e)}</div>
        </li>
      ))}
    </ol>
  );
}
