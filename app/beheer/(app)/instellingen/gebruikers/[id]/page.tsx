import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/beheer/settings/ActionButton';
import { ActiveBadge, PageHeader, Section } from '@/components/beheer/settings/PageHeader';
import { ResetAccess } from '@/components/beheer/settings/ResetAccess';
import { UserDetailsForm } from '@/components/beheer/settings/UserDetailsForm';
import { UserRoleForm } from '@/components/beheer/settings/UserRoleForm';
import { getDb } from '@/db/client';
import { findUser, userReferences, usersWithOpenInvite } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { deleteUserAction, setUserActiveAction } from '@/lib/settings/actions';
import { formatDateTime, formatDay } from '@/lib/settings/format';

export const metadata: Metadata = { title: 'Gebruiker' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor('settings.manage');
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const user = await findUser(db, id);
  if (!user) notFound();
  const [references, invites] = await Promise.all([userReferences(db, [id]), usersWithOpenInvite(db, new Date())]);
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const tc = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  const self = user.id === actor.id;
  const openInvite = invites.get(user.id);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={user.name}
        back={{ href: '/beheer/instellingen/gebruikers', label: t('common.back', { section: t('nav.users').toLowerCase() }) }}
      />
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('users.email')}</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-semibold">{t('users.role')}</dt>
        <dd>{tc(`roles.${user.role}`)}</dd>
        <dt className="font-semibold">{t('common.status')}</dt>
        <dd>
          <ActiveBadge active={user.active} labels={{ active: t('common.active'), inactive: t('common.inactive') }} />
          {user.active && user.hasPassword && user.mustChangePassword ? <span className="ml-2 text-sm">{t('users.mustChange')}</span> : null}
        </dd>
        <dt className="font-semibold">{t('users.lastSignIn')}</dt>
        <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('common.never')}</dd>
        <dt className="font-semibold">{t('users.createdAt')}</dt>
        <dd>{formatDay(user.createdAt)}</dd>
      </dl>

      <Section title={t('users.detail.detailsTitle')} id="details">
        <UserDetailsForm userId={user.id} name={user.name} email={user.email} self={self} />
      </Section>

      {self ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3">{t('users.detail.self')}</p>
      ) : (
        <>
          <Section title={t('users.detail.roleTitle')} id="role">
            <UserRoleForm userId={user.id} role={user.role} />
          </Section>

          <Section title={t('users.detail.accessTitle')} id="access">
            {user.active ? (
              <>
                <p className="max-w-prose text-stone-700">{t('users.detail.accessBody')}</p>
                {openInvite ? <p className="text-sm text-stone-700">{t('users.detail.inviteOpen', { until: formatDateTime(openInvite) })}</p> : null}
                <ResetAccess userId={user.id} name={user.name} />
              </>
            ) : (
              <p className="text-stone-700">{t('users.detail.inactiveNoAccess')}</p>
            )}
          </Section>

          <Section title={t('users.detail.statusTitle')} id="status">
            <p className="max-w-prose text-stone-700">{user.active ? t('users.detail.activeBody') : t('users.detail.inactiveBody')}</p>
            {user.active ? (
              <ActionButton
                action={setUserActiveAction}
                input={{ userId: user.id, active: false }}
                variant="danger"
                confirm={{ question: t('common.confirm'), yes: t('common.yesDeactivate') }}
              >
                {t('common.deactivate')}
              </ActionButton>
            ) : (
              <ActionButton action={setUserActiveAction} input={{ userId: user.id, active: true }}>
                {t('common.reactivate')}
              </ActionButton>
            )}
          </Section>

          <Section title={t('users.detail.deleteTitle')} id="delete">
            {references.has(user.id) ? (
              <p className="max-w-prose text-stone-700">{t('users.detail.deleteNotPossible')}</p>
            ) : (
              <>
                <p className="max-w-prose text-stone-700">{t('users.detail.deleteBody')}</p>
                <ActionButton
                  action={deleteUserAction}
                  input={{ userId: user.id }}
                  variant="danger"
                  confirm={{ question: t('common.confirm'), yes: t('users.detail.yesDelete') }}
                  redirectTo="/beheer/instellingen/gebruikers?verwijderd=1"
                >
                  {t('users.detail.delete')}
                </ActionButton>
              </>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
