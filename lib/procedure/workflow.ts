import { compareIsoDates, type IsoDate, addCalendarDays } from './dates';
import type { ProcedureTerms } from './terms';
import { type HearingState, type Outcome, type Role, type Status, NOT_ADMISSIBLE_GROUNDS, type NotAdmissibleGround } from './vocabulary';

/**
 * The complaint's lifecycle: ONE declarative table of steps, with the guards that decide whether a step may be taken
 * now and by whom. Pure: no I/O. Every server action on a complaint file goes through `checkStep` (lib/complaints/steps),
 * and the file page offers exactly the steps `stepOptions` allows.
 *
 * received → acknowledged → in_progress → resolved → (escalated → closed_by_party); side exits not_admissible and
 * withdrawn; info_requested while waiting for the client (the clock keeps running).
 */

export const STEPS = [
  'acknowledge',
  'assign',
  'recuse',
  'addInvolved',
  'removeInvolved',
  'requestInfo',
  'recordAnswer',
  'sendCopy',
  'planHearing',
  'recordHearing',
  'skipHearing',
  'declareNotAdmissible',
  'extend',
  'resolve',
  'withdraw',
  'linkParty',
  'escalate',
  'recordPartyResponse',
  'reopen',
  // The client's own steps on their status page (the status token is their authority; lib/complaints/steps/satisfaction.ts).
  'judgeOutcome',
  'requestForward',
] as const;
export type Step = (typeof STEPS)[number];

/**
 * Who may take a step:
 * - staff: anyone who can see the complaint (the handler, a manager, or the handler who registered it while unassigned);
 * - handler: the complaint's handler, or a manager standing in; there must be a handler;
 * - self: only the complaint's own handler;
 * - manager: managers only;
 * - client: the client, through their status link (never staff: the client's judgement is theirs to give).
 */
export type StepActor = 'staff' | 'handler' | 'self' | 'manager' | 'client';

export type StepRule = {
  /** Allowed from these statuses, each to the status it leads to (the same status when the step does not move it). */
  from: Partial<Record<Status, Status>>;
  by: StepActor;
  /** What the history records (lib/complaints/history-actions.ts). */
  history: string;
  /** Still allowed while the complaint is blocked because its handler is involved: the steps that lift the block. */
  whileBlocked?: true;
  /** The actor may be involved in the complaint: only stepping aside. */
  involvedMayAct?: true;
  /** The client may take this staff step themself through their status link (answering our question on the status page). */
  clientToo?: true;
};

const stay = (statuses: readonly Status[]): Partial<Record<Status, Status>> => Object.fromEntries(statuses.map((s) => [s, s]));
const OPEN: readonly Status[] = ['received', 'acknowledged', 'in_progress', 'info_requested'];
const HANDLING: readonly Status[] = ['acknowledged', 'in_progress', 'info_requested'];
/** Working on the complaint after the acknowledgement starts its handling (a pending question keeps it waiting). */
const WORK: Partial<Record<Status, Status>> = { acknowledged: 'in_progress', in_progress: 'in_progress', info_requested: 'info_requested' };
/** A handler is needed as long as the complaint is open and after its outcome (for the escalation). */
const ASSIGNABLE: readonly Status[] = [...OPEN, 'resolved', 'escalated'];

