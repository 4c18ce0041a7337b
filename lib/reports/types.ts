import type { IsoDate } from '@/lib/procedure/dates';
import type { Clock } from '@/lib/procedure/deadlines';
import type {
  Channel,
  ContractingPartyType,
  MeasureStatus,
  NotAdmissibleGround,
  Outcome,
} from '@/lib/procedure/vocabulary';

/**
 * The management report (dashboard `/beheer/rapportage` and the annual register): the figures for one period, as the
 * data layer (`db/reports.ts` `loadReport`) returns them. Plain data: no labels (the UI translates keys) and no links
 * (the UI builds them with `drillDownHref` in lib/reports/drilldown.ts), so the same figures serve the dashboard, the
 * annual register and the PDF.
 *
 * Every date is a calendar date in Europe/Amsterdam. A period is inclusive at both ends.
 *
 * Which complaints each figure counts:
 * - "received in the period": `received_on` between `from` and `to` (the day the complaint reached us; a complaint
 *   submitted on 31 December at 23:30 Amsterdam time was received on 31 December).
 * - volume, nature and outcomes count the complaints received in the period (a cohort), by their state now.
 * - `closedInPeriod` counts the complaints whose current closure (resolved, not admissible, withdrawn; escalation keeps
 *   the resolution's date) falls in the period, whenever they were received.
 * - timeliness counts per clock the complaints whose due date on that clock fell in the period (see `ClockTimeliness`).
 * - measures count the whole register as it is now (not bound to the period), except `effect`, which is per measure.
 */
export type Period = { from: IsoDate; to: IsoDate };

/** Bars per week (period up to 92 days) or per month (longer periods). */
export type Granularity = 'week' | 'month';

export type VolumeBucket = {
  /** First day of the week (Monday) or month, clipped to the period's start. */
  start: IsoDate;
  /** Complaints received in this bucket, by channel. */
  byChannel: Record<Channel, number>;
  total: number;
};

export type ClockTimeliness = {
  /**
   * Complaints whose due date on this clock fell in the period and whose clock is judged: it stopped (the step was
   * taken), or it is still running past its due date. `onTime + late = judged`.
   */
  judged: number;
  onTime: number;
  late: number;
  /** Due in the period, not yet taken and not yet past due (a period that reaches into the future). */
  pending: number;
};

export type CountBy<K> = { key: K; count: number }[];

/** "Did it help?": complaints of the measure's category received in the 6 months before vs after it was done. */
export type MeasureEffect = {
  measureId: number;
  description: string;
  categoryCode: string;
  doneOn: IsoDate;
  /** Received in [doneOn − 6 months, doneOn). */
  before: number;
  /** Received in (doneOn, doneOn + 6 months]; counted up to today when that window has not ended yet. */
  after: number;
  /** False while the 6 months after are not over: `after` covers only `afterDays` days then. */
  afterComplete: boolean;
  afterDays: number;
};

export type ReportOutcomeKey = Outcome | 'not_admissible' | 'withdrawn' | 'open';

export type ReportData = {
  period: Period;
  volume: {
    granularity: Granularity;
    buckets: VolumeBucket[];
    received: number;
    receivedByChannel: Record<Channel, number>;
    /** Open now (received, acknowledged, in progress, information requested), whenever received. */
    openNow: number;
    closedInPeriod: number;
  };
  nature: {
    /** Every category (also those with 0), in the categories' sort order; key = category code. */
    byCategory: { code: string; nameNl: string; nameEn: string; count: number }[];
    /** Team of the staff member the complaint is about; null = no known staff member or no team. Largest first. */
    byTeam: CountBy<string | null>;
    /** The linked contracting party's type, else what the client chose; 'unknown' when neither says. */
    byPartyType: CountBy<ContractingPartyType | 'unknown'>;
    /** The 10 linked contracting parties with the most complaints (ties by name). */
    topParties: { id: number; name: string; type: ContractingPartyType; count: number }[];
  };
  outcomes: {
    /** The current outcome of the complaints received in the period; 'open' = not decided yet. Every key present. */
    byOutcome: Record<ReportOutcomeKey, number>;
    notAdmissibleByGround: Record<NotAdmissibleGround, number>;
    /** Escalated to the contracting party (status escalated or closed by party). */
    escalated: number;
    /** Of those, the party's response is recorded (closed by party). */
    partyResponded: number;
  };
  timeliness: {
    acknowledgement: ClockTimeliness;
    notAdmissibleNotice: ClockTimeliness;
    /** Judged against the due date in force (after extensions). */
    resolution: ClockTimeliness;
    /** Of the complaints with their resolution due in the period: how many were extended, how many more than once. */
    extensions: { of: number; extended: number; extendedTwiceOrMore: number };
    /** Calendar days from receipt to outcome (resolved), over complaints resolved in the period. */
    daysToOutcome: { count: number; median: number | null; p90: number | null };
    /** Per clock, complaints running past their due date today (as the inbox counts them for a manager). */
    overdueNow: Record<Clock, number>;
  };
  measures: {
    byStatus: Record<MeasureStatus, number>;
    /** Planned or in progress with a due date before today. */
    overdue: number;
    /** Done measures with a category, newest first (at most 20). */
    effect: MeasureEffect[];
  };
  /**
   * The clients' judgement of our decision on their status page, over the complaints received in the period (the
   * judgement in force now; a reopen clears it). Share satisfied = satisfied / answered.
   */
  satisfaction: {
    /** With a decision now (resolved, escalated, closed by the party): the clients who could answer. */
    decided: number;
    /** Said satisfied or not satisfied. */
    answered: number;
    satisfied: number;
    /** Not satisfied and asked us to forward the complaint to the contracting party. */
    forwardRequested: number;
    /** Every category (also those with 0), in the categories' sort order. */
    byCategory: { code: string; nameNl: string; nameEn: string; decided: number; answered: number; satisfied: number; forwardRequested: number }[];
  };
};

/**
 * What a number on the dashboard stands for, as an inbox filter: `drillDownHref(period, selection)` gives the inbox URL
 * (all statuses, received in the period, plus this selection) that lists exactly the complaints behind the number.
 */
export type DrillDown =
  | { kind: 'received' }
  | { kind: 'channel'; channel: Channel }
  | { kind: 'bucket'; start: IsoDate; end: IsoDate; channel?: Channel }
  | { kind: 'category'; code: string }
  | { kind: 'team'; team: string | null }
  | { kind: 'partyType'; type: ContractingPartyType | 'unknown' }
  | { kind: 'party'; id: number }
  | { kind: 'outcome'; outcome: ReportOutcomeKey }
  | { kind: 'ground'; ground: NotAdmissibleGround }
  | { kind: 'escalated' }
  | { kind: 'partyResponded' }
  /** Due on this clock in the period and late (or, with `pending`, still running before its due date). */
  | { kind: 'late'; clock: Clock; pending?: boolean }
  | { kind: 'overdueNow'; clock: Clock };
