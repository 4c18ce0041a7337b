'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { registerPrivacyRequestAction, suggestPrivacyComplaintsAction } from '@/lib/privacy/actions';
import { PRIVACY_KINDS } from '@/lib/privacy/requests';
import { registerPrivacySchema } from '@/lib/privacy/schemas';
import { CONTACT_MEDIA } from '@/lib/procedure/vocabulary';

type Suggestion = { id: number; reference: string; status: string; receivedOn: string; complainantName: string; complainantEmail: string | null; matchedOn: string };

/**
 * A new privacy request: who, when, how, what; then the complaints that may be the requester's, found by e-mail
 * address and name (a suggestion: staff tick the ones that are really theirs).
 */
export function RegisterPrivacyForm({ today, statusLabels }: { today: string; statusLabels: Record<string, string> }) {
  const t = useTranslations('beheer.privacy');
  const router = useRouter();
  const [selected, setSelected] = useState<number[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [searching, setSearching] = useState(false);
  const { form, onSubmit, formError, setFormError, errorText } = useServerForm({
    schema: registerPrivacySchema,
    action: (input) => registerPrivacyRequestAction({ ...input, complaintIds: selected }),
    defaultValues: { kind: undefined, requesterName: '', requesterEmail: '', receivedOn: today, receivedVia: undefined, requestText: '', complaintIds: [] },
    conflictKey: 'beheer.privacy.detail.conflict',
    onSuccess: (data) => {
      router.push(`/beheer/privacy/${data.id}?opgeslagen=nieuw`);
    },
  });
  const { errors, isSubmitting } = form.formState;

  async function search() {
    setSearching(true);
    try {
      const result = await suggestPrivacyComplaintsAction({ requesterName: form.getValues('requesterName'), requesterEmail: form.getValues('requesterEmail') });
      if (result.ok) setSuggestions(result.data);
      else setFormError(errorText(result.fieldErrors._form?.[0] ?? 'invalid') ?? null);
    } finally {
      setSearching(false);
    }
  }
  const toggle = (id: number) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={t('newTitle')}>
      <FormAlert message={formError} />
      <fieldset>
        <legend className="field-label">{t('fields.kind')}</legend>
        {errors.kind?.message ? <span className="field-error">{errorText(errors.kind.message)}</span> : null}
        <div className="mt-2 space-y-2">
          {PRIVACY_KINDS.map((kind) => (
            <label key={kind} className="flex items-start gap-2">
              <input type="radio" value={kind} className="mt-0.5 h-5 w-5 accent-brand-700" {...form.register('kind')} />
              <span>{t(`kindsLong.${kind}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('fields.requesterName')} error={errorText(errors.requesterName?.message)} required>
          {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register('requesterName')} />}
        </Field>
        <Field label={t('fields.requesterEmail')} hint={t('fields.requesterEmailHint')} error={errorText(errors.requesterEmail?.message)} required>
          {(a11y) => <input type="email" autoComplete="off" {...a11y} {...form.register('requesterEmail')} />}
        </Field>
        <Field label={t('fields.receivedOn')} hint={t('fields.receivedOnHint')} error={errorText(errors.receivedOn?.message)} required>
          {(a11y) => <input type="date" max={today} {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('receivedOn')} />}
        </Field>
        <Field label={t('fields.receivedVia')} error={errorText(errors.receivedVia?.message)} required>
          {(a11y) => (
            <select {...a11y} className={`${a11y.className} sm:max-w-xs`} defaultValue="" {...form.register('receivedVia')}>
              <option value="" disabled>
                —
              </option>
              {CONTACT_MEDIA.map((m) => (
                <option key={m} value={m}>
                  {t(`media.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('fields.requestText')} hint={t('fields.requestTextHint')} error={errorText(errors.requestText?.message)} required>
        {(a11y) => <textarea rows={4} {...a11y} {...form.register('requestText')} />}
      </Field>
      <fieldset className="space-y-3 rounded-md border border-stone-200 p-4">
        <legend className="field-label px-1">{t('fields.complaints')}</legend>
        <p className="text-sm text-stone-700">{t('fields.complaintsHint')}</p>
        {errors.complaintIds?.message ? <span className="field-error">{errorText(errors.complaintIds.message)}</span> : null}
        <button type="button" className="rounded border border-stone-300 px-3 py-1.5 text-stone-800 hover:bg-stone-100" onClick={search} disabled={searching}>
          {searching ? t('fields.searching') : t('fields.search')}
        </button>
        {suggestions === null ? null : suggestions.length === 0 ? (
          <p className="italic text-stone-600" role="status">
            {t('fields.noMatches')}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-md border border-stone-200" data-testid="privacy-suggestions">
            {suggestions.map((s) => (
              <li key={s.id} className="px-3 py-2">
                <label className="flex items-start gap-3">
                  <input type="checkbox" className="mt-1 h-5 w-5 accent-brand-700" checked={selected.includes(s.id)} onChange={() => toggle(s.id)} />
                  <span>
                    <span className="font-semibold">{s.reference}</span> · {s.complainantName}
                    {s.complainantEmail ? ` · ${s.complainantEmail}` : ''}
                    <span className="block text-sm text-stone-700">
                      {s.receivedOn} · {statusLabels[s.status] ?? s.status} · {s.matchedOn === 'email' ? t('fields.matchedOnEmail') : t('fields.matchedOnName')}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <SubmitButton pending={isSubmitting} pendingText={t('fields.registering')}>
        {t('fields.register')}
      </SubmitButton>
    </form>
  );
}
