'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { type FieldErrors, type Resolver, type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { LIMITS } from '@/lib/complaints/limits';
import type { SubmissionResult } from '@/lib/complaints/public-submit';
import type { ComplaintData, ComplaintInput } from '@/lib/complaints/schema';
import type { Locale } from '@/lib/procedure/vocabulary';
import { newIdempotencyKey } from '@/lib/complaints/idempotency-key';
import { fillIn, formatCount, textLength } from '@/lib/complaints/text-length';
import { formatTemplate } from '@/lib/i18n/format-template';
import { CharCount, type CharCountTexts } from './CharCount';

type Messages = typeof import('@/lib/i18n/messages/nl.json');
export type ComplaintFormTexts = Pick<Messages, 'form' | 'errors' | 'partyChoice'>;

type Props = {
  locale: Locale;
  texts: ComplaintFormTexts;
  categories: { code: string; label: string }[];
  staff: { id: string; name: string }[];
  /** Where to go after a successful submission; `{token}` is replaced. */
  confirmationPath: string;
};

type FieldName = keyof ComplaintInput;
type ComplaintResolver = Resolver<ComplaintInput, unknown, ComplaintData>;

/**
 * The shared zod schema (the same one the server action checks) and its resolver are loaded when the user first
 * focuses a field, which keeps them out of the page's first load.
 */
let resolverLoading: Promise<ComplaintResolver> | null = null;
function loadResolver(): Promise<ComplaintResolver> {
  resolverLoading ??= Promise.all([import('@hookform/resolvers/zod'), import('@/lib/complaints/schema')])
    .then(([{ zodResolver }, { complaintSchema }]) => zodResolver(complaintSchema) as ComplaintResolver)
    .catch((error) => {
      resolverLoading = null;
      throw error;
    });
  return resolverLoading;
}
const lazyResolver: ComplaintResolver = async (values, context, options) => (await loadResolver())(values, context, options);

/** The long text fields: no `maxLength` on them (a paste is never cut), a live count, and a refusal that says how long. */
const LONG_TEXTS = { description: LIMITS.description, desiredOutcome: LIMITS.desiredOutcome } as const;
type LongText = keyof typeof LONG_TEXTS;
const isLongText = (name: string): name is LongText => name in LONG_TEXTS;

const ORDER: FieldName[] = [
  'name', 'email', 'street', 'postcode', 'city', 'phone', 'category', 'staffId', 'staffOther', 'description',
  'incidentWhen', 'incidentDate', 'desiredOutcome', 'partyChoice', 'partyName', 'consent',
];

/** Today in Europe/Amsterdam (YYYY-MM-DD): the latest date the incident date picker offers. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/**
 * The signed time the form was shown (lib/complaints/form-stamp.ts), sent back with the complaint. The page is served
 * from Next's cache, so the stamp comes from a no-store route when the form mounts (app/api/form-stamp/route.ts). The
 * server takes a complaint only `minFillMs` after its stamp: `sendableAt` is when that is, by this browser's clock.
 */
type Stamp = { stamp: string; sendableAt: number };

async function fetchFormStamp(): Promise<Stamp> {
  const response = await fetch('/api/form-stamp', { cache: 'no-store' });
  if (response.status === 429) {
    const body = (await response.json().catch(() => ({}))) as { retryAfterMinutes?: number };
    throw new StampRefused('limited', body.retryAfterMinutes ?? 1);
  }
  if (response.status === 503) throw new StampRefused('unavailable', 0);
  if (!response.ok) throw new Error(`form stamp: ${response.status}`);
  const body = (await response.json()) as { stamp: string; minFillMs?: number };
  // A little margin for the time the answer took to arrive.
  return { stamp: body.stamp, sendableAt: Date.now() + (body.minFillMs ?? 3_000) + 250 };
}

/**
 * Sends the complaint to `POST /api/klachten` (app/api/klachten/route.ts) and returns its answer. Throws when no readable
 * answer came (a lost connection, a proxy's error page): the form then says so, and sending again with the same
 * idempotency key never makes a second complaint.
 */
async function postComplaint(payload: Record<string, unknown>): Promise<SubmissionResult> {
  const response = await fetch('/api/klachten', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload), cache: 'no-store' });
  const result = (await response.json().catch(() => null)) as SubmissionResult | null;
  if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') throw new Error(`complaint: ${response.status}`);
  return result;
}

/** The stamp route said no (too many forms from this address, or the database is down): told like a refused submission. */
class StampRefused extends Error {
  constructor(
    readonly reason: 'limited' | 'unavailable',
    readonly retryAfterMinutes: number,
  ) {
    super(`form stamp: ${reason}`);
  }
}

