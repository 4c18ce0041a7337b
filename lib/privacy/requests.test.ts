import { describe, expect, it } from 'vitest';
import {
  allowedSteps,
  checkReceivedOn,
  contactChanges,
  currentDueOn,
  erasureBlockers,
  extendedDueOn,
  isOverdue,
  mayComplete,
  mayExtend,
  type PrivacyKind,
  type PrivacyStatus,
  type PrivacyStep,
  privacyDueOn,
  reachable,
  transition,
} from './requests';

describe('privacyDueOn: receipt + the term in months (AVG art. 12 (3))', () => {
  it.each([
    ['2026-03-10', 1, '2026-04-10'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-01', 3, '2026-08-01'],
  ])('received %s, %i month(s) → due %s', (received, months, due) => {
    expect(privacyDueOn(received, months)).toBe(due);
  });
});

describe('extendedDueOn: from the original due date', () => {
  it.each([
    ['2026-04-10', 1, '2026-05-10'],
    ['2026-04-10', 2, '2026-06-10'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('due %s + %i → %s', (due, months, extended) => {
    expect(extendedDueOn(due, months)).toBe(extended);
  });
});

describe('transition', () => {
  const cases: [PrivacyStatus, PrivacyStep, PrivacyKind, PrivacyStatus | null][] = [
    ['open', 'extend', 'access', 'extended'],
    ['extended', 'extend', 'access', null],
    ['completed', 'extend', 'access', null],
    ['refused', 'extend', 'erasure', null],
    ['open', 'export', 'access', 'open'],
    ['extended', 'export', 'access', 'extended'],
    ['open', 'export', 'erasure', null],
    ['completed', 'export', 'access', null],
    ['open', 'correct', 'correction', 'open'],
    ['open', 'correct', 'access', null],
    ['open', 'erase', 'erasure', 'completed'],
    ['extended', 'erase', 'erasure', 'completed'],
    ['open', 'erase', 'correction', null],
    ['completed', 'erase', 'erasure', null],
    ['open', 'complete', 'access', 'completed'],
    ['extended', 'complete', 'correction', 'completed'],
    ['open', 'complete', 'erasure', null],
    ['open', 'refuse', 'erasure', 'refused'],
    ['extended', 'refuse', 'access', 'refused'],
    ['refused', 'refuse', 'access', null],
    ['completed', 'refuse', 'correction', null],
  ];
  it.each(cases)('%s --%s (%s)--> %s', (from, step, kind, to) => {
    expect(transition(from, step, kind)).toBe(to);
  });

  it.each([
    ['open', 'access', ['export', 'extend', 'complete', 'refuse']],
    ['extended', 'correction', ['correct', 'complete', 'refuse']],
    ['open', 'erasure', ['erase', 'extend', 'refuse']],
    ['completed', 'access', []],
    ['refused', 'erasure', []],
  ] as const)('allowedSteps(%s, %s) = %j', (status, kind, steps) => {
    expect(allowedSteps(status, kind)).toEqual(steps);
  });
});

describe('mayExtend: once, from open, 1 or 2 months, with a reason, within the first term', () => {
  const open = { status: 'open' as PrivacyStatus, kind: 'access' as PrivacyKind, dueOn: '2026-04-10' };
  it.each([
    ['allowed: 2 months with a reason', open, 2, 'Veel dossiers op te zoeken', '2026-04-01', null],
    ['allowed: 1 month on the due date itself', open, 1, 'Complex', '2026-04-10', null],
    ['no reason', open, 2, '   ', '2026-04-01', { field: 'reason', key: 'reasonRequired' }],
    ['three months', open, 3, 'Complex', '2026-04-01', { field: 'months', key: 'privacyExtensionMonths' }],
    ['zero months', open, 0, 'Complex', '2026-04-01', { field: 'months', key: 'privacyExtensionMonths' }],
    ['half a month', open, 1.5, 'Complex', '2026-04-01', { field: 'months', key: 'privacyExtensionMonths' }],
    ['after the first term ran out', open, 1, 'Complex', '2026-04-11', { field: '_form', key: 'privacyExtensionTooLate' }],
    ['a second time', { ...open, status: 'extended' as PrivacyStatus }, 1, 'Complex', '2026-04-01', { field: '_form', key: 'privacyAlreadyExtended' }],
    ['closed', { ...open, status: 'completed' as PrivacyStatus }, 1, 'Complex', '2026-04-01', { field: '_form', key: 'privacyClosed' }],
  ])('%s', (_label, request, months, reason, today, expected) => {
    expect(mayExtend(request, months, reason, today)).toEqual(expected);
  });
});

describe('mayComplete', () => {
  const at = new Date('2026-04-01T10:00:00Z');
  it.each([
    ['access after the export', 'access', 'open', at, 0, null],
    ['access without an export', 'access', 'open', null, 0, 'privacyExportFirst'],
    ['correction after a correction', 'correction', 'extended', null, 1, null],
    ['correction without one', 'correction', 'open', null, 0, 'privacyCorrectFirst'],
    ['erasure: only through the erasure', 'erasure', 'open', null, 0, 'privacyStepNotAllowed'],
    ['closed', 'access', 'completed', at, 0, 'privacyClosed'],
  ] as const)('%s', (_label, kind, status, exportedAt, corrections, expected) => {
    expect(mayComplete({ kind, status, exportedAt }, corrections)).toBe(expected);
  });
});

describe('due dates in force and overdue', () => {
  it.each([
    [{ status: 'open', dueOn: '2026-04-10', extendedTo: null }, '2026-04-10', false],
    [{ status: 'open', dueOn: '2026-04-10', extendedTo: null }, '2026-04-11', true],
    [{ status: 'extended', dueOn: '2026-04-10', extendedTo: '2026-06-10' }, '2026-05-01', false],
    [{ status: 'extended', dueOn: '2026-04-10', extendedTo: '2026-06-10' }, '2026-06-11', true],
    [{ status: 'completed', dueOn: '2026-04-10', extendedTo: null }, '2027-01-01', false],
    [{ status: 'refused', dueOn: '2026-04-10', extendedTo: null }, '2027-01-01', false],
  ] as const)('%j on %s overdue: %s', (request, today, overdue) => {
    expect(isOverdue(request, today)).toBe(overdue);
  });
  it('the extended date is the one in force', () => {
    expect(currentDueOn({ dueOn: '2026-04-10', extendedTo: '2026-06-10' })).toBe('2026-06-10');
    expect(currentDueOn({ dueOn: '2026-04-10', extendedTo: null })).toBe('2026-04-10');
  });
});

describe('checkReceivedOn', () => {
  it.each([
    ['2026-04-10', '2026-04-10', null],
    ['2026-04-09', '2026-04-10', null],
    ['2026-04-11', '2026-04-10', 'dateInFuture'],
  ])('received %s, today %s → %s', (received, today, expected) => {
    expect(checkReceivedOn(received, today)).toBe(expected);
  });
});

describe('erasureBlockers: complaints still being handled', () => {
  it.each([
    [[{ reference: 'KL-1', status: 'resolved' }, { reference: 'KL-2', status: 'withdrawn' }], []],
    [[{ reference: 'KL-1', status: 'in_progress' }, { reference: 'KL-2', status: 'not_admissible' }], ['KL-1']],
    [[{ reference: 'KL-1', status: 'received' }, { reference: 'KL-2', status: 'info_requested' }], ['KL-1', 'KL-2']],
    [[{ reference: 'KL-3', status: 'escalated' }, { reference: 'KL-4', status: 'closed_by_party' }], []],
  ] as const)('%j → %j', (complaints, blockers) => {
    expect(erasureBlockers(complaints)).toEqual(blockers);
  });
});

describe('contact corrections', () => {
  const before = {
    complainantName: 'Henk de Jong',
    complainantEmail: 'henk@example.nl',
    complainantPhone: null,
    addressStreet: null,
    addressPostcode: null,
    addressCity: null,
  };
  it.each([
    ['nothing', before, {}],
    ['name and phone', { ...before, complainantName: 'Henk de Jongh', complainantPhone: '0612345678' }, {
      complainantName: { from: 'Henk de Jong', to: 'Henk de Jongh' },
      complainantPhone: { from: null, to: '0612345678' },
    }],
    ['e-mail cleared', { ...before, complainantEmail: null }, { complainantEmail: { from: 'henk@example.nl', to: null } }],
  ])('%s', (_label, after, changes) => {
    expect(contactChanges(before, after)).toEqual(changes);
  });
  it.each([
    [before, true],
    [{ ...before, complainantEmail: null }, false],
    [{ ...before, complainantEmail: null, addressStreet: 'Kerkstraat 1', addressPostcode: '5341 AB', addressCity: 'Oss' }, true],
    [{ ...before, complainantEmail: null, addressStreet: 'Kerkstraat 1', addressPostcode: null, addressCity: 'Oss' }, false],
  ])('reachable(%j) = %s', (details, expected) => {
    expect(reachable(details)).toBe(expected);
  });
});
