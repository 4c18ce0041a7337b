'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/lib/auth/actions';
import { changePasswordSchema, PASSWORD_MIN } from '@/lib/auth/schemas';
import { Field, FormAlert, SubmitButton } from './form/Field';
import { useServerForm } from './form/useServerForm';

export function ChangePasswordForm() {
  const t = useTranslations('beheer.auth.password');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { current: '', password: '', confirm: '' },
    onSuccess: () => {
      router.push('/beheer/account?gewijzigd=1');
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5">
      <FormAlert message={formError} />
      <Field label={t('current')} error={errorText(errors.current?.message)} required>
        {(a11y) => <input type="password" autoComplete="current-password" {...a11y} {...form.register('current')} />}
      </Field>
      <Field label={t('new')} hint={t('newHint', { min: PASSWORD_MIN })} error={errorText(errors.password?.message)} required>
        {(a11y) => <input type="password" autoComplete="new-password" {...a11y} {...form.register('password')} />}
      </Field>
      <Field label={t('confirm')} error={errorText(errors.confirm?.message)} required>
        {(a11y) => <input type="password" autoComplete="new-password" {...a11y} {...form.register('confirm')} />}
      </Field>
      <SubmitButton pending={isSubmitting}>{t('submit')}</SubmitButton>
    </form>
  );
}
