'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { ROLES } from '@/lib/procedure/vocabulary';
import { createUserAction } from '@/lib/settings/actions';
import { createUserSchema } from '@/lib/settings/schemas';
import type { IssuedCredentials } from '@/lib/settings/users';
import { CredentialsPanel } from './CredentialsPanel';
import { RadioGroup } from './RadioGroup';
import { buttonSecondary, textLink } from './styles';

export function CreateUserForm() {
  const t = useTranslations('beheer.settings.users');
  const tc = useTranslations('beheer.common');
  const router = useRouter();
  const [issued, setIssued] = useState<IssuedCredentials | null>(null);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: createUserSchema,
    action: createUserAction,
    defaultValues: { name: '', email: '', role: 'handler', method: 'invite' },
    onSuccess: (data) => {
      setIssued(data);
      form.reset();
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;

  if (issued) {
    return (
      <div className="space-y-4">
        <CredentialsPanel credentials={issued} title={t('credentials.createdTitle', { name: issued.name })} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" className={buttonSecondary} onClick={() => setIssued(null)}>
            {t('create.another')}
          </button>
          <Link href="/beheer/instellingen/gebruikers" className={textLink}>
            {t('create.toList')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5">
      <FormAlert message={formError} />
      <Field label={t('name')} hint={t('create.nameHint')} error={errorText(errors.name?.message)} required>
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('name')} />}
      </Field>
      <Field label={t('email')} hint={t('create.emailHint')} error={errorText(errors.email?.message)} required>
        {(a11y) => <input type="email" autoComplete="off" {...a11y} {...form.register('email')} />}
      </Field>
      <Field label={t('role')} hint={t('create.roleHint')} error={errorText(errors.role?.message)} required>
        {(a11y) => (
          <select {...a11y} {...form.register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tc(`roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RadioGroup
        legend={t('create.method')}
        error={errorText(errors.method?.message)}
        options={[
          { value: 'invite', label: t('create.methodInvite'), hint: t('create.methodInviteHint') },
          { value: 'password', label: t('create.methodPassword'), hint: t('create.methodPasswordHint') },
        ]}
        register={form.register('method')}
      />
      <SubmitButton pending={isSubmitting} pendingText={t('create.submit') + '…'}>
        {t('create.submit')}
      </SubmitButton>
    </form>
  );
}
