'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorText } from '@/components/beheer/form/useServerForm';
import { resetUserPasswordAction } from '@/lib/settings/actions';
import type { UserCreationMethod } from '@/lib/settings/schemas';
import type { IssuedCredentials } from '@/lib/settings/users';
import { CredentialsPanel } from './CredentialsPanel';
import { buttonSecondary } from './styles';

/** New access for a user who lost it: a one-time password or a new invitation link, shown once. */
export function ResetAccess({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [issued, setIssued] = useState<IssuedCredentials | null>(null);
  const [pending, setPending] = useState<UserCreationMethod | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reset(method: UserCreationMethod) {
    setPending(method);
    setError(null);
    try {
      const result = await resetUserPasswordAction({ userId, method });
      if (result.ok) {
        setIssued(result.data);
        router.refresh();
      } else if (result.error === 'forbidden') setError(t('beheer.common.forbidden'));
      else if (result.error === 'unavailable') setError(t('beheer.common.unavailable'));
      else setError(errorText(t, Object.values(result.fieldErrors)[0]?.[0] ?? 'invalid'));
    } catch {
      setError(t('beheer.common.unavailable'));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-4">
      {issued ? <CredentialsPanel credentials={issued} title={t('beheer.settings.users.credentials.resetTitle', { name })} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="button" className={buttonSecondary} disabled={pending !== null} onClick={() => reset('password')}>
          {pending === 'password' ? t('beheer.settings.common.busy') : t('beheer.settings.users.detail.newPassword')}
        </button>
        <button type="button" className={buttonSecondary} disabled={pending !== null} onClick={() => reset('invite')}>
          {pending === 'invite' ? t('beheer.settings.common.busy') : t('beheer.settings.users.detail.newInvite')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