export const TRANSITIONS: Record<Step, StepRule> = {
  acknowledge: { from: { received: 'acknowledged' }, by: 'staff', history: 'acknowledged' },
  assign: { from: stay(ASSIGNABLE), by: 'manager', history: 'assigned', whileBlocked: true },
  recuse: { from: stay(ASSIGNABLE), by: 'self', history: 'recused', whileBlocked: true, involvedMayAct: true },
  addInvolved: { from: stay(OPEN), by: 'staff', history: 'involved_added', whileBlocked: true },
  removeInvolved: { from: stay(OPEN), by: 'staff', history: 'involved_removed' },
  requestInfo: { from: { acknowledged: 'info_requested', in_progress: 'info_requested' }, by: 'handler', history: 'info_requested' },
  // The handler records an answer that came by phone, mail or post; the client may answer on their status page.
  recordAnswer: { from: { info_requested: 'in_progress' }, by: 'handler', history: 'info_received', clientToo: true },
  sendCopy: { from: WORK, by: 'handler', history: 'copy_sent' },
  planHearing: { from: WORK, by: 'handler', history: 'hearing_planned' },
  recordHearing: { from: WORK, by: 'handler', history: 'hearing_held' },
  skipHearing: { from: WORK, by: 'handler', history: 'hearing_skipped' },
  declareNotAdmissible: {
    from: { received: 'not_admissible', acknowledged: 'not_admissible', in_progress: 'not_admissible', info_requested: 'not_admissible' },
    by: 'handler',
    history: 'not_admissible',
  },
  extend: { from: stay(HANDLING), by: 'handler', history: 'extended' },
  resolve: { from: { in_progress: 'resolved' }, by: 'handler', history: 'resolved' },
  withdraw: {
    from: { received: 'withdrawn', acknowledged: 'withdrawn', in_progress: 'withdrawn', info_requested: 'withdrawn' },
    by: 'staff',
    history: 'withdrawn',
  },
  // Link the complaint to the known contracting party the client meant (the route onward); escalating links it too.
  linkParty: { from: stay([...OPEN, 'resolved']), by: 'staff', history: 'party_linked' },
  escalate: { from: { resolved: 'escalated' }, by: 'handler', history: 'escalated' },
  recordPartyResponse: { from: { escalated: 'closed_by_party' }, by: 'handler', history: 'closed_by_party' },
  reopen: { from: { resolved: 'in_progress' }, by: 'manager', history: 'reopened' },
  // After the outcome the client says whether it satisfies them (and may change that within the term), and when not,
  // asks us to forward the complaint; the handler then escalates. Neither moves the status. The client is not stopped
  // by our own conflict of interest. The term: lib/procedure/satisfaction.ts.
  judgeOutcome: { from: stay(['resolved']), by: 'client', history: 'satisfaction_given', whileBlocked: true },
  requestForward: { from: stay(['resolved']), by: 'client', history: 'forward_requested', whileBlocked: true },
};

/** The facts about a complaint the guards look at. */
export type WorkflowFacts = {
  status: Status;
  handlerId: number | null;
  /** Users linked to the staff involved in the complaint (the person complained about and anyone else). */
  involvedUserIds: readonly number[];
  /** Someone complained about is recorded: they get a copy of the complaint (Awb 9:9). */
  hasSubject: boolean;
  copySent: boolean;
  hearingState: HearingState | null;
  outcome: Outcome | null;
};

/** A signed-in staff member, or the client acting through their status link (CLIENT_ACTOR). */
export type StaffActor = { id: number; role: Role };
export type WorkflowActor = StaffActor | { id: null; role: 'client' };
export const CLIENT_ACTOR = { id: null, role: 'client' } as const satisfies WorkflowActor;

/** Why a step is refused: a message key (`errors.<key>`). */
export type Refusal =
  | 'stepNotAllowed'
  | 'managerOnly'
  | 'ownHandlerOnly'
  | 'noHandlerAssigned'
  | 'notYourComplaint'
  | 'actorInvolved'
  | 'complaintBlocked'
  | 'noPersonComplainedAbout'
  | 'copyAlreadySent'
  | 'hearingAlreadyDecided'
  | 'hearingNotPlanned'
  | 'copyNotSent'
  | 'hearingNotDecided'
  | 'resolvedToSatisfaction'
  | 'clientOnly';

/** The complaint's handler is one of the people involved in it: every step but reassignment waits (DESIGN rule 6). */
export function isBlocked(facts: Pick<WorkflowFacts, 'handlerId' | 'involvedUserIds'>): boolean {
  return facts.handlerId !== null && facts.involvedUserIds.includes(facts.handlerId);
}

const HEARING_DECIDED: readonly (HearingState | null)[] = ['held', 'skipped'];

