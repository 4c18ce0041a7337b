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

/**
 * The published procedure of Bijstand naar Werk (../shared/klachtenreglement.txt). Each number and its source:
 * - acknowledgementDays 14: "binnen 2 weken bericht van ontvangst".
 * - notAdmissibleNoticeDays 28: "uiterlijk binnen 4 weken na ontvangstdatum" with the reason.
 * - resolutionDays 42: "binnen 6 weken na de ontvangstdatum".
 * - incidentLimitMonths 12: not handled when it happened "langer dan een jaar voor indiening".
 * - maxExtensionDays 28, extensionsWithoutConsent 1: the reglement allows a reasoned extension without a limit; we
 *   follow Awb 9:11 (2) and (3) as its ceiling: one extension of at most four weeks, more only with consent.
 * - retentionMonths 24: our own privacy choice (AVG art. 5 (1)(e): no longer than needed), not from the reglement.
 * - dataRequestMonths 1: AVG art. 12 (3), a request for access or erasure is answered within one month.
 */
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
 * Algemene wet bestuursrecht, chapter 9 (complaints about an administrative body's conduct), for organisations that
 * follow the law's own terms. Each number and its source:
 * - acknowledgementDays 14: Awb 9:6 only says the receipt is confirmed in writing, without a term. We keep two weeks
 *   so that the acknowledgement still has a due date that can be watched; it is our choice, not the law's.
 * - notAdmissibleNoticeDays 28: Awb 9:8 (3), the notice that a complaint is not handled goes out "zo spoedig mogelijk
 *   doch uiterlijk binnen vier weken na ontvangst van het klaagschrift".
 * - resolutionDays 42: Awb 9:11 (1), six weeks after receipt (ten weeks when an advisory committee of
 *   afdeling 9.1.3 hears the complaint; this preset is for handling without one).
 * - maxExtensionDays 28: Awb 9:11 (2), the handling may be postponed by at most four weeks, in writing to the client
 *   and to the person complained about.
 * - extensionsWithoutConsent 1: Awb 9:11 (3), any further delay only when the client agrees in writing.
 * - incidentLimitMonths 12: Awb 9:8 (1)(b), no obligation to handle conduct more than a year before the complaint.
 * - retentionMonths 24: chapter 9 sets no retention period; our privacy default (AVG art. 5 (1)(e)).
 * - dataRequestMonths 1: AVG art. 12 (3), not chapter 9.
 * The numbers equal the Bijstand naar Werk preset: its reglement follows the Awb's terms. What differs is the
 * source each term rests on (and the extension limits, which the reglement leaves open).
 */
const awb: ProcedureTerms = {
  acknowledgementDays: 14,
  notAdmissibleNoticeDays: 28,
  resolutionDays: 42,
  incidentLimitMonths: 12,
  maxExtensionDays: 28,
  extensionsWithoutConsent: 1,
  retentionMonths: 24,
  dataRequestMonths: 1,
};

export const PRESET_IDS = ['bijstand-naar-werk', 'awb'] as const satisfies readonly PresetId[];

export const PRESETS: Record<PresetId, ProcedureTerms> = {
  'bijstand-naar-werk': bijstandNaarWerk,
  awb,
};

export const DEFAULT_PRESET: PresetId = 'bijstand-naar-werk';
export const DEFAULT_TERMS: ProcedureTerms = PRESETS[DEFAULT_PRESET];

/** The procedure's time zone: all dates are calendar dates here. */
export const PROCEDURE_TIME_ZONE = 'Europe/Amsterdam';

/**
 * How long after the outcome the client can tell us on their status page whether it satisfies them, change that
 * judgement, and ask us to forward the complaint to the contracting party (lib/procedure/satisfaction.ts): calendar
 * days after the day of the outcome. Neither the reglement nor Awb chapter 9 sets a term for this (the reglement only
 * says a client who is not satisfied can take the complaint to the contracting party); we chose four weeks, the
 * procedure's own rhythm (the not-admissible notice, the longest extension). It ends earlier when the complaint is
 * escalated or reopened. A fixed rule of the product, not a per-organisation setting: it is not copied onto each
 * complaint, and the client can always go to the contracting party themself, also after it.
 */
export const CLIENT_REACTION_DAYS = 28;
