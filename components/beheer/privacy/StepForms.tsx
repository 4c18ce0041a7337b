'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import {
  completePrivacyRequestAction,
  correctPrivacyContactsAction,
  erasePrivacyComplaintsAction,
  extendPrivacyRequestAction,
  refusePrivacyRequestAction,
} from '@/lib/privacy/actions';
import { MAX_EXTENSION_MONTHS } from '@/lib/privacy/requests';
import { completePrivacySchema, correctPrivacySchema, erasePrivacySchema, extendPrivacySchema, refusePrivacySchema } from '@/lib/privacy/schemas';

/** The steps on a privacy request, each a form that the server checks all over again. */

type Target = { requestId: number; version: number };

function useDone(target: Target, saved: string) {
  const router = useRouter();
  return () => {
    router.replace(`/beheer/privacy/${target.requestId}?opgeslagen=${saved}`, { scroll: false });
    router.refresh();
  };
}

export function ExtendForm({ target }: { target: Target }) {
  const t = useTranslations('beheer.privacy.detail');
  const onSuccess = useDone(target, 'verlengd');
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: extendPrivacySchema,
    action: (input) => extendPrivacyRequestAction({ ...input, ...target }),
    defaultValues: { ...target, months: 1, reason: '' },
    conflictKey: 'beheer.privacy.detail.conflict',
    onSuccess,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('extend')}>
      <FormAlert message={formError} />
      <Field label={t('months')} error={errorText(errors.months?.message)} required>
        {(a11y) => (
          <select {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('months', { setValueAs: (v: unknown) => Number(v) })}>
            {Array.from({ length: MAX_EXTENSION_MONTHS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {t('monthsOption', { count: n })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('reason')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
        {t('extendButton')}
      </SubmitButton>
    </form>
  );
}

export function RefuseForm({ target }: { target: Target }) {
  const t = useTranslations('beheer.privacy.detail');
  const onSuccess = useDone(target, 'afgewezen');
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: refusePrivacySchema,
    action: (input) => refusePrivacyRequestAction({ ...input, ...target }),
    defaultValues: { ...target, reason: '' },
    conflictKey: 'beheer.privacy.detail.conflict',
    onSuccess,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('refuse')}>
      <FormAlert message={formError} />
      <Field label={t('reason')} error={errorText(errors.reason?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
        {t('refuseButton')}
      </SubmitButton>
    </form>
  );
}

export function CompleteForm({ target }: { target: Target }) {
  const t = useTranslations('beheer.privacy.detail');
  const onSuccess = useDone(target, 'afgerond');
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: completePrivacySchema,
    action: (input) => completePrivacyRequestAction({ ...input, ...target }),
    defaultValues: { ...target, note: '' },
    conflictKey: 'beheer.privacy.detail.conflict',
    onSuccess,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('complete')}>
      <FormAlert message={formError} />
      <Field label={<>{t('note')} <span className="font-normal text-stone-600">{t('optional')}</span></>} error={errorText(errors.note?.message)}>
        {(a11y) => <textarea rows={2} {...a11y} {...form.register('note')} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
        {t('completeButton')}
      </SubmitButton>
    </form>
  );
}

export function EraseForm({ target }: { target: Target }) {
  const t = useTranslations('beheer.privacy.detail');
  const onSuccess = useDone(target, 'verwijderd');
  const [confirmed, setConfirmed] = useState(false);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: erasePrivacySchema,
    action: (input) => erasePrivacyComplaintsAction({ ...input, ...target }),
    defaultValues: { ...target, note: '' },
    conflictKey: 'beheer.privacy.detail.conflict',
    onSuccess,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('erase')}>
      <FormAlert message={formError} />
      <Field label={<>{t('eraseNote')} <span className="font-normal text-stone-600">{t('optional')}</span></>} error={errorText(errors.note?.message)}>
        {(a11y) => <textarea rows={2} {...a11y} {...form.register('note')} />}
      </Field>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-0.5 h-5 w-5 accent-brand-700" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <span>{t('eraseConfirm')}</span>
      </label>
      {confirmed ? (
        <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
          {t('eraseButton')}
        </SubmitButton>
      ) : (
        <button type="button" disabled aria-disabled className="btn-primary opacity-50">
          {t('eraseButton')}
        </button>
      )}
    </form>
  );
}

export type CorrectableComplaint = {
  id: number;
  reference: string;
  complainantName: string;
  complainantEmail: string | null;
  complainantPhone: string | null;
  addressStreet: string | null;
  addressPostcode: string | null;
  addressCity: string | null;
};

export function CorrectForm({ target, complaints }: { target: Target; complaints: CorrectableComplaint[] }) {
  const t = useTranslations('beheer.privacy.detail');
  const onSuccess = useDone(target, 'gecorrigeerd');
  const [selected, setSelected] = useState<number[]>(complaints.map((c) => c.id));
  const first = complaints[0];
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: correctPrivacySchema,
    action: (input) => correctPrivacyContactsAction({ ...input, ...target, complaintIds: selected }),
    defaultValues: {
      ...target,
      complaintIds: complaints.map((c) => c.id),
      name: first?.complainantName ?? '',
      email: first?.complainantEmail ?? '',
      phone: first?.complainantPhone ?? '',
      street: first?.addressStreet ?? '',
      postcode: first?.addressPostcode ?? '',
      city: first?.addressCity ?? '',
    },
    conflictKey: 'beheer.privacy.detail.conflict',
    onSuccess,
  });
  const { errors, isSubmitting } = form.formState;
  const optional = <span className="font-normal text-stone-600">{t('optional')}</span>;
  const toggle = (id: number) => {
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
    setSelected(next);
    form.setValue('complaintIds', next);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('correct')}>
      <FormAlert message={formError} />
      <fieldset>
        <legend className="field-label">{t('correctComplaints')}</legend>
        {errors.complaintIds?.message ? <span className="field-error">{errorText(errors.complaintIds.message)}</span> : null}
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {complaints.map((c) => (
            <label key={c.id} className="inline-flex items-center gap-2">
              <input type="checkbox" className="h-5 w-5 accent-brand-700" checked={selected.includes(c.id)} onChange={() => toggle(c.id)} />
              {c.reference}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('name')} error={errorText(errors.name?.message)} required>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('name')} />}
        </Field>
        <Field label={t('email')} error={errorText(errors.email?.message)}>
          {(a11y) => <input type="email" autoComplete="off" {...a11y} {...form.register('email')} />}
        </Field>
        <Field label={<>{t('phone')} {optional}</>} error={errorText(errors.phone?.message)}>
          {(a11y) => <input type="tel" autoComplete="off" {...a11y} {...form.register('phone')} />}
        </Field>
        <Field label={<>{t('street')} {optional}</>} error={errorText(errors.street?.message)}>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('street')} />}
        </Field>
        <Field label={<>{t('postcode')} {optional}</>} error={errorText(errors.postcode?.message)}>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('postcode')} />}
        </Field>
        <Field label={<>{t('city')} {optional}</>} error={errorText(errors.city?.message)}>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('city')} />}
        </Field>
      </div>
      <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
        {t('saveCorrection')}
      </SubmitButton>
    </form>
  );
}
