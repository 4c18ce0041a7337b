/** The procedure's fixed vocabularies. Labels live in the message files under lib/i18n/messages. */

export const CHANNELS = ['online', 'phone', 'email', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = [
  'received',
  'acknowledged',
  'in_progress',
  'info_requested',
  'resolved',
  'escalated',
  'closed_by_party',
  'not_admissible',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly Status[] = ['received', 'acknowledged', 'in_progress', 'info_requested'];

export const CONTRACTING_PARTY_TYPES = ['employer', 'municipality', 'uwv'] as const;
export type ContractingPartyType = (typeof CONTRACTING_PARTY_TYPES)[number];

/** What the client may answer for "who is the contracting party". */
export const CLIENT_CONTRACTING_PARTY_CHOICES = [...CONTRACTING_PARTY_TYPES, 'unknown'] as const;
export type ClientContractingPartyChoice = (typeof CLIENT_CONTRACTING_PARTY_CHOICES)[number];

export const ROLES = ['admin', 'manager', 'handler'] as const;
export type Role = (typeof ROLES)[number];

export const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
