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

/** Why a complaint is not handled: the one-year rule (reglement) and the grounds of Awb 9:8 (1). */
export const NOT_ADMISSIBLE_GROUNDS = [
  'incident_older_than_limit',
  'handled_before',
  'objection_or_appeal',
  'criminal_investigation',
  'interest_too_small',
] as const;
export type NotAdmissibleGround = (typeof NOT_ADMISSIBLE_GROUNDS)[number];

/** Why no hearing is held (Awb 9:10 (2)): the client waived it, the complaint is clearly unfounded, or no reaction came in time. */
export const HEARING_SKIP_GROUNDS = ['waived', 'clearly_unfounded', 'no_reaction'] as const;
export type HearingSkipGround = (typeof HEARING_SKIP_GROUNDS)[number];

/** Where a complaint's hearing stands. */
export const HEARING_STATES = ['planned', 'held', 'skipped'] as const;
export type HearingState = (typeof HEARING_STATES)[number];

/**
 * A measure taken or planned after complaints (the register of DESIGN rule 10): planned → in progress → done (with the
 * day it was done), or dropped (with a written reason).
 */
export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
/** What a measure recorded at a complaint's resolution can be: dropping one needs a reason, in the measures register. */
export const NEW_MEASURE_STATUSES = ['planned', 'in_progress', 'done'] as const satisfies readonly MeasureStatus[];

/** How staff received something from the client or sent something out by hand. */
export const CONTACT_MEDIA = ['phone', 'email', 'post', 'in_person'] as const;
export type ContactMedium = (typeof CONTACT_MEDIA)[number];
