import { addCalendarDays, compareIsoDates, type IsoDate } from './dates';
import { CLIENT_REACTION_DAYS } from './terms';
import type { Outcome, Status } from './vocabulary';

/**
 * The client's judgement of the outcome (issue 10), on their status page: "Ik ben tevreden" / "Ik ben niet tevreden",
 * and, when not satisfied, "Vraag ons uw klacht door te sturen" to the contracting party. Pure rules; the steps
 * (lib/complaints/steps/satisfaction.ts) check them again on the server, whatever the browser sent, and the status page
 * offers only what they allow.
 *
 * - The client can judge once the complaint has its outcome (status resolved), until CLIENT_REACTION_DAYS after the
 *   outcome's day (lib/procedure/terms.ts). Escalation and a reopen end it (the status is no longer resolved).
 * - Within that term the client can change the judgement (the one in force is kept on the complaint, every one in the
 *   history), until they asked us to forward the complaint: then the request stands and the handler escalates.
 * - A forward request needs "not satisfied" in force, and only once. Not for an outcome "resolved to the client's
 *   satisfaction": such a complaint is not escalated (lib/procedure/workflow.ts); the handler is told and can reopen it.
 */

export type SatisfactionFacts = {
  status: Status;
  outcome: Outcome | null;
  /** The day of the current outcome (complaints.resolved_on). */
  resolvedOn: IsoDate | null;
  /** The judgement in force: null = not given yet. */
  satisfied: boolean | null;
  forwardRequested: boolean;
};

export type SatisfactionRefusal =
  | 'noOutcomeToJudge'
  | 'reactionTermPassed'
  | 'satisfactionUnchanged'
  | 'forwardAlreadyRequested'
  | 'notDissatisfied'
  | 'resolvedToSatisfaction';

/** The last day the client can judge the outcome, change it or ask us to forward the complaint. */
export function reactionDeadline(resolvedOn: IsoDate): IsoDate {
  return addCalendarDays(resolvedOn, CLIENT_REACTION_DAYS);
}

/** The outcome is there, and the term to react to it has not passed. */
function termRefusal(facts: SatisfactionFacts, today: IsoDate): SatisfactionRefusal | null {
  if (facts.status !== 'resolved' || facts.outcome === null || facts.resolvedOn === null) return 'noOutcomeToJudge';
  return compareIsoDates(today, reactionDeadline(facts.resolvedOn)) > 0 ? 'reactionTermPassed' : null;
}

/** May the client say (or change to) `satisfied` now? Null when yes, else why not. */
export function checkJudgement(facts: SatisfactionFacts, satisfied: boolean, today: IsoDate): SatisfactionRefusal | null {
  const term = termRefusal(facts, today);
  if (term) return term;
  if (facts.forwardRequested) return 'forwardAlreadyRequested';
  return facts.satisfied === satisfied ? 'satisfactionUnchanged' : null;
}

/** May the client ask us now to forward the complaint to the contracting party? Null when yes, else why not. */
export function checkForwardRequest(facts: SatisfactionFacts, today: IsoDate): SatisfactionRefusal | null {
  const term = termRefusal(facts, today);
  if (term) return term;
  if (facts.forwardRequested) return 'forwardAlreadyRequested';
  if (facts.satisfied !== false) return 'notDissatisfied';
  return facts.outcome === 'resolved_to_satisfaction' ? 'resolvedToSatisfaction' : null;
}

/** What the status page offers: the buttons it shows, and until when. */
export type SatisfactionOptions = {
  /** The judgement buttons (the one not in force; both when none is given yet). */
  judge: boolean[];
  /** "Vraag ons uw klacht door te sturen". */
  askForward: boolean;
  /** The last day to react, while the term runs (status resolved); else null. */
  until: IsoDate | null;
};

export function satisfactionOptions(facts: SatisfactionFacts, today: IsoDate): SatisfactionOptions {
  const judge = [true, false].filter((satisfied) => checkJudgement(facts, satisfied, today) === null);
  const open = termRefusal(facts, today) === null;
  return {
    judge,
    askForward: checkForwardRequest(facts, today) === null,
    until: open && facts.resolvedOn ? reactionDeadline(facts.resolvedOn) : null,
  };
}
