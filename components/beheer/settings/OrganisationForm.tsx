'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { saveOrganisationAction } from '@/lib/settings/actions';
import { type OrganisationInput, organisationSchema } from '@/lib/settings/schemas';
import { statusNote } from './styles';

export function OrganisationForm({ values }: { values: OrganisationInput }) {
  const t = useTranslations('beheer.settings');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: organisationSchema,
    action: saveOrganisationAction,
    defaultValues: values,
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5" onChange={() => setSaved(false)}>
      <FormAlert message={formError} />
      <Field label={t('organisation.name')} hint={t('organisation.nameHint')} error={errorText(errors.name?.message)} required>
        {(a11y) => <input type="text" autoComplete="organization" {...a11y} {...form.register('name')} />}
      </Field>
      <div className="grid gap-5 md:grid-cols-2">
        <Field label={t('organisation.phone')} hint={t('organisation.phoneHint')} error={errorText(errors.phone?.message)} required>
          {(a11y) => <input type="tel" autoComplete="tel" {...a11y} {...form.register('phone')} />}
        </Field>
        <Field label={t('organisation.email')} hint={t('organisation.emailHint')} error={errorText(errors.email?.message)} required>
          {(a11y) => <input type="email" autoComplete="email" {...a11y} {...form.register('email')} />}
        </Field>
      </div>
      <Field label={t('organisation.postalAddress')} hint={t('organisation.postalAddressHint')} error={errorText(errors.postalAddress?.message)} required>
        {(a11y) => <input type="text" {...a11y} {...form.register('postalAddress')} />}
      </Field>
      <Field
        label={
          <>
            {t('organisation.website')} <span className="font-normal text-stone-600">{t('common.optional')}</span>
          </>
        }
        hint={t('organisation.websiteHint')}
        error={errorText(errors.website?.message)}
      >
        {(a11y) => <input type="url" autoComplete="url" {...a11y} {...form.register('website')} />}
      </Field>
      <Field label={t('organisation.signature')} hint={t('organisation.signatureHint')} error={errorText(errors.signature?.message)} required>
        {(a11y) => <textarea rows={3} {...a11y} {...form.register('signature')} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
          {t('organisation.submit')}
        </SubmitButton>
        <p role="status" className={saved ? statusNote : 'sr-only'}>
          {saved ? t('common.saved') : ''}
        </p>
      </div>
    </form>
  );
}
