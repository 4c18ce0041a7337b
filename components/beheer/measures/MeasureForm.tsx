'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { createMeasureAction, updateMeasureAction } from '@/lib/measures/actions';
import { createMeasureSchema, type MeasureFormInput } from '@/lib/measures/schemas';

export type CategoryOption = { id: number; name: string; active: boolean };

/** A new measure (no `measure`), or what / why / owner / due date / category of an existing one. */
export function MeasureForm({
  measure,
  values,
  categories,
}: {
  measure?: { id: number; version: number };
  values?: MeasureFormInput;
  categories: CategoryOption[];
}) {
  const t = useTranslations('beheer.measures');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: createMeasureSchema,
    action: (input) => (measure ? updateMeasureAction({ ...input, measureId: measure.id, version: measure.version }) : createMeasureAction(input)),
    defaultValues: values ?? { description: '', reason: '', owner: '', dueOn: '', categoryId: '' },
    conflictKey: 'beheer.measures.detail.conflict',
    onSuccess: (data) => {
      router.replace(`/beheer/maatregelen/${data.id}?opgeslagen=${measure ? 'gegevens' : 'nieuw'}`, { scroll: !measure });
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const optional = <span className="font-normal text-stone-600">{t('fields.optional')}</span>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={measure ? t('detail.edit') : t('newTitle')}>
      <FormAlert message={formError} />
      <Field label={t('fields.description')} hint={t('fields.descriptionHint')} error={errorText(errors.description?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('description')} />}
      </Field>
      <Field label={<>{t('fields.reason')} {optional}</>} hint={t('fields.reasonHint')} error={errorText(errors.reason?.message)}>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('reason')} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('fields.owner')} hint={t('fields.ownerHint')} error={errorText(errors.owner?.message)} required>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('owner')} />}
        </Field>
        <Field label={<>{t('fields.dueOn')} {optional}</>} hint={t('fields.dueOnHint')} error={errorText(errors.dueOn?.message)}>
          {(a11y) => <input type="date" {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('dueOn')} />}
        </Field>
      </div>
      <Field label={<>{t('fields.categoryId')} {optional}</>} hint={t('fields.categoryHint')} error={errorText(errors.categoryId?.message)}>
        {(a11y) => (
          <select {...a11y} className={`${a11y.className} sm:max-w-md`} {...form.register('categoryId')}>
            <option value="">{t('fields.noCategory')}</option>
            {categories.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.active ? c.name : t('fields.inactive', { name: c.name })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('detail.saving')}>
        {measure ? t('detail.save') : t('create')}
      </SubmitButton>
    </form>
  );
}
