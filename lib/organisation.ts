/** The organisation whose procedure this is, as published in its klachtenreglement (settings come with the back-office). */
export const ORGANISATION = {
  name: 'Bijstand naar Werk',
  phone: '06 20 76 36 88',
  email: 'info@bijstandnaarwerk.nl',
  postalAddress: 'Postbus 170, 5240 AD Rosmalen',
} as const;
