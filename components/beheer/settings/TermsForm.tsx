'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { PRESET_IDS, PRESETS, type PresetId, type ProcedureTerms } from '@/lib/procedure/terms';
import { saveProcedureTermsAction } from '@/lib/settings/actions';
import { TERM_BOUNDS, TERM_KEYS, termsSchema } from '@/lib/settings/schemas';
import { RadioGroup } from './RadioGroup';
import { buttonSecondary, statusNote } from './styles';

/**
 * Choose a preset (its numbers fill the fields) and, if the procedure needs it, adjust single numbers within bounds.
 * Saving makes a new version; complaints already received keep theirs.
 */
export function TermsForm({ preset, terms }: { preset: PresetId; terms: ProcedureTerms }) {
  const t = useTranslations('beheer.settings');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: termsSchema,
    action: saveProcedureTermsAction,
    defaultValues: { preset, ...terms },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const chosen = (form.watch('preset') ?? preset) as PresetId;
  const fillFrom = (id: PresetId) => {
    for (const key of TERM_KEYS) form.setValue(key, PRESETS[id][key], { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };
  const presetField = form.register('preset', { onChange: (event) => fillFrom(event.target.value as PresetId) });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" onChange={() => setSaved(false)}>
      <FormAlert message={formError} />
      <RadioGroup
        legend={t('terms.preset')}
        hint={t('terms.presetHint')}
        error={errorText(errors.preset?.message)}
        options={PRESET_IDS.map((id) => ({ value: id, label: t(`terms.presets.${id}`), hint: t(`terms.presetDescriptions.${id}`) }))}
        register={presetField}
      />
      <fieldset className="space-y-4">
        <legend className="field-label">{t('terms.valuesTitle')}</legend>
        <p className="field-hint !mt-0">{t('terms.valuesHint')}</p>
        <div className="grid gap-5 md:grid-cols-2">
          {TERM_KEYS.map((key) => {
            const bounds = TERM_BOUNDS[key];
            const unit = t(`terms.unitWords.${bounds.unit}`);
            return (
              <Field
                key={key}
                label={t(`terms.labels.${key}`)}
                hint={t('terms.bounds', { min: bounds.min, max: bounds.max, unit, preset: t(`terms.units.${bounds.unit}`, { value: PRESETS[chosen]?.[key] ?? 0 }) })}
                error={errorText(errors[key]?.message)}
                required
              >
                {(a11y) => (
                  <div className="flex items-center gap-2">
                    <input
                      type="number"
                      inputMode="numeric"
                      min={bounds.min}
                      max={bounds.max}
                      step={1}
                      {...a11y}
                      className={`${a11y.className} max-w-[8rem]`}
                      {...form.register(key, { valueAsNumber: true })}
                    />
                    <span aria-hidden="true" className="mt-2 text-stone-700">
                      {unit}
                    </span>
                  </div>
                )}
              </Field>
            );
          })}
        </div>
        <button type="button" className={buttonSecondary} onClick={() => fillFrom(chosen)}>
          {t('terms.resetValues')}
        </button>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
          {t('terms.submit')}
        </SubmitButton>
        <p role="status" className={saved ? statusNote : 'sr-only'}>
          {saved ? `${t('common.saved')} ${t('terms.savedNote')}` : ''}
        </p>
      </div>
    </form>
  );
}
