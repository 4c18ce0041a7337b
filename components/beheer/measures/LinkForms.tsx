'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { CONFLICT_TIME, errorText, useServerForm } from '@/components/beheer/form/useServerForm';
import { buttonSmall } from '@/components/beheer/settings/styles';
import { linkComplaintAction, unlinkComplaintAction } from '@/lib/measures/actions';
import { linkComplaintSchema } from '@/lib/measures/schemas';

type Target = { id: number; version: number };

/** Link a complaint to the measure by its reference. */
export function LinkComplaintForm({ measure }: { measure: Target }) {
  const t = useTranslations('beheer.measures.detail');
  const router = useRouter();
  const { form, onSubmit, formError, errorText: text } = useServerForm({
    schema: linkComplaintSchema,
    action: (input) => linkComplaintAction(input),
    defaultValues: { measureId: measure.id, version: measure.version, reference: '' },
    conflictKey: 'beheer.measures.detail.conflict',
    onSuccess: () => {
      router.replace(`/beheer/maatregelen/${measure.id}?opgeslagen=gekoppeld`, { scroll: false });
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('link')}>
      <FormAlert message={formError} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-[14rem] flex-1 sm:max-w-xs">
          <Field label={t('linkReference')} hint={t('linkHint')} error={text(errors.reference?.message)} required>
            {(a11y) => <input type="text" autoComplete="off" spellCheck={false} {...a11y} {...form.register('reference')} />}
          </Field>
        </div>
        <div className="pb-0.5">
          <SubmitButton pending={isSubmitting}>{t('link')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** Unlink one complaint; a refusal is shown next to the button, in words. */
export function UnlinkButton({ measure, complaint }: { measure: Target; complaint: { id: number; reference: string } }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  async function run() {
    setPending(true);
    setError(null);
    try {
      const result = await unlinkComplaintAction({ measureId: measure.id, version: measure.version, complaintId: complaint.id });
      if (result.ok) {
        router.replace(`/beheer/maatregelen/${measure.id}?opgeslagen=ontkoppeld`, { scroll: false });
        router.refresh();
        return;
      }
      if (result.error === 'conflict' && result.conflict) {
        setError(t('beheer.measures.detail.conflict', { by: result.conflict.by, at: CONFLICT_TIME.format(new Date(result.conflict.at)) }));
      } else if (result.error === 'forbidden') setError(t('beheer.common.forbidden'));
      else if (result.error === 'unavailable') setError(t('beheer.common.unavailable'));
      else setError(errorText(t, Object.values(result.fieldErrors)[0]?.[0] ?? 'invalid'));
    } catch {
      setError(t('beheer.common.unavailable'));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="inline-flex flex-col items-start gap-1">
      <button type="button" onClick={run} disabled={pending} className={buttonSmall} aria-describedby={error ? errorId : undefined}>
        {t('beheer.measures.detail.unlink')}
        <span className="sr-only"> {complaint.reference}</span>
      </button>
      {error ? (
        <span id={errorId} role="alert" className="text-sm font-semibold text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}

