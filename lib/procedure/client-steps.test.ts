import { describe, expect, it } from 'vitest';
import { checkClientStep, type WorkflowFacts } from './workflow';
import { STATUSES, type Status } from './vocabulary';

/** The one step a client takes themself (answering our question on the status page), for every status. */
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

describe('checkClientStep recordAnswer', () => {
  it.each(STATUSES.map((status) => [status, status === 'info_requested' ? null : 'stepNotAllowed'] as [Status, string | null]))(
    'from %s → %s',
    (status, expected) => {
      expect(checkClientStep('recordAnswer', facts({ status }))).toBe(expected);
    },
  );

  it.each([
    ['without a handler (recused after asking): the answer is still taken', facts({ handlerId: null }), null],
    ['blocked: the handler is involved', facts({ involvedUserIds: [7] }), 'complaintBlocked'],
    ['someone else is involved: no matter', facts({ involvedUserIds: [8] }), null],
  ])('%s', (_what, given, expected) => {
    expect(checkClientStep('recordAnswer', given)).toBe(expected);
  });
});
