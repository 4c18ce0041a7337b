import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/beheer/AuthCard';
import { AcceptInviteForm } from '@/components/beheer/settings/AcceptInviteForm';
import { getDb } from '@/db/client';
import { findInviteByHash } from '@/db/settings';
import { inviteState } from '@/lib/settings/credentials';
import { INVITE_TOKEN_PATTERN } from '@/lib/settings/schemas';
import { hashToken } from '@/lib/server/tokens';

export const metadata: Metadata = { title: 'Uitnodiging' };
export const dynamic = 'force-dynamic';

/** Public: a new user follows the invitation link from their mail and chooses a password. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer' });
  const invite = INVITE_TOKEN_PATTERN.test(token) ? await findInviteByHash(await getDb(), hashToken(token)) : null;
  const state = invite ? inviteState(invite, new Date()) : 'invalid';
  const problem = state === 'valid' ? null : `invite${state[0]!.toUpperCase()}${state.slice(1)}`;
  const te = await getTranslations({ locale: 'nl', namespace: 'errors' });
  return (
    <AuthCard>
      {problem || !invite ? (
        <>
          <h1 className="text-2xl font-bold">{t('settings.invite.invalidTitle')}</h1>
          <p className="mt-3 text-stone-800" data-testid="invite-problem">
            {te(problem as never)}
          </p>
          <Link href="/beheer/inloggen" className="mt-4 inline-block font-semibold text-brand-700 underline">
            {t('settings.invite.toSignIn')}
          </Link>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t('settings.invite.title')}</h1>
          <p className="mt-2 text-stone-700">{t('settings.invite.welcome', { name: invite.userName, email: invite.userEmail })}</p>
          <AcceptInviteForm token={token} email={invite.userEmail} />
        </>
      )}
    </AuthCard>
  );
}
