'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useId, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { LIMITS } from '@/lib/complaints/limits';
import type { ActionResult } from '@/lib/actions/pipeline';
import { registerComplaintAction } from '@/lib/complaints/register-actions';
import { REGISTER_CHANNELS, registerSchema } from '@/lib/complaints/register-schema';
import { EARLIEST_DATE } from '@/lib/complaints/schema';
import { CLIENT_CONTRACTING_PARTY_CHOICES, LOCALES } from '@/lib/procedure/vocabulary';
import { newIdempotencyKey } from '@/lib/complaints/idempotency-key';
import { formatCount, textLength } from '@/lib/complaints/text-length';
import { CharCount, type CharCountTexts } from '@/components/CharCount';

/** The long text fields: no `maxLength` on them (a paste is never cut), a live count, and a refusal that says how long. */
const LONG_TEXTS = { description: LIMITS.description, desiredOutcome: LIMITS.desiredOutcome } as const;

type Props = {
  categories: { code: string; label: string }[];
  staff: { id: string; name: string }[];
  /** Today in Europe/Amsterdam: the default and the latest received date. */
  today: string;
  /** How long closed complaints are kept, in words ("2 jaar"). */
  retention: string;
  /** Values to start from (a mail that came in: channel, received date, name, e-mail, text). */
  prefill?: { channel?: 'phone' | 'email' | 'post'; receivedOn?: string; name?: string; email?: string; description?: string };
  /** Another action than plain registration (registering a mail that came in: the draft is linked to the complaint). */
  action?: (input: unknown) => Promise<ActionResult<{ id: number }>>;
};

/**
 * Staff register a complaint that came in by phone, e-mail or post: the public form's fields with the same schema
 * (plus channel, received date and the "client was told" confirmation). On success: the new complaint's file.
 */
