/** The organisation's details as letters, mails and the public pages use them (the organisation_settings row). */
export type Organisation = {
  name: string;
  phone: string;
  email: string;
  postalAddress: string;
  website: string | null;
  /** Closing lines of Dutch letters, e.g. "Met vriendelijke groet,\nKlachtloket …". */
  signature: string;
};

/**
 * The organisation whose procedure this is, as published in its klachtenreglement: the defaults for the organisation
 * settings, and the fallback whenever the stored row is missing (admins edit it under /beheer/instellingen/organisatie).
 */
export const DEFAULT_ORGANISATION: Organisation = {
  name: 'Bijstand naar Werk',
  phone: '06 20 76 36 88',
  email: 'info@bijstandnaarwerk.nl',
  postalAddress: 'Postbus 170, 5240 AD Rosmalen',
  website: 'https://www.bijstandnaarwerk.nl',
  signature: 'Met vriendelijke groet,\nKlachtloket Bijstand naar Werk',
};

/** A display name as RFC 5322 wants it: quoted when it holds characters with a meaning in an address. */
function displayName(name: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  return /[",;:<>@()[\]\\.]/.test(clean) ? `"${clean.replace(/(["\\])/g, '\\$1')}"` : clean;
}

/**
 * The sender of outgoing mail. `MAIL_FROM` with a display name ("Name <address>") is taken as it is (the operator
 * chose it); a bare `MAIL_FROM` address (a domain verified at the mail service) gets the organisation's name; without
 * `MAIL_FROM` the organisation's own name and e-mail address are used.
 */
export function mailSender(organisation: Pick<Organisation, 'name' | 'email'>, mailFrom: string | undefined): string {
  const configured = mailFrom?.trim();
  if (configured && configured.includes('<')) return configured;
  return `${displayName(organisation.name)} <${configured || organisation.email}>`;
}
