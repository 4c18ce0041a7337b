import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/auth/actions';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { NavLink } from './NavLink';

/** The back-office header: only the menu items the user's role may open. */
export async function BackofficeHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  const tPost = await getTranslations({ locale: 'nl', namespace: 'beheer.post' });
  const tPrivacy = await getTranslations({ locale: 'nl', namespace: 'beheer.privacy' });
  const items = [
    can(actor.role, 'complaints.read') && { href: '/beheer', label: t('nav.inbox'), exact: true },
    can(actor.role, 'complaints.register') && { href: '/beheer/klachten/nieuw', label: t('nav.register') },
    can(actor.role, 'measures.manage') && { href: '/beheer/maatregelen', label: t('nav.measures') },
    can(actor.role, 'reports.read') && { href: '/beheer/rapportage', label: t('nav.reports') },
    can(actor.role, 'reports.read') && { href: '/beheer/bewaartermijn', label: t('nav.retention') },
    can(actor.role, 'privacy.manage') && { href: '/beheer/privacy', label: tPrivacy('nav') },
    can(actor.role, 'settings.manage') && { href: '/beheer/instellingen', label: t('nav.settings') },
    can(actor.role, 'complaints.read') && { href: '/beheer/post', label: tPost('nav') },
  ].filter((item): item is { href: string; label: string; exact?: boolean } => Boolean(item));
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <Link href={can(actor.role, 'complaints.read') ? '/beheer' : '/beheer/instellingen'} className="flex items-center gap-2 font-bold text-brand-800">
            <span aria-hidden="true" className="inline-block h-7 w-7 rounded-md bg-brand-700 text-center leading-7 text-white">K</span>
            {t('appName')} <span className="font-normal text-stone-600">{t('backoffice')}</span>
          </Link>
          <nav aria-label={t('nav.label')}>
            <ul className="flex flex-wrap gap-1 text-sm">
              {items.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href} exact={item.exact}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/beheer/account" className="text-stone-700 underline-offset-4 hover:underline">
            <span className="sr-only">{t('nav.account')}: </span>
            {actor.name} <span className="text-stone-500">({t(`roles.${actor.role}`)})</span>
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-stone-300 px-3 py-1.5 text-stone-800 hover:bg-stone-100">
              {t('nav.signOut')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
