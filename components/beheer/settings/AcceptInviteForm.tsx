'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { PASSWORD_MIN } from '@/lib/auth/schemas';
import { acceptInviteAction } from '@/lib/settings/actions';
import { acceptInviteSchema } from '@/lib/settings/schemas';

/** The invited user chooses a password, is signed in and lands on their start page. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('beheer.settings.invite');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: acceptInviteSchema,
    action: acceptInviteAction,
    defaultValues: { token, password: '', confirm: '' },
    onSuccess: (data: { signedIn: boolean }) => {
      router.push(data.signedIn ? '/beheer' : '/beheer/inloggen');
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      <FormAlert message={formError} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t('password')} hint={t('passwordHint', { min: PASSWORD_MIN })} error={errorText(errors.password?.message)} required>
        {(a11y) => <input type="password" autoComplete="new-password" {...a11y} {...form.register('password')} />}
      </Field>
      <Field label={t('confirm')} error={errorText(errors.confirm?.message)} required>
        {(a11y) => <input type="password" autoComplete="new-password" {...a11y} {...form.register('confirm')} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
