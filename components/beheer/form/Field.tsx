'use client';

import { type ReactNode, useId } from 'react';

/**
 * A labelled form field with hint and error, wired for screen readers. `children` gets the ids to put on the control:
 * `<Field …>{(a11y) => <input {...a11y} {...register('x')} />}</Field>`.
 */
export function Field({
  label,
  hint,
  error,
  required,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; 'aria-required'?: boolean; className: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, 'aria-required': required || undefined, className: 'input' })}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The message above a form when the whole form was refused. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-800">
      {message}
    </div>
  );
}

export function SubmitButton({ pending, children, pendingText }: { pending: boolean; children: ReactNode; pendingText?: ReactNode }) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="btn-primary">
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
