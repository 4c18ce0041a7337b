/** The sections of /beheer/instellingen, in menu order; labels under beheer.settings.nav.<key>. */
export const SETTINGS_SECTIONS = [
  { key: 'users', href: '/beheer/instellingen/gebruikers' },
  { key: 'categories', href: '/beheer/instellingen/categorieen' },
  { key: 'staff', href: '/beheer/instellingen/medewerkers' },
  { key: 'parties', href: '/beheer/instellingen/opdrachtgevers' },
  { key: 'organisation', href: '/beheer/instellingen/organisatie' },
  { key: 'terms', href: '/beheer/instellingen/termijnen' },
  { key: 'history', href: '/beheer/instellingen/geschiedenis' },
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]['key'];
