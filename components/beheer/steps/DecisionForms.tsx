'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Field } from '@/components/beheer/form/Field';
import { declareNotAdmissibleAction, extendAction, reopenAction } from '@/lib/complaints/steps/actions';
import { declareNotAdmissibleSchema, extendSchema, reopenSchema } from '@/lib/complaints/steps/schemas';
import { formatDate, formatMonths } from '@/lib/format';
import { NOT_ADMISSIBLE_GROUNDS } from '@/lib/procedure/vocabulary';
import { StepForm, useStepForm } from './StepForm';
import type { StepFormProps } from './types';

const longDate = (date: string) => formatDate(date, 'nl');
const fullDate = (date: string) => formatDate(date, 'nl', 'full');

/**
 * Not admissible: the ground (the one-year rule pre-selected when it applies, and only offered then) and the written
 * reason that goes into the notice to the client.
 */
export function NotAdmissibleForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.declareNotAdmissible');
  const { suggestedGround, oneYear, noticeDue, noticeLate, client } = props.data;
  const limit = formatMonths(oneYear.limitMonths, 'nl');
  const { form, frame, errors, errorText } = useStepForm(props, declareNotAdmissibleSchema, declareNotAdmissibleAction, {
    ground: suggestedGround ?? '',
    reason: '',
  });
  const errorId = useId();
  const incident = oneYear.ongoing
    ? t('oneYear.ongoing', { limit })
    : oneYear.olderThanLimit
      ? t('oneYear.older', { date: longDate(oneYear.incidentDate!), limit, earliest: longDate(oneYear.earliestHandled) })
      : t('oneYear.within', { date: longDate(oneYear.incidentDate!), limit });
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          <p data-testid="one-year-facts">{incident}</p>
          <p>{client.email ? t('email', { email: client.email }) : t('post')}</p>
          {noticeLate ? (
            <p className="font-semibold text-amber-900">{t('late', { date: fullDate(noticeDue) })}</p>
          ) : (
            <p>{t('due', { date: fullDate(noticeDue) })}</p>
          )}
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <fieldset aria-describedby={errors.ground ? errorId : undefined}>
        <legend className="field-label">
          {t('ground')}
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        </legend>
        <div className="mt-2 space-y-2">
          {NOT_ADMISSIBLE_GROUNDS.map((ground) => {
            const unavailable = ground === 'incident_older_than_limit' && !oneYear.olderThanLimit;
            return (
              <label key={ground} className={`flex items-start gap-2 ${unavailable ? 'text-stone-500' : ''}`}>
                <input type="radio" value={ground} disabled={unavailable} className="mt-1 h-5 w-5 shrink-0" {...form.register('ground')} />
                <span>
                  {t(`grounds.${ground}`, { limit })}
                  {unavailable ? <span className="block text-sm">{t('groundUnavailable', { limit })}</span> : null}
                </span>
              </label>
            );
          })}
        </div>
        {errors.ground ? (
          <span id={errorId} className="field-error">
            {errorText(errors.ground.message)}
          </span>
        ) : null}
      </fieldset>
      <Field label={t('reason')} hint={t('reasonHint')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={4} {...a11y} {...form.register('reason')} />}
      </Field>
    </StepForm>
  );
}

/**
 * Extend the resolution term: the date now in force, how far it can go without the client's consent, and the consent
 * itself (date and how) when it goes further or it is not the first extension.
 */
export function ExtendForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.extend');
  const { resolutionDue, latestWithoutConsent, today } = props.data;
  const { form, frame, errors, errorText } = useStepForm(props, extendSchema, extendAction, {
    newDue: '',
    reason: '',
    consent: false,
    consentOn: '',
    consentHow: '',
  });
  const consent = form.watch('consent');
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          <p data-testid="extend-current">{t('current', { date: fullDate(resolutionDue) })}</p>
          <p data-testid="extend-limit">
            {latestWithoutConsent
              ? t('limit', { date: fullDate(latestWithoutConsent) })
              : t('limitConsent')}
          </p>
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <Field label={t('newDue')} error={errorText(errors.newDue?.message)} required>
        {(a11y) => <input type="date" min={today} {...a11y} {...form.register('newDue')} />}
      </Field>
      <Field label={t('reason')} hint={t('reasonHint')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
      <div className="space-y-4">
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1 h-5 w-5 shrink-0 accent-brand-700" {...form.register('consent')} />
          <span>
            <span className="font-semibold">{t('consent')}</span>
            <span className="block text-sm text-stone-700">{t('consentHint')}</span>
          </span>
        </label>
        {consent ? (
          <div className="space-y-4 border-l-4 border-brand-200 pl-4">
            <Field label={t('consentOn')} error={errorText(errors.consentOn?.message)} required>
              {(a11y) => <input type="date" max={today} {...a11y} {...form.register('consentOn')} />}
            </Field>
            <Field label={t('consentHow')} hint={t('consentHowHint')} error={errorText(errors.consentHow?.message)} required>
              {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('consentHow')} />}
            </Field>
          </div>
        ) : null}
      </div>
    </StepForm>
  );
}

/** A manager takes a resolved complaint up again, with a reason the client gets to read. */
export function ReopenForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.reopen');
  const { form, frame, errors, errorText } = useStepForm(props, reopenSchema, reopenAction, { reason: '' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <Field label={t('reason')} hint={t('reasonHint')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
    </StepForm>
  );
}
