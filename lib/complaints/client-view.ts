import { amsterdamDate, isIsoDate, type IsoDate } from '@/lib/procedure/dates';
import { checkIncidentAge, clocksFor, type Extension, resolutionDue } from '@/lib/procedure/deadlines';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import {
  type ContractingPartyType,
  NOT_ADMISSIBLE_GROUNDS,
  type NotAdmissibleGround,
  OPEN_STATUSES,
  OUTCOMES,
  type Outcome,
  type Status,
} from '@/lib/procedure/vocabulary';

/**
 * What the client sees on their status page (`/status/[token]`): pure derivations from the complaint's current facts
 * and its history. The page only translates what these return. Nothing internal reaches the client: the timeline is
 * built from an allow-list of history actions, and from each entry only the fields the client's letters also state
 * (no staff notes, no names of staff, no involvement, assignment or recusal, no reasons for a reopen).
 */

export type ClientParty = { name: string; type: ContractingPartyType } | null;

/** The complaint's facts the status page follows. */
export type ClientFacts = {
  status: Status;
  receivedOn: IsoDate;
  terms: ProcedureTerms;
  incidentDate: IsoDate | null;
  incidentOngoing: boolean;
  /** The resolution due date set by the latest extension, if any. */
  resolutionExtendedTo: IsoDate | null;
  outcome: Outcome | null;
  notAdmissibleGround: NotAdmissibleGround | null;
  /** The contracting party linked to the complaint (named in the letters), if any. */
  party: ClientParty;
  /** The day of the current outcome (the term to react to it runs from here: lib/procedure/satisfaction.ts). */
  resolvedOn?: IsoDate | null;
  /** The client's judgement of the outcome in force (null: not given) and whether they asked us to forward it. */
  satisfied?: boolean | null;
  forwardRequested?: boolean;
};

/** A history entry as loaded for the client (db/client-status.ts); `reason` and `details` are filtered here. */
export type ClientHistoryRow = { action: string; at: Date; reason: string | null; details: Record<string, unknown> | null };

/** The history actions a client may see; everything else (assigned, recused, involved_*, copy_sent …) is internal. */
export const CLIENT_HISTORY_ACTIONS = [
  'received',
  'registered',
  'acknowledged',
  'info_requested',
  'info_received',
  'hearing_planned',
  'hearing_held',
  'extended',
  'resolved',
  'not_admissible',
  'withdrawn',
  'escalated',
  'closed_by_party',
  'reopened',
  // The client's own reactions on the status page (what they did themself).
  'satisfaction_given',
  'forward_requested',
] as const;

export type ClientMeasure = { description: string; dueOn: IsoDate | null; done: boolean | null };

export type TimelineEntry =
  | { kind: 'received'; on: IsoDate }
  | { kind: 'acknowledged'; on: IsoDate; medium: 'email' | 'post' | null }
  | { kind: 'question'; on: IsoDate; question: string | null; answerBy: IsoDate | null }
  | { kind: 'answered'; on: IsoDate }
  | { kind: 'hearingPlanned'; on: IsoDate; hearingOn: IsoDate | null; time: string | null; place: string | null }
  | { kind: 'hearingHeld'; on: IsoDate }
  | { kind: 'extended'; on: IsoDate; newDue: IsoDate | null; reason: string | null }
  | { kind: 'outcome'; on: IsoDate; outcome: Outcome | null; findings: string | null; judgement: string | null; measures: ClientMeasure[] }
  | { kind: 'escalated'; on: IsoDate; party: string | null }
  | { kind: 'closedByParty'; on: IsoDate }
  | { kind: 'notAdmissible'; on: IsoDate; ground: NotAdmissibleGround | null; reason: string | null }
  | { kind: 'withdrawn'; on: IsoDate; reason: string | null }
  | { kind: 'reopened'; on: IsoDate }
  | { kind: 'satisfaction'; on: IsoDate; satisfied: boolean | null }
  | { kind: 'forwardRequested'; on: IsoDate };

export type TimelineKind = TimelineEntry['kind'];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const date = (value: unknown): IsoDate | null => (typeof value === 'string' && isIsoDate(value) ? value : null);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  values.includes(value as T) ? (value as T) : null;

