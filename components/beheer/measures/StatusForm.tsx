'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { changeMeasureStatusAction } from '@/lib/measures/actions';
import { changeMeasureStatusSchema } from '@/lib/measures/schemas';
import type { MeasureStatus } from '@/lib/procedure/vocabulary';

/**
 * The status change: only the statuses allowed from here (lib/measures/rules.ts); the day it was done for "done", a
 * reason for "dropped" and for reopening. The server checks all of it again.
 */
export function StatusForm({
  measure,
  options,
  today,
}: {
  measure: { id: number; version: number; status: MeasureStatus };
  options: MeasureStatus[];
  today: string;
}) {
  const t = useTranslations('beheer.measures');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: changeMeasureStatusSchema,
    action: (input) => changeMeasureStatusAction(input),
    defaultValues: { measureId: measure.id, version: measure.version, status: options[0], doneOn: today, reason: '' },
    conflictKey: 'beheer.measures.detail.conflict',
    onSuccess: () => {
      router.replace(`/beheer/maatregelen/${measure.id}?opgeslagen=status`, { scroll: false });
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const status = form.watch('status');
  const reopening = measure.status === 'done' || measure.status === 'dropped';
  const reasonRequired = status === 'dropped' || reopening;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={t('detail.status')}>
      <FormAlert message={formError} />
      <fieldset>
        <legend className="field-label">{t('detail.newStatus')}</legend>
        {errors.status?.message ? <span className="field-error">{errorText(errors.status.message)}</span> : null}
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {options.map((s) => (
            <label key={s} className="inline-flex items-center gap-2">
              <input type="radio" value={s} className="h-5 w-5 accent-brand-700" {...form.register('status')} />
              {t(`statuses.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {status === 'done' ? (
        <Field label={t('detail.doneOn')} error={errorText(errors.doneOn?.message)} required>
          {(a11y) => <input type="date" max={today} {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('doneOn')} />}
        </Field>
      ) : null}
      <Field
        label={
          <>
            {t('detail.reason')} {reasonRequired ? null : <span className="font-normal text-stone-600">{t('fields.optional')}</span>}
          </>
        }
        hint={t('detail.reasonHint')}
        error={errorText(errors.reason?.message)}
        required={reasonRequired}
      >
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('detail.saving')}>
        {t('detail.saveStatus')}
      </SubmitButton>
    </form>
  );
}
