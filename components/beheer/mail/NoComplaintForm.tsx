'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { markMailNoComplaintAction } from '@/lib/mail/inbound-actions';
import { NO_COMPLAINT_REASON_MAX, noComplaintSchema } from '@/lib/mail/inbound-schemas';

/** "Geen klacht": a draft mail is closed with a reason (required). */
export function NoComplaintForm({ mailId }: { mailId: number }) {
  const t = useTranslations('beheer.mailIn');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: noComplaintSchema,
    action: (input) => markMailNoComplaintAction(input),
    defaultValues: { mailId: String(mailId), reason: '' },
    onSuccess: () => router.refresh(),
  });
  const { errors, isSubmitting } = form.formState;
  const reasonError = errors.reason?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="no-complaint-form">
      <FormAlert message={formError} />
      <Field
        label={t('draft.reason')}
        error={reasonError === 'required' || reasonError === 'tooLong' ? t(`errors.${reasonError}`) : errorText(reasonError)}
        required
      >
        {(a11y) => <textarea rows={3} maxLength={NO_COMPLAINT_REASON_MAX} {...a11y} {...form.register('reason')} />}
      </Field>
      <SubmitButton pending={isSubmitting}>{t('draft.save')}</SubmitButton>
    </form>
  );
}
