'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { createCategoryAction, renameCategoryAction } from '@/lib/settings/actions';
import { categoryNamesSchema, createCategorySchema } from '@/lib/settings/schemas';
import { statusNote } from './styles';

/** The category's Dutch and English name, as both forms ask for them. */
function NameFields({ register, errors }: { register: (name: 'nameNl' | 'nameEn') => UseFormRegisterReturn; errors: { nameNl?: string; nameEn?: string } }) {
  const t = useTranslations('beheer.settings');
  return (
    <>
      <Field label={t('categories.nameNl')} hint={t('categories.nameNlHint')} error={errors.nameNl} required>
        {(a11y) => <input type="text" {...a11y} {...register('nameNl')} />}
      </Field>
      <Field label={t('categories.nameEn')} hint={t('categories.nameEnHint')} error={errors.nameEn} required>
        {(a11y) => <input type="text" lang="en" {...a11y} {...register('nameEn')} />}
      </Field>
    </>
  );
}

/** Adds a category at the end of the list; the code is derived from the Dutch name unless one is typed. */
export function CreateCategoryForm() {
  const t = useTranslations('beheer.settings');
  const router = useRouter();
  const [added, setAdded] = useState<string | null>(null);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: createCategorySchema,
    action: createCategoryAction,
    defaultValues: { nameNl: '', nameEn: '', code: '' },
    onSuccess: (data: { code: string }, values) => {
      setAdded(t('categories.added', { name: values.nameNl, code: data.code }));
      form.reset();
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" onChange={() => setAdded(null)}>
      <FormAlert message={formError} />
      <div className="grid gap-5 md:grid-cols-2">
        <NameFields register={form.register} errors={{ nameNl: errorText(errors.nameNl?.message), nameEn: errorText(errors.nameEn?.message) }} />
      </div>
      <Field
        label={
          <>
            {t('categories.code')} <span className="font-normal text-stone-600">{t('common.optional')}</span>
          </>
        }
        hint={t('categories.codeHint')}
        error={errorText(errors.code?.message)}
      >
        {(a11y) => <input type="text" spellCheck={false} autoCapitalize="none" {...a11y} className={`${a11y.className} font-mono md:max-w-sm`} {...form.register('code')} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
          {t('common.add')}
        </SubmitButton>
        <p role="status" className={added ? statusNote : 'sr-only'}>
          {added ?? ''}
        </p>
      </div>
    </form>
  );
}

export function RenameCategoryForm({ id, nameNl, nameEn }: { id: number; nameNl: string; nameEn: string }) {
  const t = useTranslations('beheer.settings');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: categoryNamesSchema,
    action: (values) => renameCategoryAction({ ...values, id }),
    defaultValues: { nameNl, nameEn },
    onSuccess: () => {
      router.push('/beheer/instellingen/categorieen?opgeslagen=1');
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5">
      <FormAlert message={formError} />
      <NameFields register={form.register} errors={{ nameNl: errorText(errors.nameNl?.message), nameEn: errorText(errors.nameEn?.message) }} />
      <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
        {t('common.save')}
      </SubmitButton>
    </form>
  );
}