/** Guards that depend on what has been done in the file so far, per step. */
function stateRefusal(step: Step, facts: WorkflowFacts): Refusal | null {
  switch (step) {
    case 'sendCopy':
      if (!facts.hasSubject) return 'noPersonComplainedAbout';
      return facts.copySent ? 'copyAlreadySent' : null;
    case 'planHearing':
    case 'skipHearing':
      return HEARING_DECIDED.includes(facts.hearingState) ? 'hearingAlreadyDecided' : null;
    case 'recordHearing':
      if (HEARING_DECIDED.includes(facts.hearingState)) return 'hearingAlreadyDecided';
      return facts.hearingState === 'planned' ? null : 'hearingNotPlanned';
    case 'resolve':
      // Both sides heard (or a recorded ground for not hearing), and the person complained about has had a copy.
      if (facts.hasSubject && !facts.copySent) return 'copyNotSent';
      return HEARING_DECIDED.includes(facts.hearingState) ? null : 'hearingNotDecided';
    case 'escalate':
    case 'requestForward':
      return facts.outcome === 'resolved_to_satisfaction' ? 'resolvedToSatisfaction' : null;
    default:
      return null;
  }
}

/** Whether the role and person may take the step at all (before looking at the file's state). */
function actorRefusal(rule: StepRule, facts: WorkflowFacts, actor: WorkflowActor): Refusal | null {
  if (rule.by === 'client') return actor.role === 'client' ? null : 'clientOnly';
  if (actor.role === 'client') return rule.clientToo ? null : 'notYourComplaint';
  switch (rule.by) {
    case 'manager':
      return actor.role === 'manager' ? null : 'managerOnly';
    case 'self':
      return facts.handlerId === actor.id ? null : 'ownHandlerOnly';
    case 'handler':
      if (facts.handlerId === null) return 'noHandlerAssigned';
      return facts.handlerId === actor.id || actor.role === 'manager' ? null : 'notYourComplaint';
    case 'staff':
      return actor.role === 'manager' || actor.role === 'handler' ? null : 'notYourComplaint';
  }
}

/**
 * May this actor take this step now? Null when yes, else why not. Checked on the server for every action, whatever the
 * browser sent; the file page uses it to offer only what is possible.
 */
export function checkStep(step: Step, facts: WorkflowFacts, actor: WorkflowActor): Refusal | null {
  const rule = TRANSITIONS[step];
  if (!(facts.status in rule.from)) return 'stepNotAllowed';
  const who = actorRefusal(rule, facts, actor);
  if (who) return who;
  if (!rule.involvedMayAct && actor.id !== null && facts.involvedUserIds.includes(actor.id)) return 'actorInvolved';
  if (!rule.whileBlocked && isBlocked(facts)) return 'complaintBlocked';
  return stateRefusal(step, facts);
}

/** The status a step leads to from the current one (call after `checkStep` allowed it). */
export function nextStatus(step: Step, from: Status): Status {
  const to = TRANSITIONS[step].from[from];
  if (!to) throw new Error(`step ${step} is not possible from ${from}`);
  return to;
}

export type StepOption = { step: Step; refusal: Refusal | null };

/**
 * The steps to show on the file page: those the status allows and the actor's role could take, each with the reason
 * it is not possible yet (e.g. "resolve" before the hearing). Steps of another role or status are left out.
 */
export function stepOptions(facts: WorkflowFacts, actor: WorkflowActor): StepOption[] {
  const options: StepOption[] = [];
  for (const step of STEPS) {
    const refusal = checkStep(step, facts, actor);
    if (refusal === 'stepNotAllowed' || refusal === 'managerOnly' || refusal === 'ownHandlerOnly' || refusal === 'notYourComplaint' || refusal === 'clientOnly') continue;
    options.push({ step, refusal });
  }
  return options;
}

// -------------------------------------------------------------------------------------------------------------------
// Guards that depend on what the user entered.

/** A candidate handler: refused when involved in the complaint (DESIGN rule 6), inactive, not a handler, or already it. */
export function checkAssignment(
  candidate: { id: number; role: Role; active: boolean } | null,
  facts: Pick<WorkflowFacts, 'handlerId' | 'involvedUserIds'>,
): 'handlerUnknown' | 'handlerInvolved' | 'alreadyHandler' | null {
  if (!candidate || !candidate.active || (candidate.role !== 'handler' && candidate.role !== 'manager')) return 'handlerUnknown';
  if (facts.involvedUserIds.includes(candidate.id)) return 'handlerInvolved';
  if (facts.handlerId === candidate.id) return 'alreadyHandler';
  return null;
}

