import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';
import { DEFAULT_TERMS } from './terms';
import { NOT_ADMISSIBLE_GROUNDS, type Status, STATUSES } from './vocabulary';
import {
  checkAnswerDate,
  checkAssignment,
  checkExtension,
  checkGround,
  checkNotBeforeReceipt,
  checkPartyResponseDate,
  checkStep,
  CLIENT_ACTOR,
  isBlocked,
  latestExtensionWithoutConsent,
  nextStatus,
  type Refusal,
  type Step,
  STEPS,
  stepOptions,
  suggestedGround,
  TRANSITIONS,
  type WorkflowFacts,
} from './workflow';

const HANDLER = { id: 10, role: 'handler' as const };
const OTHER_HANDLER = { id: 11, role: 'handler' as const };
const MANAGER = { id: 20, role: 'manager' as const };
const ADMIN = { id: 30, role: 'admin' as const };

/** A complaint where every prerequisite is met, handled by HANDLER. */
const ready = (status: Status, extra: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  status,
  handlerId: HANDLER.id,
  involvedUserIds: [],
  hasSubject: true,
  copySent: false,
  hearingState: 'planned',
  outcome: status === 'resolved' || status === 'escalated' || status === 'closed_by_party' ? 'not_upheld' : null,
  ...extra,
});

/**
 * The lifecycle written out by hand, independent of the table in workflow.ts: for every step, from which status it
 * may be taken and where it leads ("=" stays).
 */
const EXPECTED: Record<Step, Partial<Record<Status, Status | '='>>> = {
  acknowledge: { received: 'acknowledged' },
  assign: { received: '=', acknowledged: '=', in_progress: '=', info_requested: '=', resolved: '=', escalated: '=' },
  recuse: { received: '=', acknowledged: '=', in_progress: '=', info_requested: '=', resolved: '=', escalated: '=' },
  addInvolved: { received: '=', acknowledged: '=', in_progress: '=', info_requested: '=' },
  removeInvolved: { received: '=', acknowledged: '=', in_progress: '=', info_requested: '=' },
  requestInfo: { acknowledged: 'info_requested', in_progress: 'info_requested' },
  recordAnswer: { info_requested: 'in_progress' },
  sendCopy: { acknowledged: 'in_progress', in_progress: '=', info_requested: '=' },
  planHearing: { acknowledged: 'in_progress', in_progress: '=', info_requested: '=' },
  recordHearing: { acknowledged: 'in_progress', in_progress: '=', info_requested: '=' },
  skipHearing: { acknowledged: 'in_progress', in_progress: '=', info_requested: '=' },
  declareNotAdmissible: { received: 'not_admissible', acknowledged: 'not_admissible', in_progress: 'not_admissible', info_requested: 'not_admissible' },
  extend: { acknowledged: '=', in_progress: '=', info_requested: '=' },
  resolve: { in_progress: 'resolved' },
  withdraw: { received: 'withdrawn', acknowledged: 'withdrawn', in_progress: 'withdrawn', info_requested: 'withdrawn' },
  linkParty: { received: '=', acknowledged: '=', in_progress: '=', info_requested: '=', resolved: '=' },
  escalate: { resolved: 'escalated' },
  recordPartyResponse: { escalated: 'closed_by_party' },
  reopen: { resolved: 'in_progress' },
  judgeOutcome: { resolved: '=' },
  requestForward: { resolved: '=' },
};

/** The actor who may take each step when prerequisites are met. */
const ACTOR_FOR: Record<Step, typeof HANDLER | typeof MANAGER | typeof CLIENT_ACTOR> = Object.fromEntries(
  STEPS.map((step) => [step, step === 'assign' || step === 'reopen' ? MANAGER : TRANSITIONS[step].by === 'client' ? CLIENT_ACTOR : HANDLER]),
) as never;

