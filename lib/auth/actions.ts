'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { unstable_rethrow } from 'next/navigation';
import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { changePassword } from './account';
import { signIn, signOut } from './config';
import { safeCallbackPath } from './policy';
import { type ChangePasswordInput, signInSchema } from './schemas';

export type SignInState = { error: 'invalid' | 'locked' | 'unavailable' | 'fields'; minutes?: number; fieldErrors?: Record<string, string[]>; email?: string } | null;

/** The sign-in form (works without JavaScript too): Auth.js Credentials, with the lockout in `authorize`. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: String(formData.get('email') ?? ''), password: String(formData.get('password') ?? '') };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { error: 'fields', fieldErrors: fieldErrorsOf(parsed.error.issues), email: raw.email };
  const redirectTo = safeCallbackPath(String(formData.get('terug') ?? '')) ?? '/beheer';
  try {
    await signIn('credentials', { ...parsed.data, redirectTo });
    return null;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof CredentialsSignin) {
      const [code, minutes] = (error.code ?? '').split(':');
      if (code === 'locked') return { error: 'locked', minutes: Number(minutes) || 15, email: raw.email };
      return { error: 'invalid', email: raw.email };
    }
    console.error('[signIn] failed:', error instanceof AuthError ? error.type : error instanceof Error ? error.message : error);
    return { error: 'unavailable', email: raw.email };
  }
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
    console.error('[changePassword] signing in again failed:', error instanceof Error ? error.message : error);
  }
  return { ok: true as const, data: null };
}
