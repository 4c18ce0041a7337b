'use client';

import { useActionState, useEffect, useRef } from 'react';
import { type LostLinkState, requestStatusLinkAction } from '@/lib/complaints/client-actions';
import { LIMITS } from '@/lib/complaints/limits';
import { formatTemplate } from '@/lib/i18n/format-template';
import type { Locale } from '@/lib/procedure/vocabulary';

type Messages = typeof import('@/lib/i18n/messages/nl.json');
export type LostLinkTexts = { lostLink: Messages['lostLink']; errors: Record<string, string> };

/**
 * Reference + e-mail address → "check your e-mail", the same answer whether they match a complaint or not
 * (lib/complaints/lost-link.ts). A plain form posting to the server action, so it works before (or without) JavaScript.
 */
export function LostLinkForm({ locale, texts }: { locale: Locale; texts: LostLinkTexts }) {
  const [state, action, pending] = useActionState<LostLinkState, FormData>(requestStatusLinkAction, { state: 'idle' });
  const t = texts.lostLink;
  const focusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.state !== 'idle') focusRef.current?.focus();
  }, [state]);

  if (state.state === 'done') {
    return (
      <div ref={focusRef} tabIndex={-1} role="status" className="card outline-none" data-testid="lost-link-done">
        <h2 className="text-xl font-bold">{t.doneTitle}</h2>
        <p className="mt-2">{t.done}</p>
        <p className="mt-2">{t.noEmail}</p>
        <p className="mt-4">
          <a className="font-semibold text-brand-700 underline" href="">
            {t.again}
          </a>
        </p>
      </div>
    );
  }

  const errors = state.state === 'invalid' ? state.fieldErrors : {};
  const values = state.state === 'invalid' || state.state === 'unavailable' ? state.values : { reference: '', email: '' };
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? (texts.errors[key] ?? texts.errors.invalid ?? key) : null;
  };
  const referenceError = errorOf('reference');
  const emailError = errorOf('email');
  return (
    // The fields sit in their own block: React puts the server action's hidden inputs first in the form.
    <form action={action} noValidate className="card" data-testid="lost-link-form">
      <div className="space-y-6">
        {state.state === 'invalid' || state.state === 'unavailable' ? (
          <div ref={focusRef} tabIndex={-1} role="alert" className="rounded-md bg-red-50 p-3 font-semibold text-red-800 outline-none">
            {state.state === 'invalid'
              ? t.errorSummary
              : state.retryAfterMinutes && texts.errors.rateLimited
                ? formatTemplate(texts.errors.rateLimited, { minutes: state.retryAfterMinutes }, locale)
                : t.unavailable}
          </div>
        ) : null}
        <div>
          <label htmlFor="reference" className="field-label">
            {t.reference}
          </label>
          <span id="reference-hint" className="field-hint">
            {t.referenceHint}
          </span>
          <input
            id="reference"
            name="reference"
            className="input max-w-xs"
            autoComplete="off"
            spellCheck={false}
            maxLength={LIMITS.reference}
            defaultValue={values.reference}
            aria-describedby={referenceError ? 'reference-hint reference-error' : 'reference-hint'}
            aria-invalid={referenceError ? true : undefined}
            required
          />
          {referenceError ? (
            <span id="reference-error" className="field-error">
              {referenceError}
            </span>
          ) : null}
        </div>
        <div>
          <label htmlFor="email" className="field-label">
            {t.email}
          </label>
          <span id="email-hint" className="field-hint">
            {t.emailHint}
          </span>
          <input
            id="email"
            name="email"
            type="email"
            className="input"
            autoComplete="email"
            maxLength={LIMITS.email}
            defaultValue={values.email}
            aria-describedby={emailError ? 'email-hint email-error' : 'email-hint'}
            aria-invalid={emailError ? true : undefined}
            required
          />
          {emailError ? (
            <span id="email-error" className="field-error">
              {emailError}
            </span>
          ) : null}
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? t.sending : t.submit}
        </button>
      </div>
      <input type="hidden" name="locale" value={locale} />
    </form>
  );
}