export function ComplaintForm({ locale, texts, categories, staff, confirmationPath }: Props) {
  const router = useRouter();
  const f = texts.form;
  const [failure, setFailure] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [ready, setReady] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const honeypotRef = useRef<HTMLInputElement>(null);
  const [retryMinutes, setRetryMinutes] = useState(0);
  // Set after hydration (the cached HTML was rendered on another day): the picker's latest date, and the form stamp.
  const [today, setToday] = useState<string | undefined>(undefined);
  const stampRef = useRef<Promise<Stamp> | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    watch,
    control,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ComplaintInput, unknown, ComplaintData>({
    resolver: lazyResolver,
    // Validate on submit, then re-check as the user corrects: no messages jumping in while someone is still typing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      name: '', email: '', street: '', postcode: '', city: '', phone: '', staffId: '', staffOther: '',
      description: '', incidentDate: '', desiredOutcome: '', partyName: '', idempotencyKey: '', locale,
    },
  });

  // One key per filled-in form: re-posting it (double click, retry after a lost answer) never makes a second complaint.
  useEffect(() => {
    setValue('idempotencyKey', newIdempotencyKey());
    setToday(amsterdamToday());
    const loading = fetchFormStamp();
    stampRef.current = loading;
    // data-ready once the stamp is in (or failed; submitting fetches it again): from then on the form counts the time.
    loading.then(
      () => setReady(true),
      () => {
        if (stampRef.current === loading) stampRef.current = null;
        setReady(true);
      },
    );
  }, [setValue]);

  // A failure that is not about one field is shown at the top of the form: bring it into view.
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  const validateAndSubmit = handleSubmit(async (values) => {
    // Fetched on mount; once more if that failed (a lost connection). Without one the server refuses the complaint.
    let formStamp: string;
    try {
      const stamp = await (stampRef.current ??= fetchFormStamp());
      formStamp = stamp.stamp;
      // Only when the stamp was fetched just now: the server takes a complaint a few seconds after its stamp (a bot check).
      const wait = stamp.sendableAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    } catch (error) {
      stampRef.current = null; // asked for again on the next try
      if (error instanceof StampRefused && error.reason === 'limited') setRetryMinutes(error.retryAfterMinutes);
      setFailure(error instanceof StampRefused ? error.reason : 'network');
      return;
    }
    let result: SubmissionResult;
    try {
      result = await postComplaint({ ...values, formStamp, website: honeypotRef.current?.value ?? '' });
    } catch {
      setFailure('network');
      return;
    }
    if (result.ok) {
      // Keep the button disabled while the confirmation page loads.
      setLeaving(true);
      router.push(confirmationPath.replace('{token}', result.data.token));
      return;
    }
    if (result.error === 'unavailable') {
      setFailure('unavailable');
      return;
    }
    if (result.error === 'limited') {
      setRetryMinutes(result.retryAfterMinutes ?? 1);
      setFailure('limited');
      return;
    }
    for (const [field, keys] of Object.entries(result.fieldErrors)) {
      if ((ORDER as string[]).includes(field)) setError(field as FieldName, { type: 'server', message: keys[0] });
      else setFailure('invalid');
    }
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setFailure(null);
    // A failure to load the validation code (connection lost) is reported like any lost connection.
    return validateAndSubmit(event).catch(() => setFailure('network'));
  };

  const message = (name: FieldName) => {
    const key = (errors as FieldErrors<ComplaintInput>)[name]?.message;
    // Too long (in the browser or by the server): say how long the text is and what the maximum is.
    if (key === 'tooLong' && isLongText(name)) {
      return fillIn(texts.errors.textTooLong, { count: formatCount(textLength(getValues(name)), locale), max: formatCount(LONG_TEXTS[name], locale) });
    }
    return key ? ((texts.errors as Record<string, string | undefined>)[key] ?? texts.errors.invalid) : undefined;
  };
  const labelOf: Partial<Record<FieldName, string>> = {
    name: f.name, email: f.email, street: f.street, postcode: f.postcode, city: f.city, phone: f.phone,
    category: f.category, staffId: f.staff, staffOther: f.staffOther, description: f.description,
    incidentWhen: f.incidentWhen, incidentDate: f.incidentDate, desiredOutcome: f.desiredOutcome,
    partyChoice: f.party, partyName: f.partyName, consent: f.consentShort,
  };
  const errorList = ORDER.filter((name) => message(name));
  const incidentWhen = watch('incidentWhen');

  const countTexts: CharCountTexts = { count: f.charCount, over: f.charOver, near: f.charNear, overAnnounce: f.charOverAnnounce };
  const field = (name: FieldName, extra: { hint?: string; required?: boolean } = {}) => {
    const error = message(name);
    const describedBy =
      [extra.hint ? `${name}-hint` : '', isLongText(name) ? `${name}-count` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    return {
      id: name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      'aria-required': extra.required || undefined,
    } as const;
  };

  return (
    <form onSubmit={onSubmit} onFocus={() => void loadResolver().catch(() => {})} noValidate className="space-y-10" aria-busy={isSubmitting || leaving} data-ready={ready || undefined}>
      {(submitCount > 0 && errorList.length > 0) || failure ? (
        <div role="alert" ref={alertRef} tabIndex={-1} data-testid="form-alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4">
          {failure ? <p className="font-semibold text-red-800">{failure === 'unavailable' ? f.unavailable : failure === 'network' ? f.network : failure === 'limited' ? formatTemplate(texts.errors.rateLimited, { minutes: retryMinutes }, locale) : texts.errors.invalid}</p> : null}
          {errorList.length > 0 ? (
            <>
              <p className="font-semibold text-red-800">{f.errorSummary}</p>
              <ul className="mt-2 list-disc pl-6">
                {errorList.map((name) => (
                  <li key={name}>
                    <a className="text-red-800 underline" href={`#${name}`}>
                      {labelOf[name]} – {message(name)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <fieldset className="card space-y-5">
        <legend className="px-1 text-xl font-bold">{f.aboutYou}</legend>
        <TextField label={f.name} required mark={f.requiredMark} error={message('name')} name="name" props={field('name', { required: true })} reg={register('name')} autoComplete="name" />
        <TextField label={f.email} mark={f.requiredMark} hint={f.emailHint} error={message('email')} name="email" props={field('email', { hint: f.emailHint })} reg={register('email')} type="email" autoComplete="email" />
        <fieldset>
          <legend className="field-label">{f.postalAddress}</legend>
          <span className="field-hint" id="postal-hint">{f.postalHint}</span>
          <div className="mt-2 grid gap-4 sm:grid-cols-[2fr_1fr_2fr]">
            <TextField label={f.street} error={message('street')} name="street" props={field('street')} reg={register('street')} autoComplete="street-address" small />
            <TextField label={f.postcode} error={message('postcode')} name="postcode" props={field('postcode')} reg={register('postcode')} autoComplete="postal-code" small maxLength={LIMITS.postcode} />
            <TextField label={f.city} error={message('city')} name="city" props={field('city')} reg={register('city')} autoComplete="address-level2" small />
          </div>
        </fieldset>
        <TextField label={f.phone} optional={f.optional} error={message('phone')} name="phone" props={field('phone')} reg={register('phone')} type="tel" autoComplete="tel" />
      </fieldset>

      <fieldset className="card space-y-5">
        <legend className="px-1 text-xl font-bold">{f.aboutComplaint}</legend>
        <div>
          <Label htmlFor="category" required mark={f.requiredMark}>{f.category}</Label>
          <select className="input" {...field('category', { required: true })} {...register('category')} defaultValue="">
            <option value="" disabled>{f.categoryChoose}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>{c.label}</option>
            ))}
          </select>
          <ErrorText name="category" error={message('category')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="staffId" optional={f.optional}>{f.staff}</Label>
            <select className="input" {...field('staffId')} {...register('staffId')}>
              <option value="">{f.staffNone}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
            <ErrorText name="staffId" error={message('staffId')} />
          </div>
          <TextField label={f.staffOther} optional={f.optional} error={message('staffOther')} name="staffOther" props={field('staffOther')} reg={register('staffOther')} maxLength={LIMITS.staffOther} />
        </div>
        <div>
          <Label htmlFor="description" required mark={f.requiredMark}>{f.description}</Label>
          <span className="field-hint" id="description-hint">{f.descriptionHint}</span>
          <textarea className="input min-h-40" rows={7} {...field('description', { hint: f.descriptionHint, required: true })} {...register('description')} />
          <CharCount id="description-count" control={control} name="description" max={LIMITS.description} locale={locale} texts={countTexts} />
          <ErrorText name="description" error={message('description')} />
        </div>
        <fieldset aria-describedby={message('incidentWhen') ? 'incidentWhen-error' : undefined}>
          <legend className="field-label">
            {f.incidentWhen} <Mark mark={f.requiredMark} />
          </legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            <Radio reg={register('incidentWhen')} value="date" id="incidentWhen" label={f.incidentOnDate} />
            <Radio reg={register('incidentWhen')} value="ongoing" id="incidentWhen-ongoing" label={f.incidentOngoing} />
          </div>
          <ErrorText name="incidentWhen" error={message('incidentWhen')} />
          {incidentWhen === 'date' ? (
            <div className="mt-4 max-w-xs">
              <Label htmlFor="incidentDate" required mark={f.requiredMark}>{f.incidentDate}</Label>
              <span className="field-hint" id="incidentDate-hint">{f.incidentDateHint}</span>
              <input className="input" type="date" max={today} min="1900-01-01" {...field('incidentDate', { hint: f.incidentDateHint, required: true })} {...register('incidentDate')} />
              <ErrorText name="incidentDate" error={message('incidentDate')} />
            </div>
          ) : null}
        </fieldset>
        <div>
          <Label htmlFor="desiredOutcome" optional={f.optional}>{f.desiredOutcome}</Label>
          <textarea className="input" rows={3} {...field('desiredOutcome')} {...register('desiredOutcome')} />
          <CharCount id="desiredOutcome-count" control={control} name="desiredOutcome" max={LIMITS.desiredOutcome} locale={locale} texts={countTexts} />
          <ErrorText name="desiredOutcome" error={message('desiredOutcome')} />
        </div>
        <fieldset aria-describedby={['partyChoice-hint', message('partyChoice') ? 'partyChoice-error' : ''].join(' ').trim()}>
          <legend className="field-label">
            {f.party} <Mark mark={f.requiredMark} />
          </legend>
          <span className="field-hint" id="partyChoice-hint">{f.partyHint}</span>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(['employer', 'municipality', 'uwv', 'unknown'] as const).map((choice, i) => (
              <Radio key={choice} reg={register('partyChoice')} value={choice} id={i === 0 ? 'partyChoice' : `partyChoice-${choice}`} label={texts.partyChoice[choice]} />
            ))}
          </div>
          <ErrorText name="partyChoice" error={message('partyChoice')} />
        </fieldset>
        <TextField label={f.partyName} optional={f.optional} hint={f.partyNameHint} error={message('partyName')} name="partyName" props={field('partyName', { hint: f.partyNameHint })} reg={register('partyName')} maxLength={LIMITS.partyName} />
      </fieldset>

      <div className="card">
        <div className="flex items-start gap-3">
          <input type="checkbox" className="mt-1 h-5 w-5 shrink-0 accent-brand-700" {...field('consent', { hint: f.consentHint, required: true })} {...register('consent')} />
          <label htmlFor="consent" className="font-semibold">
            {f.consent} <Mark mark={f.requiredMark} />
          </label>
        </div>
        <span className="field-hint ml-8" id="consent-hint">{f.consentHint}</span>
        <div className="ml-8"><ErrorText name="consent" error={message('consent')} /></div>
      </div>

      {/* Honeypot: off-screen, hidden from screen readers and the keyboard; only a bot fills it in (lib/complaints/form-stamp.ts). */}
      <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: '1px', height: '1px', overflow: 'hidden' }}>
        <label>
          Website
          <input ref={honeypotRef} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <button type="submit" className="btn-primary" disabled={isSubmitting || leaving}>
        {isSubmitting || leaving ? f.submitting : f.submit}
      </button>
    </form>
  );
}

function Mark({ mark }: { mark: string }) {
  return (
    <span className="text-red-700">
      <span aria-hidden="true">*</span>
      <span className="sr-only">({mark})</span>
    </span>
  );
}

function Label({ htmlFor, children, required, mark, optional }: { htmlFor: string; children: ReactNode; required?: boolean; mark?: string; optional?: string }) {
  return (
    <label htmlFor={htmlFor} className="field-label">
      {children} {required && mark ? <Mark mark={mark} /> : null}
      {optional ? <span className="font-normal text-stone-600"> ({optional})</span> : null}
    </label>
  );
}

function ErrorText({ name, error }: { name: string; error?: string }) {
  return error ? (
    <span id={`${name}-error`} className="field-error">
      {error}
    </span>
  ) : null;
}

function Radio({ reg, value, id, label }: { reg: UseFormRegisterReturn; value: string; id: string; label: string }) {
  return (
    <label htmlFor={id} className="flex items-center gap-2">
      <input type="radio" id={id} value={value} className="h-5 w-5 accent-brand-700" {...reg} />
      {label}
    </label>
  );
}

type TextFieldProps = {
  label: string;
  name: string;
  reg: UseFormRegisterReturn;
  props: Record<string, unknown>;
  error?: string;
  hint?: string;
  required?: boolean;
  mark?: string;
  optional?: string;
  type?: string;
  autoComplete?: string;
  maxLength?: number;
  small?: boolean;
};

function TextField({ label, name, reg, props, error, hint, required, mark, optional, type = 'text', autoComplete, maxLength, small }: TextFieldProps) {
  return (
    <div>
      <Label htmlFor={name} required={required} mark={mark} optional={optional}>
        {small ? <span className="font-normal">{label}</span> : label}
      </Label>
      {hint ? (
        <span className="field-hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <input className="input" type={type} autoComplete={autoComplete} maxLength={maxLength} {...props} {...reg} />
      <ErrorText name={name} error={error} />
    </div>
  );
}
