import { describe, expect, it } from 'vitest';
import { CLIENT_ACTOR, checkStep, isClientStep, STEPS, type WorkflowFacts } from './workflow';
import { STATUSES, type Status } from './vocabulary';

/** Answering our question on the status page: the handler's step recordAnswer, taken by the client, for every status. */
const facts = (overrides: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  status: 'info_requested',
  handlerId: 7,
  involvedUserIds: [],
  hasSubject: true,
  copySent: false,
  hearingState: null,
  outcome: null,
  ...overrides,
});

describe('recordAnswer taken by the client', () => {
  it.each(STATUSES.map((status) => [status, status === 'info_requested' ? null : 'stepNotAllowed'] as [Status, string | null]))(
    'from %s → %s',
    (status, expected) => {
      expect(checkStep('recordAnswer', facts({ status }), CLIENT_ACTOR)).toBe(expected);
    },
  );

  it.each([
    ['without a handler (recused after asking): the answer is still taken', facts({ handlerId: null }), null],
    ['blocked: the handler is involved', facts({ involvedUserIds: [7] }), 'complaintBlocked'],
    ['someone else is involved: no matter', facts({ involvedUserIds: [8] }), null],
  ])('%s', (_what, given, expected) => {
    expect(checkStep('recordAnswer', given, CLIENT_ACTOR)).toBe(expected);
  });
});

describe('which steps the client may take', () => {
  it.each(STEPS.map((step) => [step, ['recordAnswer', 'judgeOutcome', 'requestForward'].includes(step)] as const))('%s → %s', (step, expected) => {
    expect(isClientStep(step)).toBe(expected);
  });
  it('refuses every other step to the client', () => {
    for (const step of STEPS.filter((s) => !isClientStep(s))) expect(checkStep(step, facts({ status: 'in_progress' }), CLIENT_ACTOR)).not.toBeNull();
  });
});