describe('the transition table: every status × every step', () => {
  const cases = STATUSES.flatMap((status) => STEPS.map((step) => ({ status, step, expected: EXPECTED[step][status] })));
  it.each(cases)('$step from $status → $expected', ({ status, step, expected }) => {
    // Facts where the state guards pass for this step.
    const facts = ready(status, step === 'recordHearing' ? {} : step === 'resolve' ? { copySent: true, hearingState: 'held' } : { hearingState: null });
    const refusal = checkStep(step, facts, ACTOR_FOR[step]);
    if (expected === undefined) {
      expect(refusal).toBe('stepNotAllowed');
      expect(() => nextStatus(step, status)).toThrow();
    } else {
      expect(refusal).toBeNull();
      expect(nextStatus(step, status)).toBe(expected === '=' ? status : expected);
    }
  });

  it('has a row for every step and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...STEPS].sort());
  });

  it('leaves closed complaints closed: nothing but reassignment after an outcome, nothing at all after the end', () => {
    for (const status of ['not_admissible', 'withdrawn', 'closed_by_party'] as const) {
      expect(stepOptions(ready(status), MANAGER)).toEqual([]);
    }
  });
});

describe('who may take a step', () => {
  const table: [string, Step, WorkflowFacts, { id: number; role: 'handler' | 'manager' | 'admin' }, Refusal | null][] = [
    ['the handler acknowledges', 'acknowledge', ready('received'), HANDLER, null],
    ['a handler who registered an unassigned complaint acknowledges', 'acknowledge', ready('received', { handlerId: null }), HANDLER, null],
    ['an admin acknowledges', 'acknowledge', ready('received'), ADMIN, 'notYourComplaint'],
    ['a handler assigns', 'assign', ready('received'), HANDLER, 'managerOnly'],
    ['a manager assigns', 'assign', ready('received'), MANAGER, null],
    ['the handler recuses', 'recuse', ready('in_progress'), HANDLER, null],
    ['another handler recuses for them', 'recuse', ready('in_progress'), OTHER_HANDLER, 'ownHandlerOnly'],
    ['a manager recuses for the handler', 'recuse', ready('in_progress'), MANAGER, 'ownHandlerOnly'],
    ['a step without a handler', 'requestInfo', ready('acknowledged', { handlerId: null }), MANAGER, 'noHandlerAssigned'],
    ['another handler asks for information', 'requestInfo', ready('acknowledged'), OTHER_HANDLER, 'notYourComplaint'],
    ['a manager stands in for the handler', 'requestInfo', ready('acknowledged'), MANAGER, null],
    ['a handler reopens', 'reopen', ready('resolved'), HANDLER, 'managerOnly'],
    ['a manager reopens', 'reopen', ready('resolved'), MANAGER, null],
    ['an involved manager stands in', 'extend', ready('in_progress', { involvedUserIds: [MANAGER.id] }), MANAGER, 'actorInvolved'],
    ['an involved manager assigns', 'assign', ready('in_progress', { involvedUserIds: [MANAGER.id] }), MANAGER, 'actorInvolved'],
    ['a handler withdraws for the client', 'withdraw', ready('acknowledged'), HANDLER, null],
  ];
  it.each(table)('%s', (_, step, facts, actor, expected) => {
    expect(checkStep(step, facts, actor)).toBe(expected);
  });
});

describe('conflict of interest: a blocked complaint (its handler is involved)', () => {
  const blocked = ready('in_progress', { involvedUserIds: [HANDLER.id] });

  it('is blocked exactly when the handler is among the involved', () => {
    expect(isBlocked(blocked)).toBe(true);
    expect(isBlocked(ready('in_progress', { involvedUserIds: [OTHER_HANDLER.id] }))).toBe(false);
    expect(isBlocked(ready('in_progress', { handlerId: null, involvedUserIds: [HANDLER.id] }))).toBe(false);
  });

  it.each(STEPS.filter((step) => EXPECTED[step].in_progress))('%s', (step) => {
    const byManager = checkStep(step, blocked, MANAGER);
    const byHandler = checkStep(step, blocked, HANDLER);
    if (step === 'assign' || step === 'addInvolved') expect(byManager).toBeNull();
    else if (step === 'recuse') expect(byManager).toBe('ownHandlerOnly');
    else expect(byManager).toBe('complaintBlocked');
    // The involved handler may only step aside.
    expect(byHandler).toBe(step === 'recuse' ? null : step === 'assign' ? 'managerOnly' : 'actorInvolved');
  });
});