/** The measures as the outcome letter stated them; older entries only kept the descriptions. */
function measuresOf(details: Record<string, unknown>): ClientMeasure[] {
  const stated = details.measureStates;
  if (Array.isArray(stated)) {
    return stated.flatMap((m) => {
      const row = m as Record<string, unknown>;
      const description = text(row?.description);
      return description ? [{ description, dueOn: date(row.dueOn), done: typeof row.done === 'boolean' ? row.done : null }] : [];
    });
  }
  const described = details.measures;
  if (!Array.isArray(described)) return [];
  return described.flatMap((d) => (text(d) ? [{ description: d as string, dueOn: null, done: null }] : []));
}

/** One history entry in the client's words, or null when it is not for the client. */
export function timelineEntry(row: ClientHistoryRow): TimelineEntry | null {
  const on = amsterdamDate(row.at);
  const d = row.details ?? {};
  switch (row.action) {
    case 'received':
    case 'registered':
      return { kind: 'received', on: date(d.receivedOn) ?? on };
    case 'acknowledged':
      return { kind: 'acknowledged', on, medium: oneOf(['email', 'post'] as const, d.medium) };
    case 'info_requested':
      return { kind: 'question', on, question: text(d.question), answerBy: date(d.answerBy) };
    case 'info_received':
      return { kind: 'answered', on: date(d.answeredOn) ?? on };
    case 'hearing_planned':
      return { kind: 'hearingPlanned', on, hearingOn: date(d.on), time: text(d.time), place: text(d.place) };
    case 'hearing_held':
      return { kind: 'hearingHeld', on: date(d.heldOn) ?? on };
    case 'extended':
      return { kind: 'extended', on, newDue: date(d.newDue), reason: text(row.reason) };
    case 'resolved':
      return {
        kind: 'outcome',
        on,
        outcome: oneOf(OUTCOMES, d.outcome),
        findings: text(row.reason),
        judgement: text(d.judgement),
        measures: measuresOf(d),
      };
    case 'escalated':
      return { kind: 'escalated', on, party: text(d.contractingPartyName) };
    case 'closed_by_party':
      return { kind: 'closedByParty', on: date(d.receivedOn) ?? on };
    case 'not_admissible':
      return { kind: 'notAdmissible', on, ground: oneOf(NOT_ADMISSIBLE_GROUNDS, d.ground), reason: text(row.reason) };
    case 'withdrawn':
      return { kind: 'withdrawn', on: date(d.withdrawnOn) ?? on, reason: text(row.reason) };
    case 'reopened':
      return { kind: 'reopened', on };
    case 'satisfaction_given':
      return { kind: 'satisfaction', on, satisfied: typeof d.satisfied === 'boolean' ? d.satisfied : null };
    case 'forward_requested':
      return { kind: 'forwardRequested', on };
    default:
      return null;
  }
}

/** The client's timeline, oldest first (the rows come in history order). */
export function clientTimeline(rows: readonly ClientHistoryRow[]): TimelineEntry[] {
  return rows.flatMap((row) => {
    const entry = timelineEntry(row);
    return entry ? [entry] : [];
  });
}

/** A line in the client's "dates" list. */
export type ClientDate =
  | { key: 'received'; date: IsoDate }
  | { key: 'ackBy' | 'ackSent' | 'noticeBy' | 'decisionBy' | 'decidedOn' | 'notHandledOn' | 'withdrawnOn' | 'escalatedOn' | 'closedByPartyOn'; date: IsoDate }
  | { key: 'decisionByExtended'; date: IsoDate; originalDate: IsoDate };

export type ClientView = {
  status: Status;
  open: boolean;
  dates: ClientDate[];
  /** The question the client still has to answer (status info_requested). */
  openQuestion: { question: string | null; answerBy: IsoDate | null } | null;
  /** The client answered our last question and the complaint is still open: the page says the answer came in. */
  answerReceived: { on: IsoDate } | null;
  /** Our decision, while it stands (resolved, escalated, closed by the party). */
  outcome: Outcome | null;
  /** The route onward after a decision or a refusal: the contracting party, named when known. */
  routeOnward: { party: ClientParty } | null;
  /** Where the complaint was forwarded to (escalated, closed by the party). */
  forwardedTo: string | null;
  notAdmissible: { ground: NotAdmissibleGround | null; reason: string | null } | null;
  /** After a decision: the client's judgement of it in force, and whether they asked us to forward the complaint. */
  judgement: { satisfied: boolean | null; forwardRequested: boolean } | null;
  timeline: TimelineEntry[];
};

