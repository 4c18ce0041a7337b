'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { CONTRACTING_PARTY_TYPES, type ContractingPartyType } from '@/lib/procedure/vocabulary';
import { savePartyAction } from '@/lib/settings/actions';
import { partySchema } from '@/lib/settings/schemas';

/** A new contracting party (no `id`) or changes to one. */
export function PartyForm({ id, values }: { id?: number; values?: { type: ContractingPartyType; name: string; contactEmail: string } }) {
  const t = useTranslations('beheer.settings');
  const tc = useTranslations('beheer.common');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: partySchema,
    action: (input) => savePartyAction({ ...input, id }),
    defaultValues: values ?? { type: 'municipality', name: '', contactEmail: '' },
    onSuccess: () => {
      router.push('/beheer/instellingen/opdrachtgevers?opgeslagen=1');
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5">
      <FormAlert message={formError} />
      <Field label={t('parties.type')} error={errorText(errors.type?.message)} required>
        {(a11y) => (
          <select {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('type')}>
            {CONTRACTING_PARTY_TYPES.map((type) => (
              <option key={type} value={type}>
                {tc(`partyTypes.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('parties.name')} hint={t('parties.nameHint')} error={errorText(errors.name?.message)} required>
        {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('name')} />}
      </Field>
      <Field
        label={
          <>
            {t('parties.contactEmail')} <span className="font-normal text-stone-600">{t('common.optional')}</span>
          </>
        }
        hint={t('parties.contactEmailHint')}
        error={errorText(errors.contactEmail?.message)}
      >
        {(a11y) => <input type="email" autoComplete="off" {...a11y} {...form.register('contactEmail')} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText={t('common.saving')}>
        {id === undefined ? t('parties.submitCreate') : t('common.save')}
      </SubmitButton>
    </form>
  );
}
