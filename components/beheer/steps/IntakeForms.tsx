'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/beheer/form/Field';
import { acknowledgeAction, withdrawAction } from '@/lib/complaints/steps/actions';
import { acknowledgeSchema, withdrawSchema } from '@/lib/complaints/steps/schemas';
import { StepForm, useStepForm } from './StepForm';
import type { StepFormProps } from './types';

export function AcknowledgeForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.acknowledge');
  const { client, acknowledgementLate } = props.data;
  const { frame } = useStepForm(props, acknowledgeSchema, acknowledgeAction);
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          <p>{client.email ? t('email', { email: client.email }) : t('post')}</p>
          {acknowledgementLate ? <p className="font-semibold text-amber-900">{t('late')}</p> : null}
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    />
  );
}

export function WithdrawForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.withdraw');
  const { form, frame, errors, errorText } = useStepForm(props, withdrawSchema, withdrawAction, { withdrawnOn: props.data.today, reason: '' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <Field label={t('withdrawnOn')} error={errorText(errors.withdrawnOn?.message)} required>
        {(a11y) => <input type="date" max={props.data.today} {...a11y} {...form.register('withdrawnOn')} />}
      </Field>
      <Field label={t('reason')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
    </StepForm>
  );
}
