import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/beheer/ChangePasswordForm';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Wachtwoord wijzigen' };

export default async function ChangePasswordPage() {
  const actor = await requireActor('account.manage', { allowPasswordChange: true });
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.auth.password' });
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {actor.mustChangePassword ? <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3">{t('mustChange')}</p> : null}
      <ChangePasswordForm />
    </div>
  );
}
