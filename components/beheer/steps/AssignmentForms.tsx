'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/beheer/form/Field';
import { addInvolvedAction, assignAction, recuseAction, removeInvolvedAction } from '@/lib/complaints/steps/actions';
import { addInvolvedSchema, assignSchema, recuseSchema, removeInvolvedSchema } from '@/lib/complaints/steps/schemas';
import { Optional, StepForm, useStepForm } from './StepForm';
import type { StepFormProps } from './types';

/** A manager picks the handler; involved people are shown but cannot be chosen (the server refuses them too). */
export function AssignForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.assign');
  const { handlers, handlerName } = props.data;
  const suggestion = handlers.find((h) => !h.involved && h.name !== handlerName);
  const { form, frame, errors, errorText } = useStepForm(props, assignSchema, assignAction, { handlerId: suggestion ? String(suggestion.id) : '' });
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          {suggestion ? <p data-testid="assign-suggestion">{t('suggestion', { name: suggestion.name, count: suggestion.openComplaints })}</p> : null}
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <Field label={t('handler')} error={errorText(errors.handlerId?.message)} required>
        {(a11y) => (
          <select {...a11y} {...form.register('handlerId')}>
            <option value="">{t('choose')}</option>
            {handlers.map((h) => (
              <option key={h.id} value={String(h.id)}>
                {h.involved ? t('optionInvolved', { name: h.name }) : t('option', { name: h.name, count: h.openComplaints })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </StepForm>
  );
}

export function RecuseForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.recuse');
  const { form, frame, errors, errorText } = useStepForm(props, recuseSchema, recuseAction, { reason: '' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <Field label={t('reason')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
    </StepForm>
  );
}

export function AddInvolvedForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.addInvolved');
  const { form, frame, errors, errorText } = useStepForm(props, addInvolvedSchema, addInvolvedAction, { staffId: '', name: '', involvement: 'subject' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <Field label={t('staff')} error={errorText(errors.staffId?.message)}>
        {(a11y) => (
          <select {...a11y} {...form.register('staffId')}>
            <option value="">{t('chooseStaff')}</option>
            {props.data.staff.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={<Optional>{t('orName')}</Optional>} hint={t('nameHint')} error={errorText(errors.name?.message)}>
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('name')} />}
      </Field>
      <fieldset>
        <legend className="field-label">{t('involvement')}</legend>
        <div className="mt-2 space-y-2">
          {(['subject', 'other'] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" value={value} className="h-5 w-5" {...form.register('involvement')} />
              {t(value)}
            </label>
          ))}
        </div>
      </fieldset>
    </StepForm>
  );
}

export function RemoveInvolvedForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.removeInvolved');
  const tRole = useTranslations('beheer.steps.addInvolved');
  const { form, frame, errors, errorText } = useStepForm(props, removeInvolvedSchema, removeInvolvedAction, { involvedId: '', reason: '' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <Field label={t('person')} error={errorText(errors.involvedId?.message)} required>
        {(a11y) => (
          <select {...a11y} {...form.register('involvedId')}>
            <option value="">{t('choose')}</option>
            {props.data.involved.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name} ({tRole(p.involvement).toLowerCase()})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('reason')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
    </StepForm>
  );
}
