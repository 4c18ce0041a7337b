'use client';

import { useTranslations } from 'next-intl';
import { type FormEventHandler, type ReactNode, useEffect, useId } from 'react';
import type { DefaultValues, FieldValues, Path, PathValue } from 'react-hook-form';
import type * as z from 'zod/mini';
import { FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import type { ActionResult } from '@/lib/actions/pipeline';
import type { StepResult } from '@/lib/complaints/steps/define';
import type { StepFormProps } from './types';

/**
 * A step's form on the file page: react-hook-form with the step's own schema (the server checks it again), sent with the
 * complaint and the version the user sees, so a change by someone else meanwhile is refused instead of overwritten.
 */
export function useStepForm<S extends z.ZodMiniType<FieldValues, FieldValues>>(
  props: StepFormProps,
  schema: S,
  action: (input: unknown) => Promise<ActionResult<StepResult>>,
  defaults: Record<string, unknown> = {},
) {
  const serverForm = useServerForm({
    schema,
    action: (values) => action(values),
    defaultValues: { complaintId: props.data.complaintId, version: props.data.version, ...defaults } as DefaultValues<z.input<S>>,
    onSuccess: (result) => props.onDone(result),
  });
  // A newer version (the page reloaded after a step) replaces the one the form was opened with; what was typed stays.
  const { setValue } = serverForm.form;
  useEffect(() => {
    setValue('version' as Path<z.input<S>>, props.data.version as PathValue<z.input<S>, Path<z.input<S>>>);
  }, [setValue, props.data.version]);
  const { errors, isSubmitting } = serverForm.form.formState;
  /** What `StepForm` needs from the form: `<StepForm {...frame} title=… submitLabel=…>`. */
  const frame = { onSubmit: serverForm.onSubmit, onCancel: props.onCancel, formError: serverForm.formError, pending: isSubmitting };
  return { ...serverForm, errors, frame };
}

export function StepForm({
  title,
  intro,
  children,
  onSubmit,
  onCancel,
  formError,
  pending,
  submitLabel,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  formError: string | null;
  pending: boolean;
  submitLabel: string;
}) {
  const t = useTranslations('beheer.steps');
  const id = useId();
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={id} className="space-y-5 rounded-md border border-brand-200 bg-brand-50/40 p-4" data-testid="step-form">
      <div>
        <h3 id={id} className="text-lg font-bold">
          {title}
        </h3>
        {intro ? <div className="mt-1 space-y-2 text-stone-700">{intro}</div> : null}
      </div>
      <FormAlert message={formError} />
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText={t('saving')}>
          {submitLabel}
        </SubmitButton>
        <button type="button" onClick={onCancel} className="rounded-md px-4 py-3 font-semibold text-brand-800 underline-offset-4 hover:underline">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** A label with "(niet verplicht)" after it. */
export function Optional({ children }: { children: ReactNode }) {
  const t = useTranslations('beheer.steps');
  return (
    <>
      {children} <span className="font-normal text-stone-600">{t('optional')}</span>
    </>
  );
}
