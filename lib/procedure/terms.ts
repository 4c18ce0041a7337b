/**
 * The procedure's terms: the one place where the 14 / 28 / 42 days, the one-year rule, the extension limits and
 * the retention period live. Every complaint keeps a copy of the terms it was received under.
 */
export type ProcedureTerms = {
  /** Written acknowledgement, in calendar days after receipt. */
  acknowledgementDays: number;
  /** Notice that a complaint is not handled (with reasons), in calendar days after receipt. */
  notAdmissibleNoticeDays: number;
  /** Resolution, in calendar days after receipt. */
  resolutionDays: number;
  /** Conduct longer ago than this many months before the complaint was filed is not handled. */
  incidentLimitMonths: number;
  /** The longest single extension of the resolution term, in calendar days. */
  maxExtensionDays: number;
  /** How many extensions are allowed without the client's recorded consent. */
  extensionsWithoutConsent: number;
  /** Closed complaints are anonymised this many months after closing. */
  retentionMonths: number;
  /** Requests for access or erasure of personal data are answered within this many months. */
  dataRequestMonths: number;
};

export type PresetId = 'bijstand-naar-werk' | 'awb';

/** The published procedure of Bijstand naar Werk (klachtenreglement.txt): 2 weeks, 4 weeks, 6 weeks, one year. */
const bijstandNaarWerk: ProcedureTerms = {
  acknowledgementDays: 14,
  notAdmissibleNoticeDays: 28,
  resolutionDays: 42,
  incidentLimitMonths: 12,
  maxExtensionDays: 28,
  extensionsWithoutConsent: 1,
  retentionMonths: 24,
  dataRequestMonths: 1,
};

/**
 * Awb chapter 9: acknowledgement "in writing" (no fixed term, we keep two weeks), 9:8 one year, 9:11 six weeks
 * plus at most four weeks, further only with the client's consent.
 */
const awb: ProcedureTerms = { ...bijstandNaarWerk };

export const PRESETS: Record<PresetId, ProcedureTerms> = {
  'bijstand-naar-werk': bijstandNaarWerk,
  awb,
};

export const DEFAULT_PRESET: PresetId = 'bijstand-naar-werk';
export const DEFAULT_TERMS: ProcedureTerms = PRESETS[DEFAULT_PRESET];

/** The procedure's time zone: all dates are calendar dates here. */
export const PROCEDURE_TIME_ZONE = 'Europe/Amsterdam';
