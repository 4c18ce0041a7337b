'use client';

import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A group of radio buttons with a legend, a hint per option and the group's error, wired for screen readers.
 * `inline`: short options side by side (e.g. phone / e-mail / post).
 */
export function RadioGroup({
  legend,
  hint,
  error,
  options,
  register,
  inline = false,
}: {
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  register: UseFormRegisterReturn;
  inline?: boolean;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {legend}
        <span aria-hidden="true" className="text-red-700"> *</span>
      </legend>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      <div className={inline ? 'mt-2 flex flex-wrap gap-2' : 'mt-2 space-y-2'}>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-md border border-stone-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              value={option.value}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
              aria-labelledby={`${id}-${option.value}-label`}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
              {...register}
            />
            <span>
              <span id={`${id}-${option.value}-label`} className="font-semibold">
                {option.label}
              </span>
              {option.hint ? (
                <span id={`${id}-${option.value}-hint`} className="block text-sm text-stone-700">
                  {option.hint}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
