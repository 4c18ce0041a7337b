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
