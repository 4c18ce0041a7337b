import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { NavLink } from '@/components/beheer/NavLink';
import { SETTINGS_SECTIONS } from '@/components/beheer/settings/sections';

/** The settings area: a menu of its sections beside (or, on small screens, above) the page. Each page checks access itself. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.nav' });
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label={t('label')} className="lg:pt-1">
        <ul className="flex flex-wrap gap-1 text-sm lg:flex-col">
          <li>
            <NavLink href="/beheer/instellingen" exact>
              {t('overview')}
            </NavLink>
          </li>
          {SETTINGS_SECTIONS.map((section) => (
            <li key={section.key}>
              <NavLink href={section.href}>{t(section.key)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