export function RegisterForm({ categories, staff, today, retention, prefill, action }: Props) {
  const t = useTranslations('beheer.register');
  const common = useTranslations('beheer.common');
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const [ready, setReady] = useState(false);
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: registerSchema,
    action: action ?? registerComplaintAction,
    defaultValues: {
      name: '', email: '', street: '', postcode: '', city: '', phone: '', category: '', staffId: '', staffOther: '',
      description: '', incidentDate: '', desiredOutcome: '', partyName: '', idempotencyKey: '', locale: 'nl', receivedOn: today,
      ...prefill,
    },
    onSuccess: (data) => {
      setLeaving(true);
      router.push(`/beheer/klachten/${data.id}?geregistreerd=1`);
    },
  });
  const { register, watch, setValue, getValues, control } = form;
  const { errors, isSubmitting, submitCount } = form.formState;

  // One key per filled-in form: submitting it twice (double click, retry after a lost answer) gives one complaint.
  useEffect(() => {
    setValue('idempotencyKey', newIdempotencyKey());
    setReady(true);
  }, [setValue]);

  const incidentWhen = watch('incidentWhen');
  const hasErrors = Object.keys(errors).length > 0;
  const alert = formError ?? (submitCount > 0 && hasErrors ? common('errorSummary') : null);
  // A few shared messages speak to the client ("u"); staff get their own wording of those.
  const error = (name: keyof typeof errors) => {
    const key = errors[name]?.message as string | undefined;
    if (key === 'tooLong' && (name === 'description' || name === 'desiredOutcome')) {
      return t('errors.textTooLong', { count: formatCount(textLength(getValues(name)), 'nl'), max: formatCount(LONG_TEXTS[name], 'nl') });
    }
    return key && t.has(`errors.${key}`) ? t(`errors.${key}`) : errorText(key);
  };

  const countTexts: CharCountTexts = { count: t.raw('count.count'), over: t.raw('count.over'), near: t.raw('count.near'), overAnnounce: t.raw('count.overAnnounce') };
  const withCount = (describedBy: string | undefined, countId: string) => [describedBy, countId].filter(Boolean).join(' ');

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-busy={isSubmitting || leaving} data-ready={ready || undefined}>
      <FormAlert message={alert} />

      <Card title={t('sections.intake')}>
        <RadioGroup label={t('channel')} required error={error('channel')}>
          {REGISTER_CHANNELS.map((channel) => (
            <Radio key={channel} reg={register('channel')} value={channel} label={t(`channels.${channel}`)} invalid={Boolean(errors.channel)} />
          ))}
        </RadioGroup>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t('receivedOn')} hint={t('receivedOnHint')} error={error('receivedOn')} required>
            {(a11y) => <input type="date" min={EARLIEST_DATE} max={today} {...a11y} {...register('receivedOn')} />}
          </Field>
          <Field label={t('locale')} error={error('locale')}>
            {(a11y) => (
              <select {...a11y} {...register('locale')}>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale}>{t(`locales.${locale}`)}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </Card>

      <Card title={t('sections.complainant')}>
        <Field label={t('name')} error={error('name')} required>
          {(a11y) => <input type="text" autoComplete="off" maxLength={LIMITS.name} {...a11y} {...register('name')} />}
        </Field>
        <Field label={t('email')} hint={t('emailHint')} error={error('email')}>
          {(a11y) => <input type="email" autoComplete="off" maxLength={LIMITS.email} {...a11y} {...register('email')} />}
        </Field>
        <fieldset>
          <legend className="field-label">{t('postalAddress')}</legend>
          <span className="field-hint">{t('postalHint')}</span>
          <div className="mt-1 grid gap-4 sm:grid-cols-[2fr_1fr_2fr]">
            <Field label={<span className="font-normal">{t('street')}</span>} error={error('street')}>
              {(a11y) => <input type="text" autoComplete="off" maxLength={LIMITS.street} {...a11y} {...register('street')} />}
            </Field>
            <Field label={<span className="font-normal">{t('postcode')}</span>} error={error('postcode')}>
              {(a11y) => <input type="text" autoComplete="off" maxLength={LIMITS.postcode} {...a11y} {...register('postcode')} />}
            </Field>
            <Field label={<span className="font-normal">{t('city')}</span>} error={error('city')}>
              {(a11y) => <input type="text" autoComplete="off" maxLength={LIMITS.city} {...a11y} {...register('city')} />}
            </Field>
          </div>
        </fieldset>
        <Field label={<Optional label={t('phone')} optional={t('optional')} />} error={error('phone')}>
          {(a11y) => <input type="tel" autoComplete="off" maxLength={LIMITS.phone} {...a11y} {...register('phone')} />}
        </Field>
      </Card>

      <Card title={t('sections.complaint')}>
        <Field label={t('category')} error={error('category')} required>
          {(a11y) => (
            <select {...a11y} {...register('category')}>
              <option value="" disabled>{t('categoryChoose')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>{c.label}</option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={<Optional label={t('staff')} optional={t('optional')} />} error={error('staffId')}>
            {(a11y) => (
              <select {...a11y} {...register('staffId')}>
                <option value="">{t('staffNone')}</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={<Optional label={t('staffOther')} optional={t('optional')} />} error={error('staffOther')}>
            {(a11y) => <input type="text" autoComplete="off" maxLength={LIMITS.staffOther} {...a11y} {...register('staffOther')} />}
          </Field>
        </div>
        <Field label={t('description')} hint={t('descriptionHint', { max: formatCount(LIMITS.description, 'nl') })} error={error('description')} required>
          {(a11y) => (
            <>
              <textarea rows={7} {...a11y} aria-describedby={withCount(a11y['aria-describedby'], `${a11y.id}-count`)} className={`${a11y.className} min-h-40`} {...register('description')} />
              <CharCount id={`${a11y.id}-count`} control={control} name="description" max={LIMITS.description} locale="nl" texts={countTexts} />
            </>
          )}
        </Field>
        <RadioGroup label={t('incidentWhen')} required error={error('incidentWhen')}>
          <Radio reg={register('incidentWhen')} value="date" label={t('incidentOnDate')} invalid={Boolean(errors.incidentWhen)} />
          <Radio reg={register('incidentWhen')} value="ongoing" label={t('incidentOngoing')} invalid={Boolean(errors.incidentWhen)} />
        </RadioGroup>
        {incidentWhen === 'date' ? (
          <div className="max-w-sm">
            <Field label={t('incidentDate')} hint={t('incidentDateHint')} error={error('incidentDate')} required>
              {(a11y) => <input type="date" min={EARLIEST_DATE} max={watch('receivedOn') || today} {...a11y} {...register('incidentDate')} />}
            </Field>
          </div>
        ) : null}
        <Field label={<Optional label={t('desiredOutcome')} optional={t('optional')} />} error={error('desiredOutcome')}>
          {(a11y) => (
            <>
              <textarea rows={3} {...a11y} aria-describedby={withCount(a11y['aria-describedby'], `${a11y.id}-count`)} {...register('desiredOutcome')} />
              <CharCount id={`${a11y.id}-count`} control={control} name="desiredOutcome" max={LIMITS.desiredOutcome} locale="nl" texts={countTexts} />
            </>
          )}
        </Field>
      </Card>

      <Card title={t('sections.party')}>
        <RadioGroup label={t('party')} hint={t('partyHint')} required error={error('partyChoice')}>
          {CLIENT_CONTRACTING_PARTY_CHOICES.map((choice) => (
            <Radio key={choice} reg={register('partyChoice')} value={choice} label={t(`partyChoices.${choice}`)} invalid={Boolean(errors.partyChoice)} />
          ))}
        </RadioGroup>
        <Field label={<Optional label={t('partyName')} optional={t('optional')} />} hint={t('partyNameHint')} error={error('partyName')}>
          {(a11y) => <input type="text" autoComplete="off" maxLength={LIMITS.partyName} {...a11y} {...register('partyName')} />}
        </Field>
      </Card>

      <Confirmation
        label={t('informed')}
        hint={t('informedHint', { retention })}
        error={error('informed')}
        reg={register('informed')}
      />

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting || leaving} pendingText={t('submitting')}>
          {t('submit')}
        </SubmitButton>
        <p className="max-w-prose text-sm text-stone-700">{t('noAcknowledgement')}</p>
      </div>
    </form>
  );
}

/** A part of the form: a card with a heading that names the fields in it. */
function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="card space-y-5">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Optional({ label, optional }: { label: string; optional: string }) {
  return (
    <>
      {label} <span className="font-normal text-stone-600">({optional})</span>
    </>
  );
}

/** A group of radio buttons with a legend, hint and error, announced together. */
function RadioGroup({ label, hint, error, required, children }: { label: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="field-label">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </legend>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">{children}</div>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

function Radio({ reg, value, label, invalid }: { reg: UseFormRegisterReturn; value: string; label: string; invalid: boolean }) {
  return (
    <label className="flex items-center gap-2">
      <input type="radio" value={value} className="h-5 w-5 accent-brand-700" aria-invalid={invalid || undefined} {...reg} />
      {label}
    </label>
  );
}

function Confirmation({ label, hint, error, reg }: { label: string; hint: string; error?: string; reg: UseFormRegisterReturn }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className="card">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          aria-required
          {...reg}
        />
        <label htmlFor={id} className="font-semibold">
          {label}
          <span aria-hidden="true" className="text-red-700"> *</span>
        </label>
      </div>
      <span id={`${id}-hint`} className="field-hint ml-8">
        {hint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error ml-8">
          {error}
        </span>
      ) : null}
    </div>
  );
}