describe('what must have happened first', () => {
  const table: [string, Step, Partial<WorkflowFacts>, Refusal | null][] = [
    ['copy without anyone complained about', 'sendCopy', { hasSubject: false }, 'noPersonComplainedAbout'],
    ['copy twice', 'sendCopy', { copySent: true }, 'copyAlreadySent'],
    ['copy', 'sendCopy', {}, null],
    ['plan a hearing', 'planHearing', { hearingState: null }, null],
    ['plan again (move the date)', 'planHearing', { hearingState: 'planned' }, null],
    ['plan after it was held', 'planHearing', { hearingState: 'held' }, 'hearingAlreadyDecided'],
    ['report without a planned hearing', 'recordHearing', { hearingState: null }, 'hearingNotPlanned'],
    ['report a planned hearing', 'recordHearing', { hearingState: 'planned' }, null],
    ['report twice', 'recordHearing', { hearingState: 'held' }, 'hearingAlreadyDecided'],
    ['skip the hearing', 'skipHearing', { hearingState: null }, null],
    ['skip a planned hearing', 'skipHearing', { hearingState: 'planned' }, null],
    ['skip after skipping', 'skipHearing', { hearingState: 'skipped' }, 'hearingAlreadyDecided'],
    ['resolve before the copy', 'resolve', { copySent: false, hearingState: 'held' }, 'copyNotSent'],
    ['resolve without anyone complained about, no copy needed', 'resolve', { hasSubject: false, hearingState: 'skipped' }, null],
    ['resolve with the hearing only planned', 'resolve', { copySent: true, hearingState: 'planned' }, 'hearingNotDecided'],
    ['resolve without a hearing decision', 'resolve', { copySent: true, hearingState: null }, 'hearingNotDecided'],
    ['resolve after hearing', 'resolve', { copySent: true, hearingState: 'held' }, null],
    ['resolve after a recorded ground for not hearing', 'resolve', { copySent: true, hearingState: 'skipped' }, null],
  ];
  it.each(table)('%s', (_, step, extra, expected) => {
    expect(checkStep(step, ready('in_progress', extra), HANDLER)).toBe(expected);
  });

  it.each([
    ['upheld', null],
    ['partly_upheld', null],
    ['not_upheld', null],
    ['resolved_to_satisfaction', 'resolvedToSatisfaction'],
  ] as const)('escalating after the outcome %s', (outcome, expected) => {
    expect(checkStep('escalate', ready('resolved', { outcome }), HANDLER)).toBe(expected);
  });
});

describe('stepOptions: what the file page offers', () => {
  it('offers a handler the steps of the status, with the reason a step must wait', () => {
    const options = stepOptions(ready('in_progress', { hearingState: null }), HANDLER);
    expect(options.map((o) => o.step)).toEqual([
      'recuse', 'addInvolved', 'removeInvolved', 'requestInfo', 'sendCopy', 'planHearing', 'recordHearing', 'skipHearing',
      'declareNotAdmissible', 'extend', 'resolve', 'withdraw', 'linkParty',
    ]);
    expect(options.find((o) => o.step === 'resolve')?.refusal).toBe('copyNotSent');
    expect(options.find((o) => o.step === 'sendCopy')?.refusal).toBeNull();
    expect(options.find((o) => o.step === 'recordHearing')?.refusal).toBe('hearingNotPlanned');
  });

  it('offers a manager assignment and every handling step, but not recusal for someone else', () => {
    const steps = stepOptions(ready('received', { handlerId: null }), MANAGER).map((o) => o.step);
    expect(steps).toEqual(['acknowledge', 'assign', 'addInvolved', 'removeInvolved', 'declareNotAdmissible', 'withdraw', 'linkParty']);
  });

  it('offers an admin nothing', () => {
    expect(stepOptions(ready('in_progress'), ADMIN)).toEqual([]);
  });
});

