import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/beheer/AuthCard';
import { SignInForm } from '@/components/beheer/SignInForm';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { homeFor, safeCallbackPath } from '@/lib/auth/policy';

export const metadata: Metadata = { title: 'Inloggen' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ terug?: string; uitgelogd?: string }> }) {
  const { terug, uitgelogd } = await searchParams;
  // Already signed in: straight on. When the database does not answer, the form (signing in then says "try again").
  const actor = await currentActor().catch(() => null);
  if (actor) redirect(homeFor(actor.role));
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer' });
  return (
    <AuthCard>
      <h1 className="text-2xl font-bold">{t('auth.signIn.title')}</h1>
      <p className="mt-2 text-stone-700">{t('auth.signIn.intro')}</p>
      {uitgelogd ? (
        <p role="status" className="mt-4 rounded-md bg-brand-50 px-4 py-2 text-brand-900">
          {t('auth.signIn.signedOut')}
        </p>
      ) : null}
      <SignInForm returnTo={safeCallbackPath(terug) ?? ''} />
    </AuthCard>
  );
}