const lastOf = <K extends TimelineKind>(timeline: readonly TimelineEntry[], kind: K) =>
  timeline.findLast((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind);

/** Everything the status page shows, from the complaint's current facts and its history. */
export function clientView(facts: ClientFacts, history: readonly ClientHistoryRow[]): ClientView {
  const timeline = clientTimeline(history);
  const { status } = facts;
  const open = OPEN_STATUSES.includes(status);
  const extensions: Extension[] = facts.resolutionExtendedTo ? [{ newDue: facts.resolutionExtendedTo }] : [];
  const clocks = clocksFor(facts.receivedOn, facts.terms, extensions);
  const dates: ClientDate[] = [{ key: 'received', date: facts.receivedOn }];

  const acknowledged = lastOf(timeline, 'acknowledged');
  if (status === 'received') dates.push({ key: 'ackBy', date: clocks.acknowledgement.due });
  else if (acknowledged) dates.push({ key: 'ackSent', date: acknowledged.on });

  if (open) {
    const incident = facts.incidentOngoing || !facts.incidentDate ? ({ ongoing: true } as const) : ({ ongoing: false, date: facts.incidentDate } as const);
    if (checkIncidentAge(facts.receivedOn, incident, facts.terms).olderThanLimit) dates.push({ key: 'noticeBy', date: clocks.notAdmissibleNotice.due });
    if (facts.resolutionExtendedTo) {
      dates.push({ key: 'decisionByExtended', date: clocks.resolution.due, originalDate: resolutionDue(facts.receivedOn, facts.terms) });
    } else {
      dates.push({ key: 'decisionBy', date: clocks.resolution.due });
    }
  }

  const decided = status === 'resolved' || status === 'escalated' || status === 'closed_by_party';
  const outcomeEntry = lastOf(timeline, 'outcome');
  if (decided && outcomeEntry) dates.push({ key: 'decidedOn', date: outcomeEntry.on });

  const escalated = lastOf(timeline, 'escalated');
  const forwarded = status === 'escalated' || status === 'closed_by_party';
  if (forwarded && escalated) dates.push({ key: 'escalatedOn', date: escalated.on });
  const closedByParty = lastOf(timeline, 'closedByParty');
  if (status === 'closed_by_party' && closedByParty) dates.push({ key: 'closedByPartyOn', date: closedByParty.on });

  const refused = lastOf(timeline, 'notAdmissible');
  if (status === 'not_admissible' && refused) dates.push({ key: 'notHandledOn', date: refused.on });
  const withdrawn = lastOf(timeline, 'withdrawn');
  if (status === 'withdrawn' && withdrawn) dates.push({ key: 'withdrawnOn', date: withdrawn.on });

  const question = lastOf(timeline, 'question');
  const lastQuestionAt = timeline.findLastIndex((e) => e.kind === 'question');
  const lastAnswerAt = timeline.findLastIndex((e) => e.kind === 'answered');
  const answered = lastOf(timeline, 'answered');
  return {
    status,
    open,
    dates,
    openQuestion: status === 'info_requested' ? { question: question?.question ?? null, answerBy: question?.answerBy ?? null } : null,
    answerReceived: open && status !== 'info_requested' && answered && lastAnswerAt > lastQuestionAt ? { on: answered.on } : null,
    outcome: decided ? facts.outcome : null,
    routeOnward: status === 'resolved' || status === 'not_admissible' ? { party: facts.party } : null,
    forwardedTo: forwarded ? (escalated?.party ?? facts.party?.name ?? null) : null,
    notAdmissible:
      status === 'not_admissible' ? { ground: facts.notAdmissibleGround ?? refused?.ground ?? null, reason: refused?.reason ?? null } : null,
    judgement: decided ? { satisfied: facts.satisfied ?? null, forwardRequested: facts.forwardRequested ?? false } : null,
    timeline,
  };
}
