import { getLocale, getTranslations } from 'next-intl/server';
import type { ClientParty, ClientView } from '@/lib/complaints/client-view';
import { judgeOutcomeAction, requestForwardAction } from '@/lib/complaints/client-actions';
import { formatDate } from '@/lib/format';
import { partyRoute } from '@/lib/mail/letters';
import type { SatisfactionOptions } from '@/lib/procedure/satisfaction';
import type { Locale } from '@/lib/procedure/vocabulary';

const REFUSALS = [
  'noOutcomeToJudge',
  'reactionTermPassed',
  'satisfactionUnchanged',
  'forwardAlreadyRequested',
  'notDissatisfied',
  'resolvedToSatisfaction',
  'unavailable',
] as const;

const secondary =
  'inline-flex items-center justify-center rounded-md border-2 border-brand-700 bg-white px-5 py-3 text-base font-semibold text-brand-800 shadow-sm hover:bg-brand-50';

/**
 * After the outcome: "Ik ben tevreden" / "Ik ben niet tevreden", and when not, the route to the contracting party with
 * "Vraag ons uw klacht door te sturen". Plain forms (no JavaScript needed); what is offered is decided by
 * lib/procedure/satisfaction.ts, and checked again by the server action.
 */
export async function Judgement({
  token,
  view,
  options,
  party,
  reaction,
}: {
  token: string;
  view: ClientView;
  options: SatisfactionOptions;
  party: ClientParty;
  /** `?reactie=` after a button: ok, or why it was refused. */
  reaction: string | null;
}) {
  // After the escalation (or the party's answer) only a judgement that was given is shown.
  if (!view.judgement || (view.status !== 'resolved' && view.judgement.satisfied === null)) return null;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('judgement');
  const all = await getTranslations();
  const limitedFor = reaction?.match(/^rateLimited-(\d{1,3})$/)?.[1];
  const { satisfied, forwardRequested } = view.judgement;
  const route = partyRoute(party, locale);
  const message =
    reaction === 'ok' ? (
      <p role="status" className="mt-3 rounded-md bg-green-50 p-3 font-semibold text-green-900" data-testid="judgement-saved">
        {t('saved')}
      </p>
    ) : reaction ? (
      <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 font-semibold text-red-800" data-testid="judgement-error">
        {limitedFor
          ? all('errors.rateLimited', { minutes: Number(limitedFor) })
          : t(`errors.${(REFUSALS as readonly string[]).includes(reaction) ? reaction : 'other'}`)}
      </p>
    ) : null;
  // The judgement buttons look alike (no nudge either way); the forward request is the one primary action.
  const button = (value: boolean, label: string) => (
    <form action={judgeOutcomeAction} key={String(value)}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="satisfied" value={value ? 'yes' : 'no'} />
      <button type="submit" className={secondary}>
        {label}
      </button>
    </form>
  );
  const buttons = options.judge.map((value) => button(value, t(value ? 'satisfied' : 'notSatisfied')));

  return (
    <section id="oordeel" className="card mt-6 scroll-mt-4" aria-labelledby="judgement-title" data-testid="judgement">
      <h2 id="judgement-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      {message}
      {satisfied === null && options.until ? <p className="mt-2">{t('intro', { date: formatDate(options.until, locale) })}</p> : null}
      {satisfied === true ? <p className="mt-2" data-testid="judgement-given">{t('givenSatisfied')}</p> : null}
      {satisfied === false ? <p className="mt-2" data-testid="judgement-given">{t('givenNotSatisfied')}</p> : null}

      {satisfied === false && view.status === 'resolved' ? (
        <div className="mt-4 rounded-md bg-brand-50 p-4" data-testid="judgement-route">
          <h3 className="font-bold">{t('routeTitle')}</h3>
          {forwardRequested ? (
            <p className="mt-1" data-testid="forward-requested">
              {t('forwardRequested', { party: party?.name ?? route })}
            </p>
          ) : view.outcome === 'resolved_to_satisfaction' ? (
            <p className="mt-1">{t('routeSatisfactionOutcome')}</p>
          ) : (
            <p className="mt-1">{t('route', { route })}</p>
          )}
          {options.askForward ? (
            <form action={requestForwardAction} className="mt-3">
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="btn-primary" aria-describedby="forward-hint">
                {t('forward')}
              </button>
              <p id="forward-hint" className="field-hint">
                {t('forwardHint')}
              </p>
            </form>
          ) : null}
        </div>
      ) : null}

      {satisfied !== null && options.judge.length > 0 ? (
        <p className="mt-4">{t(satisfied ? 'changeToNotSatisfied' : 'changeToSatisfied')}</p>
      ) : null}
      {buttons.length > 0 ? <div className="mt-3 flex flex-wrap gap-3">{buttons}</div> : null}
      {view.status === 'resolved' && !options.until ? <p className="mt-2">{t('termPassed', { route })}</p> : null}
    </section>
  );
}
