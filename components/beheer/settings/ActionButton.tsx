'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/pipeline';
import { errorText } from '@/components/beheer/form/useServerForm';
import { buttonDanger, buttonSecondary, buttonSmall } from './styles';

type Props = {
  /** A server action from lib/settings/actions.ts. */
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  input: unknown;
  children: ReactNode;
  /** Accessible name when the visible label is short (an arrow). */
  label?: string;
  variant?: 'secondary' | 'danger' | 'small';
  /** Ask first: the question and the confirming button's text. */
  confirm?: { question: string; yes: string };
  /** After success: go here (default: reload the page's data). */
  redirectTo?: string;
  disabled?: boolean;
};

/**
 * One button that runs one settings action (deactivate, move up, delete …) and shows its refusal next to it, in words.
 * With `confirm`, a second click on an explicit "Ja, …" button is needed.
 */
export function ActionButton({ action, input, children, label, variant = 'secondary', confirm, redirectTo, disabled }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const firstButton = useRef<HTMLButtonElement>(null);
  const className = variant === 'danger' ? buttonDanger : variant === 'small' ? buttonSmall : buttonSecondary;

  async function run() {
    setPending(true);
    setError(null);
    try {
      const result = await action(input);
      if (result.ok) {
        setAsking(false);
        if (redirectTo) router.push(redirectTo);
        router.refresh();
        return;
      }
      if (result.error === 'forbidden') setError(t('beheer.common.forbidden'));
      else if (result.error === 'unavailable') setError(t('beheer.common.unavailable'));
      else setError(errorText(t, Object.values(result.fieldErrors)[0]?.[0] ?? 'invalid'));
    } catch {
      setError(t('beheer.common.unavailable'));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="inline-flex flex-col items-start gap-1">
      {asking && confirm ? (
        <div role="group" aria-label={confirm.question} className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{confirm.question}</span>
          <button type="button" className={variant === 'small' ? buttonSmall : buttonDanger} onClick={run} disabled={pending} aria-describedby={error ? errorId : undefined}>
            {pending ? t('beheer.settings.common.busy') : confirm.yes}
          </button>
          <button
            type="button"
            className={variant === 'small' ? buttonSmall : buttonSecondary}
            onClick={() => {
              setAsking(false);
              setError(null);
              setTimeout(() => firstButton.current?.focus(), 0);
            }}
          >
            {t('beheer.settings.common.cancel')}
          </button>
        </div>
      ) : (
        <button
          ref={firstButton}
          type="button"
          className={className}
          aria-label={label}
          aria-describedby={error ? errorId : undefined}
          disabled={disabled || pending}
          onClick={() => (confirm ? setAsking(true) : run())}
        >
          {pending ? t('beheer.settings.common.busy') : children}
        </button>
      )}
      {error ? (
        <span id={errorId} role="alert" className="field-error max-w-md">
          {error}
        </span>
      ) : null}
    </div>
  );
}
