'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { saveStaffAction } from '@/lib/settings/actions';
import { staffSchema } from '@/lib/settings/schemas';

export type LinkableUser = { id: number; label: string; takenByOther: boolean };

/** A new staff member (no `id`) or changes to one: name, team and the linked user account. */
export function StaffForm({ id, values, users }: { id?: number; values?: { name: string; team: string; userId: string }; users: LinkableUser[] }) {
  const t = useTranslations('beheer.settings');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: staffSchema,
    action: (input) => saveStaffAction({ ...input, id }),
    defaultValues: values ?? { name: '', team: '', userId: '' },
    onSuccess: () => {
      router.push('/beheer/instellingen/medewerkers?opgeslagen=1');
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5">
      <FormAlert message={formError} />
      <Field label={t('staff.name')} hint={t('staff.nameHint')} error={errorText(errors.name?.message)} required>
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('name')} />}
      </Field>
      <Field
        label={
          <>
            {t('staff.team')} <span className="font-normal text-stone-600">{t('common.optional')}</span>
          </>
        }
        hint={t('staff.teamHint')}
        error={errorText(errors.team?.message)}
      >
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('team')} />}
      </Field>
      <Field
        label={
          <>
            {t('staff.user')} <span className="font-normal text-stone-600">{t('common.optional')}</span>
          </>
        }
        hint={t('staff.userHint')}
        error={errorText(errors.userId?.message)}
      >
        {(a11y) => (
          <select {...a11y} {...form.register('userId')}>
            <option value="">{t('staff.noUser')}</option>
            {users.map((user) => (
              <option key={user.id} value={String(user.id)} disabled={user.takenByOther}>
                {user.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
        {id === undefined ? t('staff.submitCreate') : t('common.save')}
      </SubmitButton>
    </form>
  );
}
