/** Field limits of the complaint form; no validation library here, so pages can use them freely. */
export const LIMITS = {
  name: 200,
  email: 254,
  street: 200,
  postcode: 7,
  city: 100,
  phone: 30,
  staffOther: 200,
  descriptionMin: 10,
  description: 5000,
  desiredOutcome: 2000,
  partyName: 200,
  /** Category codes are managed by the admin; the server checks the code is an active category. */
  categoryCode: 50,
  /** The reference typed into the lost-link form (KL-2026-0042, with some room for spaces). */
  reference: 20,
} as const;
