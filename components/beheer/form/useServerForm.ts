'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { ActionResult } from '@/lib/actions/pipeline';

/**
 * A back-office form: react-hook-form with the same zod schema the server action checks. The action's field errors
 * are shown next to the fields; a refusal for the whole form (forbidden, unavailable, or a `_form` rule) above them.
 */
export function useServerForm<S extends z.ZodMiniType<FieldValues, FieldValues>, T>(options: {
  schema: S;
  action: (values: z.input<S>) => Promise<ActionResult<T>>;
  defaultValues?: DefaultValues<z.input<S>>;
  onSuccess?: (data: T, values: z.output<S>) => void | Promise<void>;
  /** The message for "changed by {by} at {at}" (default: the complaint's, `beheer.common.conflict`). */
  conflictKey?: string;
}) {
  const t = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(options.schema as never) as never,
    defaultValues: options.defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    let result: ActionResult<T>;
    try {
      result = await options.action(values as z.input<S>);
    } catch {
      setFormError(t('beheer.common.unavailable'));
      return;
    }
    if (result.ok) {
      await options.onSuccess?.(result.data, values);
      return;
    }
    if (result.error === 'forbidden') return setFormError(t('beheer.common.forbidden'));
    if (result.error === 'unavailable') return setFormError(t('beheer.common.unavailable'));
    if (result.error === 'conflict' && result.conflict) {
      const at = CONFLICT_TIME.format(new Date(result.conflict.at));
      return setFormError(t((options.conflictKey ?? 'beheer.common.conflict') as 'beheer.common.conflict', { by: result.conflict.by, at }));
    }
    const messages: string[] = [];
    for (const [field, keys] of Object.entries(result.fieldErrors)) {
      const text = errorText(t, keys[0] ?? 'invalid');
      if (field === '_form') messages.push(text);
      else form.setError(field as Path<z.input<S>>, { type: 'server', message: keys[0] }, { shouldFocus: messages.length === 0 });
    }
    setFormError(messages.length ? messages.join(' ') : t('beheer.common.errorSummary'));
  });

  return { form, onSubmit, formError, setFormError, errorText: (key: string | undefined) => (key ? errorText(t, key) : undefined) };
}

export const CONFLICT_TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });

/** An error key (`tooLong`, `handlerInvolved`, …) as text: `errors.<key>` in the message files. */
export function errorText(t: ReturnType<typeof useTranslations>, key: string): string {
  return t.has(`errors.${key}`) ? t(`errors.${key}` as never) : t('errors.invalid');
}
