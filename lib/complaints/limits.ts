/** Field limits and category codes of the complaint form; no validation library here, so pages can use them freely. */
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
} as const;

export const CATEGORY_CODES = ['trajectory', 'treatment', 'communication', 'privacy', 'other'] as const;