/** The client's answer cannot have come in before the question was asked (calendar days in Amsterdam). */
export function checkAnswerDate(answeredOn: IsoDate, askedOn: IsoDate): 'answerBeforeQuestion' | null {
  return compareIsoDates(answeredOn, askedOn) < 0 ? 'answerBeforeQuestion' : null;
}

/** Something done with the complaint (a copy sent, a hearing held) cannot have happened before the complaint reached us. */
export function checkNotBeforeReceipt(on: IsoDate, receivedOn: IsoDate): 'beforeReceived' | null {
  return compareIsoDates(on, receivedOn) < 0 ? 'beforeReceived' : null;
}

export type ExtensionCheck = {
  /** The resolution due date now in force. */
  currentDue: IsoDate;
  newDue: IsoDate;
  /** Extensions so far. */
  extensionCount: number;
  /** The client agreed to this delay (recorded with date and how). */
  withConsent: boolean;
  terms: Pick<ProcedureTerms, 'maxExtensionDays' | 'extensionsWithoutConsent'>;
  today: IsoDate;
};

/**
 * Awb 9:11 as the terms set it: a later date than now in force; without the client's consent at most
 * `extensionsWithoutConsent` extensions of at most `maxExtensionDays` each; with consent any further delay.
 */
export function checkExtension(input: ExtensionCheck): 'extensionNotLater' | 'extensionInPast' | 'extensionNeedsConsent' | 'extensionTooLong' | null {
  if (compareIsoDates(input.newDue, input.currentDue) <= 0) return 'extensionNotLater';
  if (compareIsoDates(input.newDue, input.today) < 0) return 'extensionInPast';
  if (input.withConsent) return null;
  if (input.extensionCount >= input.terms.extensionsWithoutConsent) return 'extensionNeedsConsent';
  if (compareIsoDates(input.newDue, addCalendarDays(input.currentDue, input.terms.maxExtensionDays)) > 0) return 'extensionTooLong';
  return null;
}

/** The latest due date an extension may set without the client's consent, or null when consent is needed anyway. */
export function latestExtensionWithoutConsent(currentDue: IsoDate, extensionCount: number, terms: ExtensionCheck['terms']): IsoDate | null {
  return extensionCount >= terms.extensionsWithoutConsent ? null : addCalendarDays(currentDue, terms.maxExtensionDays);
}

/** The ground to pre-select when declaring a complaint not admissible: the one-year rule when it applies. */
export function suggestedGround(olderThanLimit: boolean): NotAdmissibleGround | null {
  return olderThanLimit ? NOT_ADMISSIBLE_GROUNDS[0] : null;
}

/**
 * A ground for not handling a complaint. The one-year rule is a fact of the recorded dates, not a judgement: it may
 * only be chosen when the incident is older than the limit (else the notice would tell the client something untrue).
 * The other grounds (Awb 9:8) are the handler's judgement, explained in the written reason.
 */
export function checkGround(ground: NotAdmissibleGround, olderThanLimit: boolean): 'incidentWithinLimit' | null {
  return ground === 'incident_older_than_limit' && !olderThanLimit ? 'incidentWithinLimit' : null;
}

/** The contracting party's response came in on or after the day the complaint was escalated to it, and not later than today. */
export function checkPartyResponseDate(receivedOn: IsoDate, escalatedOn: IsoDate | null): 'responseBeforeEscalation' | null {
  return escalatedOn !== null && compareIsoDates(receivedOn, escalatedOn) < 0 ? 'responseBeforeEscalation' : null;
}

/** May the client take this step through their status link (a client step, or a staff step the client may take too)? */
export function isClientStep(step: Step): boolean {
  const rule = TRANSITIONS[step];
  return rule.by === 'client' || rule.clientToo === true;
}
