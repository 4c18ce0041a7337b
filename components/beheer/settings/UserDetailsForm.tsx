'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { updateUserDetailsAction } from '@/lib/settings/actions';
import { userDetailsSchema } from '@/lib/settings/schemas';
import { statusNote } from './styles';

type Saved = null | 'name' | 'email';

/** Corrects a user's name and e-mail address. A new address signs the user out (also the admin themself, `self`). */
export function UserDetailsForm({ userId, name, email, self }: { userId: number; name: string; email: string; self: boolean }) {
  const t = useTranslations('beheer.settings.users');
  const tc = useTranslations('beheer.settings.common');
  const router = useRouter();
  const [saved, setSaved] = useState<Saved>(null);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: userDetailsSchema,
    action: (values) => updateUserDetailsAction({ ...values, userId }),
    defaultValues: { name, email },
    onSuccess: (data: { changed: boolean; signedOut: boolean }, values) => {
      setSaved(data.changed ? (data.signedOut ? 'email' : 'name') : null);
      form.reset(values);
      // After a new address of their own the admin's session has ended: the refresh takes them to the sign-in page.
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" onChange={() => setSaved(null)}>
      <FormAlert message={formError} />
      <Field label={t('name')} hint={t('detail.nameHint')} error={errorText(errors.name?.message)} required>
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('name')} />}
      </Field>
      <Field label={t('email')} hint={self ? t('detail.emailHintSelf') : t('detail.emailHint')} error={errorText(errors.email?.message)} required>
        {(a11y) => <input type="email" autoComplete="off" {...a11y} {...form.register('email')} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingText={tc('saving')}>
          {tc('save')}
        </SubmitButton>
        <p role="status" className={saved ? statusNote : 'sr-only'}>
          {saved === 'email' ? t('detail.detailsSavedEmail') : saved === 'name' ? t('detail.detailsSaved') : ''}
        </p>
      </div>
    </form>
  );
}
