import { describe, expect, it } from 'vitest';
import {
  checkForwardRequest,
  checkJudgement,
  reactionDeadline,
  type SatisfactionFacts,
  type SatisfactionRefusal,
  satisfactionOptions,
} from './satisfaction';
import { CLIENT_REACTION_DAYS } from './terms';

const RESOLVED_ON = '2026-03-02';
/** 28 calendar days after 2 March 2026, written out by hand. */
const LAST_DAY = '2026-03-30';

const facts = (extra: Partial<SatisfactionFacts> = {}): SatisfactionFacts => ({
  status: 'resolved',
  outcome: 'not_upheld',
  resolvedOn: RESOLVED_ON,
  satisfied: null,
  forwardRequested: false,
  ...extra,
});

describe('the term to react to the outcome', () => {
  it('is four weeks after the day of the outcome, that day included', () => {
    expect(CLIENT_REACTION_DAYS).toBe(28);
    expect(reactionDeadline(RESOLVED_ON)).toBe(LAST_DAY);
    expect(reactionDeadline('2026-12-20')).toBe('2027-01-17');
  });
});

describe('checkJudgement: may the client say satisfied / not satisfied now?', () => {
  const table: [string, Partial<SatisfactionFacts>, boolean, string, SatisfactionRefusal | null][] = [
    ['first judgement: satisfied', {}, true, RESOLVED_ON, null],
    ['first judgement: not satisfied', {}, false, RESOLVED_ON, null],
    ['on the last day of the term', {}, false, LAST_DAY, null],
    ['the day after the term', {}, false, '2026-03-31', 'reactionTermPassed'],
    ['change to not satisfied within the term', { satisfied: true }, false, '2026-03-10', null],
    ['change to satisfied within the term', { satisfied: false }, true, '2026-03-10', null],
    ['change after the term', { satisfied: true }, false, '2026-04-01', 'reactionTermPassed'],
    ['the same judgement again', { satisfied: true }, true, '2026-03-10', 'satisfactionUnchanged'],
    ['change after asking to forward', { satisfied: false, forwardRequested: true }, true, '2026-03-10', 'forwardAlreadyRequested'],
    ['before the outcome', { status: 'in_progress', outcome: null, resolvedOn: null }, true, RESOLVED_ON, 'noOutcomeToJudge'],
    ['after the escalation', { status: 'escalated' }, false, RESOLVED_ON, 'noOutcomeToJudge'],
    ['after the party closed it', { status: 'closed_by_party' }, false, RESOLVED_ON, 'noOutcomeToJudge'],
    ['a withdrawn complaint', { status: 'withdrawn', outcome: null, resolvedOn: null }, true, RESOLVED_ON, 'noOutcomeToJudge'],
    ['an outcome resolved to satisfaction can be judged too', { outcome: 'resolved_to_satisfaction' }, false, RESOLVED_ON, null],
  ];
  it.each(table)('%s', (_, extra, satisfied, today, expected) => {
    expect(checkJudgement(facts(extra), satisfied, today)).toBe(expected);
  });
});

describe('checkForwardRequest: may the client ask us to forward the complaint?', () => {
  const table: [string, Partial<SatisfactionFacts>, string, SatisfactionRefusal | null][] = [
    ['not satisfied, within the term', { satisfied: false }, '2026-03-10', null],
    ['not satisfied, last day', { satisfied: false }, LAST_DAY, null],
    ['not satisfied, after the term', { satisfied: false }, '2026-03-31', 'reactionTermPassed'],
    ['no judgement yet', {}, '2026-03-10', 'notDissatisfied'],
    ['satisfied', { satisfied: true }, '2026-03-10', 'notDissatisfied'],
    ['asked already', { satisfied: false, forwardRequested: true }, '2026-03-10', 'forwardAlreadyRequested'],
    ['resolved to the client’s satisfaction', { satisfied: false, outcome: 'resolved_to_satisfaction' }, '2026-03-10', 'resolvedToSatisfaction'],
    ['already escalated', { satisfied: false, status: 'escalated' }, '2026-03-10', 'noOutcomeToJudge'],
  ];
  it.each(table)('%s', (_, extra, today, expected) => {
    expect(checkForwardRequest(facts(extra), today)).toBe(expected);
  });
});

describe('satisfactionOptions: what the status page offers', () => {
  const table: [string, Partial<SatisfactionFacts>, string, ReturnType<typeof satisfactionOptions>][] = [
    ['no judgement yet: both buttons', {}, RESOLVED_ON, { judge: [true, false], askForward: false, until: LAST_DAY }],
    ['satisfied: can change to not satisfied', { satisfied: true }, RESOLVED_ON, { judge: [false], askForward: false, until: LAST_DAY }],
    ['not satisfied: can change, and ask to forward', { satisfied: false }, RESOLVED_ON, { judge: [true], askForward: true, until: LAST_DAY }],
    ['forward asked: nothing more', { satisfied: false, forwardRequested: true }, RESOLVED_ON, { judge: [], askForward: false, until: LAST_DAY }],
    ['term passed: nothing', { satisfied: false }, '2026-04-15', { judge: [], askForward: false, until: null }],
    ['escalated: nothing', { status: 'escalated', satisfied: false }, RESOLVED_ON, { judge: [], askForward: false, until: null }],
  ];
  it.each(table)('%s', (_, extra, today, expected) => {
    expect(satisfactionOptions(facts(extra), today)).toEqual(expected);
  });
});
