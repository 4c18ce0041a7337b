/**
 * The organisation whose procedure this is, as published in its klachtenreglement: the defaults for the organisation
 * settings (admins edit them in the back-office; letters and the public pages use the stored ones).
 */
export const DEFAULT_ORGANISATION = {
  name: 'Bijstand naar Werk',
  phone: '06 20 76 36 88',
  email: 'info@bijstandnaarwerk.nl',
  postalAddress: 'Postbus 170, 5240 AD Rosmalen',
  website: 'https://www.bijstandnaarwerk.nl',
  signature: 'Met vriendelijke groet,\nKlachtloket Bijstand naar Werk',
};

/** Used until the settings are read from the database everywhere. */
export const ORGANISATION = DEFAULT_ORGANISATION;
