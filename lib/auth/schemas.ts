import { check, email, maxLength, minLength, object, type output, string, trim } from 'zod/mini';

/** Back-office account forms; messages are keys under `errors.`. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const signInSchema = object({
  email: string('required').check(trim(), minLength(1, 'required'), maxLength(254, 'tooLong'), email('email')),
  password: string('required').check(minLength(1, 'required'), maxLength(PASSWORD_MAX, 'tooLong')),
}, 'invalid');

export const newPasswordField = string('required').check(
  minLength(1, 'required'),
  minLength(PASSWORD_MIN, 'passwordTooShort'),
  maxLength(PASSWORD_MAX, 'tooLong'),
);

/** A new password typed twice: the fields, and the check that both are the same. */
export const newPasswordFields = { password: newPasswordField, confirm: string('required').check(minLength(1, 'required')) };
export const passwordsMatch = check<{ password: string; confirm: string }>((ctx) => {
  if (ctx.value.password !== ctx.value.confirm) {
    ctx.issues.push({ code: 'custom', message: 'passwordMismatch', path: ['confirm'], input: ctx.value.confirm });
  }
});

export const changePasswordSchema = object({
  current: string('required').check(minLength(1, 'required'), maxLength(PASSWORD_MAX, 'tooLong')),
  ...newPasswordFields,
}, 'invalid').check(passwordsMatch);

export type SignInInput = output<typeof signInSchema>;
export type ChangePasswordInput = output<typeof changePasswordSchema>;