describe('checkAssignment', () => {
  const facts = { handlerId: 10, involvedUserIds: [12] };
  it.each([
    ['an unknown user', null, 'handlerUnknown'],
    ['an inactive handler', { id: 11, role: 'handler', active: false }, 'handlerUnknown'],
    ['an admin', { id: 11, role: 'admin', active: true }, 'handlerUnknown'],
    ['the adviser complained about', { id: 12, role: 'handler', active: true }, 'handlerInvolved'],
    ['the current handler', { id: 10, role: 'handler', active: true }, 'alreadyHandler'],
    ['another handler', { id: 11, role: 'handler', active: true }, null],
    ['a manager', { id: 20, role: 'manager', active: true }, null],
  ] as const)('%s', (_, candidate, expected) => {
    expect(checkAssignment(candidate, facts)).toBe(expected);
  });
});

describe('dates entered for the inquiry steps', () => {
  it.each([
    ['the day it was asked', '2026-03-10', null],
    ['later', '2026-03-12', null],
    ['the day before it was asked', '2026-03-09', 'answerBeforeQuestion'],
  ] as const)('an answer on %s', (_, answeredOn, expected) => {
    expect(checkAnswerDate(answeredOn, '2026-03-10')).toBe(expected);
  });

  it.each([
    ['the day of receipt', '2026-03-02', null],
    ['later', '2026-03-20', null],
    ['the day before receipt', '2026-03-01', 'beforeReceived'],
  ] as const)('a copy sent or hearing held on %s', (_, on, expected) => {
    expect(checkNotBeforeReceipt(on, '2026-03-02')).toBe(expected);
  });

  it('their refusals (and the step\'s own noOpenQuestion) have a text in Dutch and English', () => {
    for (const key of ['answerBeforeQuestion', 'beforeReceived', 'noOpenQuestion']) {
      expect(nl.errors, `nl ${key}`).toHaveProperty(key);
      expect(en.errors, `en ${key}`).toHaveProperty(key);
    }
  });
});

describe('checkExtension (Awb 9:11 with the default terms: one extension of at most 28 days, more with consent)', () => {
  const base = { currentDue: '2026-03-16', extensionCount: 0, withConsent: false, terms: DEFAULT_TERMS, today: '2026-03-10' };
  it.each([
    ['28 days, the first time', { newDue: '2026-04-13' }, null],
    ['29 days', { newDue: '2026-04-14' }, 'extensionTooLong'],
    ['29 days with consent', { newDue: '2026-04-14', withConsent: true }, null],
    ['the same date', { newDue: '2026-03-16' }, 'extensionNotLater'],
    ['an earlier date', { newDue: '2026-03-15', withConsent: true }, 'extensionNotLater'],
    ['a second extension', { newDue: '2026-03-20', extensionCount: 1 }, 'extensionNeedsConsent'],
    ['a second extension with consent', { newDue: '2026-05-20', extensionCount: 1, withConsent: true }, null],
    ['a date in the past (overdue complaint)', { currentDue: '2026-03-01', newDue: '2026-03-05' }, 'extensionInPast'],
    ['two extensions allowed by the terms', { newDue: '2026-03-20', extensionCount: 1, terms: { ...DEFAULT_TERMS, extensionsWithoutConsent: 2 } }, null],
  ] as const)('%s', (_, extra, expected) => {
    expect(checkExtension({ ...base, ...extra })).toBe(expected);
  });

  it('tells the latest date without consent', () => {
    expect(latestExtensionWithoutConsent('2026-03-16', 0, DEFAULT_TERMS)).toBe('2026-04-13');
    expect(latestExtensionWithoutConsent('2026-03-16', 1, DEFAULT_TERMS)).toBeNull();
  });
});

describe('suggestedGround', () => {
  it('pre-selects the one-year rule only when it applies', () => {
    expect(suggestedGround(true)).toBe('incident_older_than_limit');
    expect(suggestedGround(false)).toBeNull();
  });
});

describe('the history the table writes', () => {
  it('records every step under a known history action with a label', async () => {
    const { HISTORY_ACTIONS } = await import('@/lib/complaints/history-actions');
    const { default: file } = await import('@/lib/i18n/beheer/file.json');
    for (const step of STEPS) {
      const action = TRANSITIONS[step].history;
      expect(HISTORY_ACTIONS, step).toContain(action);
      expect((file.history.actions as Record<string, string>)[action], step).toBeTruthy();
    }
  });
});

