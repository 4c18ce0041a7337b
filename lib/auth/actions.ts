'use server';

import { loggableError } from '@/lib/server/log-error';
import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect, unstable_rethrow } from 'next/navigation';
import { findUserForSignIn } from '@/db/auth';
import { getDb } from '@/db/client';
import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { changePassword } from './account';
import { signIn, signOut } from './config';
import { CHANGE_PASSWORD_PATH } from './gate';
import { homeFor, safeCallbackPath } from './policy';
import { type ChangePasswordInput, signInSchema } from './schemas';

export type SignInState = { error: 'invalid' | 'locked' | 'unavailable' | 'fields'; minutes?: number; fieldErrors?: Record<string, string[]>; email?: string } | null;

/** The sign-in form (works without JavaScript too): Auth.js Credentials, with the lockout in `authorize`. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: String(formData.get('email') ?? ''), password: String(formData.get('password') ?? '') };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { error: 'fields', fieldErrors: fieldErrorsOf(parsed.error.issues), email: raw.email };
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof CredentialsSignin) {
      const [code, minutes] = (error.code ?? '').split(':');
      if (code === 'locked') return { error: 'locked', minutes: Number(minutes) || 15, email: raw.email };
      return { error: 'invalid', email: raw.email };
    }
    console.error('[signIn] failed:', error instanceof AuthError ? error.type : loggableError(error));
    return { error: 'unavailable', email: raw.email };
  }
  // Straight to where this user belongs (a redirect by the proxy would not show in the address bar after an action).
  const user = await findUserForSignIn(await getDb(), parsed.data.email);
  const destination = !user
    ? '/beheer'
    : user.mustChangePassword
      ? CHANGE_PASSWORD_PATH
      : (safeCallbackPath(String(formData.get('terug') ?? '')) ?? homeFor(user.role));
  redirect(destination);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/beheer/inloggen?uitgelogd=1' });
}

/** Changes the password, then signs this browser in again with it (the change ended every older session). */
export async function changePasswordAction(input: ChangePasswordInput) {
  const result = await changePassword(input);
  if (!result.ok) return result;
  try {
    await signIn('credentials', { email: result.data.email, password: input.password, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    console.error('[changePassword] signing in again failed:', loggableError(error));
  }
  return { ok: true as const, data: null };
}
