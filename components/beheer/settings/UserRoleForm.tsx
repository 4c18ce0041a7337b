'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { type Role, ROLES } from '@/lib/procedure/vocabulary';
import { changeUserRoleAction } from '@/lib/settings/actions';
import { roleSchema } from '@/lib/settings/schemas';
import { statusNote } from './styles';

export function UserRoleForm({ userId, role }: { userId: number; role: Role }) {
  const t = useTranslations('beheer.settings');
  const tc = useTranslations('beheer.common');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: roleSchema,
    action: (values) => changeUserRoleAction({ ...values, userId }),
    defaultValues: { role },
    onSuccess: (data: { changed: boolean }) => {
      setSaved(data.changed);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" onChange={() => setSaved(false)}>
      <FormAlert message={formError} />
      <Field label={t('users.role')} hint={t('users.detail.roleHint')} error={errorText(errors.role?.message)} required>
        {(a11y) => (
          <select {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
          {t('common.save')}
        </SubmitButton>
        <p role="status" className={saved ? statusNote : 'sr-only'}>
          {saved ? t('users.detail.roleSaved') : ''}
        </p>
      </div>
    </form>
  );
}