describe('checkGround', () => {
  it.each([
    ['the one-year rule when the incident is older than the limit', 'incident_older_than_limit', true, null],
    ['the one-year rule when the incident is within the limit (or still going on)', 'incident_older_than_limit', false, 'incidentWithinLimit'],
    ['handled before, incident within the limit', 'handled_before', false, null],
    ['handled before, incident older than the limit', 'handled_before', true, null],
    ['objection or appeal', 'objection_or_appeal', false, null],
    ['criminal investigation', 'criminal_investigation', false, null],
    ['interest too small', 'interest_too_small', true, null],
  ] as const)('%s', (_, ground, olderThanLimit, expected) => {
    expect(checkGround(ground, olderThanLimit)).toBe(expected);
  });

  it('accepts every ground the vocabulary has except the one-year rule when it does not apply', () => {
    expect(NOT_ADMISSIBLE_GROUNDS.filter((g) => checkGround(g, false) !== null)).toEqual(['incident_older_than_limit']);
    expect(NOT_ADMISSIBLE_GROUNDS.filter((g) => checkGround(g, true) !== null)).toEqual([]);
  });
});

describe('checkPartyResponseDate', () => {
  it.each([
    ['the day of the escalation', '2026-05-04', '2026-05-04', null],
    ['later', '2026-06-01', '2026-05-04', null],
    ['the day before the escalation', '2026-05-03', '2026-05-04', 'responseBeforeEscalation'],
    ['no escalation date known', '2026-01-01', null, null],
  ] as const)('%s', (_, receivedOn, escalatedOn, expected) => {
    expect(checkPartyResponseDate(receivedOn, escalatedOn)).toBe(expected);
  });
});

describe("the client's steps: judging the outcome and asking to forward it", () => {
  const table: [string, Step, WorkflowFacts, typeof HANDLER | typeof MANAGER | typeof ADMIN | typeof CLIENT_ACTOR, Refusal | null][] = [
    ['the client judges the outcome', 'judgeOutcome', ready('resolved'), CLIENT_ACTOR, null],
    ['the handler judges for the client', 'judgeOutcome', ready('resolved'), HANDLER, 'clientOnly'],
    ['a manager judges for the client', 'judgeOutcome', ready('resolved'), MANAGER, 'clientOnly'],
    ['the handler asks to forward for the client', 'requestForward', ready('resolved'), HANDLER, 'clientOnly'],
    ['the client asks to forward', 'requestForward', ready('resolved'), CLIENT_ACTOR, null],
    ['the client asks to forward an outcome resolved to their satisfaction', 'requestForward', ready('resolved', { outcome: 'resolved_to_satisfaction' }), CLIENT_ACTOR, 'resolvedToSatisfaction'],
    ['the client judges while our handler is involved (not their problem)', 'judgeOutcome', ready('resolved', { involvedUserIds: [HANDLER.id] }), CLIENT_ACTOR, null],
    ['the client judges before the outcome', 'judgeOutcome', ready('in_progress'), CLIENT_ACTOR, 'stepNotAllowed'],
    ['the client judges after the escalation', 'judgeOutcome', ready('escalated'), CLIENT_ACTOR, 'stepNotAllowed'],
    ['the client resolves', 'resolve', ready('in_progress', { copySent: true, hearingState: 'held' }), CLIENT_ACTOR, 'notYourComplaint'],
    ['the client assigns', 'assign', ready('resolved'), CLIENT_ACTOR, 'notYourComplaint'],
    ['the client recuses', 'recuse', ready('resolved', { handlerId: null }), CLIENT_ACTOR, 'notYourComplaint'],
  ];
  it.each(table)('%s', (_, step, facts, actor, expected) => {
    expect(checkStep(step, facts, actor)).toBe(expected);
  });

  it('never offers the client steps on the file page, to anyone', () => {
    for (const actor of [HANDLER, MANAGER, ADMIN]) {
      const steps = stepOptions(ready('resolved'), actor).map((o) => o.step);
      expect(steps).not.toContain('judgeOutcome');
      expect(steps).not.toContain('requestForward');
    }
  });
});
