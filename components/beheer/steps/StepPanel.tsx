'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorText } from '@/components/beheer/form/useServerForm';
import type { StepResult } from '@/lib/complaints/steps/define';
import type { StepPanelData } from '@/lib/complaints/steps/panel';
import type { Step } from '@/lib/procedure/workflow';
import { STEP_FORMS } from './forms';

/** Steps for exceptions, shown after the everyday ones and less prominently. */
const EXCEPTIONS: readonly Step[] = ['recuse', 'addInvolved', 'removeInvolved', 'declareNotAdmissible', 'withdraw', 'reopen'];

/**
 * "Wat kunt u nu doen?": the steps the transition table allows this user now, each opening its form; the steps that
 * must wait, with the reason; and a notice when the complaint is blocked by a conflict of interest.
 */
export function StepPanel({ data: loaded }: { data: StepPanelData }) {
  const t = useTranslations('beheer.steps');
  const tAll = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState<Step | null>(null);
  const [done, setDone] = useState<{ step: Step; warnings: string[] } | null>(null);
  // The version our own last step produced: a form opened before the page has reloaded must not conflict with it.
  const [ownVersion, setOwnVersion] = useState(0);
  const data = ownVersion > loaded.version ? { ...loaded, version: ownVersion } : loaded;

  const options = data.options.filter((option) => STEP_FORMS[option.step]);
  const possible = options.filter((option) => !option.refusal);
  const waiting = options.filter((option) => option.refusal);
  const Form = open ? STEP_FORMS[open] : undefined;
  // Not handling a complaint is the everyday step when the one-year rule applies.
  const quiet = (step: Step) => EXCEPTIONS.includes(step) && !(step === 'declareNotAdmissible' && data.suggestedGround);
  const label = (step: Step) =>
    step === 'assign' && data.handlerName
      ? t('assign.buttonReassign')
      : step === 'planHearing' && data.hearing.state === 'planned'
        ? t('planHearing.buttonMove')
        : t(`${step}.button`);

  const onDone = (step: Step) => (result: StepResult) => {
    setOpen(null);
    setOwnVersion(result.version);
    setDone({ step, warnings: result.warnings });
    router.refresh();
  };

  return (
    <section aria-labelledby="steps-title" className="card" data-testid="steps">
      <h2 id="steps-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>

      {data.blocked ? (
        <div className="mt-4 rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="blocked">
          <p className="font-semibold">{t('blocked.title')}</p>
          <p className="mt-1">{t('blocked.body', { name: data.handlerName ?? '' })}</p>
        </div>
      ) : null}

      {done ? (
        <div role="status" className="mt-4 rounded-md border border-brand-300 bg-brand-50 px-4 py-3 text-brand-900" data-testid="step-done">
          <p className="font-semibold">{t('done', { step: t(`${done.step}.done`) })}</p>
          {done.warnings.map((warning) => (
            <p key={warning} className="mt-1 font-semibold text-amber-900">
              {t(`warnings.${warning}`)}
            </p>
          ))}
        </div>
      ) : null}

      <div className="mt-4">
        {Form && open ? (
          <Form key={open} data={data} onDone={onDone(open)} onCancel={() => setOpen(null)} />
        ) : possible.length === 0 ? (
          <p className="text-stone-700">{t('none')}</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {[...possible.filter((o) => !quiet(o.step)), ...possible.filter((o) => quiet(o.step))].map(({ step }) => (
              <button
                key={step}
                type="button"
                onClick={() => {
                  setDone(null);
                  setOpen(step);
                }}
                className={
                  quiet(step)
                    ? 'rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50'
                    : 'rounded-md bg-brand-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-800'
                }
              >
                {label(step)}
              </button>
            ))}
          </div>
        )}
      </div>

      {waiting.length > 0 && !open ? (
        <div className="mt-5 border-t border-stone-200 pt-4" data-testid="steps-waiting">
          <h3 className="text-sm font-semibold text-stone-700">{t('waiting')}</h3>
          <ul className="mt-2 space-y-1 text-sm text-stone-700">
            {waiting.map(({ step, refusal }) => (
              <li key={step}>
                <span className="font-semibold">{label(step)}</span>: {errorText(tAll, refusal!)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
