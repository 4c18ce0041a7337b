'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { signInAction, type SignInState } from '@/lib/auth/actions';
import { Field } from './form/Field';
import { errorText } from './form/useServerForm';

/** Sign-in: a plain form posting to a server action, so it works before (and without) JavaScript. */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && state.error !== 'fields') alertRef.current?.focus();
  }, [state]);

  const message =
    state?.error === 'invalid'
      ? t('beheer.auth.signIn.invalid')
      : state?.error === 'locked'
        ? t('beheer.auth.signIn.locked', { minutes: state.minutes ?? 15 })
        : state?.error === 'unavailable'
          ? t('beheer.auth.signIn.unavailable')
          : null;
  const fieldError = (name: string) => {
    const key = state?.fieldErrors?.[name]?.[0];
    return key ? errorText(t, key) : undefined;
  };
  const emailError = fieldError('email');
  const passwordError = fieldError('password');

  return (
    <form action={action} className="mt-6 space-y-5" noValidate>
      {message ? (
        <div ref={alertRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-800">
          {message}
        </div>
      ) : null}
      <input type="hidden" name="terug" value={returnTo} />
      <Field label={t('beheer.auth.signIn.email')} error={emailError}>
        {(a11y) => <input {...a11y} name="email" type="email" autoComplete="username" required defaultValue={state?.email ?? ''} />}
      </Field>
      <Field label={t('beheer.auth.signIn.password')} error={passwordError}>
        {(a11y) => <input {...a11y} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t('beheer.auth.signIn.submitting') : t('beheer.auth.signIn.submit')}
      </button>
    </form>
  );
}
