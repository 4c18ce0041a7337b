import { describe, expect, it } from 'vitest';
import type { MeasureStatus } from '@/lib/procedure/vocabulary';
import {
  checkDoneOn,
  checkDueOn,
  checkStatusChange,
  creationDetails,
  isMeasureOverdue,
  measureChanges,
  nextMeasureStatuses,
  normaliseReference,
  statusFieldsAfter,
} from './rules';

const TODAY = '2026-06-15';

describe('status changes', () => {
  const cases: [MeasureStatus, MeasureStatus, { doneOn?: string; reason?: string }, ReturnType<typeof checkStatusChange>][] = [
    ['planned', 'in_progress', {}, null],
    ['in_progress', 'planned', {}, null],
    ['planned', 'done', { doneOn: TODAY }, null],
    ['in_progress', 'done', { doneOn: '2026-06-01' }, null],
    ['in_progress', 'done', {}, { field: 'doneOn', key: 'required' }],
    ['in_progress', 'done', { doneOn: '2026-06-16' }, { field: 'doneOn', key: 'doneInFuture' }],
    ['in_progress', 'done', { doneOn: '1899-12-31' }, { field: 'doneOn', key: 'dateInvalid' }],
    ['planned', 'dropped', { reason: 'Niet meer nodig: de afdeling is opgeheven' }, null],
    ['planned', 'dropped', { reason: '   ' }, { field: 'reason', key: 'reasonRequired' }],
    ['in_progress', 'dropped', {}, { field: 'reason', key: 'reasonRequired' }],
    // Reopening needs a reason.
    ['done', 'in_progress', { reason: 'Het helpt niet: nog steeds klachten' }, null],
    ['done', 'planned', {}, { field: 'reason', key: 'reasonRequired' }],
    ['dropped', 'planned', { reason: 'Toch weer nodig' }, null],
    ['dropped', 'in_progress', {}, { field: 'reason', key: 'reasonRequired' }],
    // Between done and dropped only by reopening first.
    ['done', 'dropped', { reason: 'x' }, { field: 'status', key: 'measureStatusNotAllowed' }],
    ['dropped', 'done', { doneOn: TODAY }, { field: 'status', key: 'measureStatusNotAllowed' }],
    // Nothing to change.
    ['planned', 'planned', {}, { field: 'status', key: 'statusUnchanged' }],
    ['done', 'done', { doneOn: TODAY }, { field: 'status', key: 'statusUnchanged' }],
  ];
  it.each(cases)('%s → %s %j', (from, to, input, expected) => {
    expect(checkStatusChange(from, { status: to, doneOn: input.doneOn ?? '', reason: input.reason ?? '' }, TODAY)).toEqual(expected);
  });

  it('offers exactly the allowed next statuses', () => {
    expect(nextMeasureStatuses('planned')).toEqual(['in_progress', 'done', 'dropped']);
    expect(nextMeasureStatuses('in_progress')).toEqual(['planned', 'done', 'dropped']);
    expect(nextMeasureStatuses('done')).toEqual(['planned', 'in_progress']);
    expect(nextMeasureStatuses('dropped')).toEqual(['planned', 'in_progress']);
  });

  it.each([
    [{ status: 'done', doneOn: '2026-06-01', reason: 'ignored' }, { status: 'done', doneOn: '2026-06-01', droppedReason: null }],
    [{ status: 'dropped', doneOn: '2026-06-01', reason: '  Geen budget  ' }, { status: 'dropped', doneOn: null, droppedReason: 'Geen budget' }],
    [{ status: 'in_progress', doneOn: '', reason: 'Heropend' }, { status: 'in_progress', doneOn: null, droppedReason: null }],
  ] as const)('writes done_on only when done and dropped_reason only when dropped: %j', (input, expected) => {
    expect(statusFieldsAfter(input)).toEqual(expected);
  });
});

describe('dates', () => {
  it.each([
    ['', 'required'],
    ['2026-02-30', 'dateInvalid'],
    ['15-06-2026', 'dateInvalid'],
    [TODAY, null],
    ['2026-06-16', 'doneInFuture'],
    ['2020-01-01', null],
  ])('done on %s → %s', (doneOn, expected) => {
    expect(checkDoneOn(doneOn, TODAY)).toBe(expected);
  });

  it.each([
    ['', null, null],
    ['2026-06-15', null, null],
    ['2026-12-31', '2026-01-01', null],
    ['2026-06-14', null, 'dateInPast'],
    // A due date that passed may stay (that is what makes a measure overdue), but cannot be moved into the past.
    ['2026-01-01', '2026-01-01', null],
    ['2026-01-02', '2026-01-01', 'dateInPast'],
    ['1 juli', null, 'dateInvalid'],
  ])('due on %s (was %s) → %s', (dueOn, previous, expected) => {
    expect(checkDueOn(dueOn, previous, TODAY)).toBe(expected);
  });

  it.each([
    ['planned', '2026-06-14', true],
    ['in_progress', '2026-06-14', true],
    ['planned', TODAY, false],
    ['planned', null, false],
    ['done', '2026-01-01', false],
    ['dropped', '2026-01-01', false],
  ] as const)('%s due %s overdue: %s', (status, dueOn, expected) => {
    expect(isMeasureOverdue({ status, dueOn }, TODAY)).toBe(expected);
  });
});

describe('what changed', () => {
  const before = { description: 'Sms bij elke afspraak', reason: null, owner: 'Teamleider Oss', dueOn: '2026-07-01', categoryId: 3, status: 'planned' };
  it.each([
    ['nothing', { description: 'Sms bij elke afspraak', owner: 'Teamleider Oss' }, {}],
    ['one field', { owner: 'Teamleider Den Bosch' }, { owner: { from: 'Teamleider Oss', to: 'Teamleider Den Bosch' } }],
    ['empty text is none', { reason: '', dueOn: null }, { dueOn: { from: '2026-07-01', to: null } }],
    ['a value where there was none', { reason: 'Klanten missen afspraken' }, { reason: { from: null, to: 'Klanten missen afspraken' } }],
    ['category', { categoryId: null }, { categoryId: { from: 3, to: null } }],
    [
      'status and done date',
      { status: 'done', doneOn: '2026-06-10' },
      { status: { from: 'planned', to: 'done' }, doneOn: { from: null, to: '2026-06-10' } },
    ],
  ] as const)('%s', (_name, after, expected) => {
    expect(measureChanges(before, after)).toEqual(expected);
  });

  it('a new measure: every field with a value, from nothing', () => {
    expect(creationDetails({ description: 'Training', reason: null, owner: 'HR', dueOn: null, categoryId: 2, status: 'planned' })).toEqual({
      description: { from: null, to: 'Training' },
      owner: { from: null, to: 'HR' },
      categoryId: { from: null, to: 2 },
      status: { from: null, to: 'planned' },
    });
  });
});

describe('complaint references', () => {
  it.each([
    ['KL-2026-0042', 'KL-2026-0042'],
    [' kl-2026-0042 ', 'KL-2026-0042'],
    ['KL - 2026 - 0042', 'KL-2026-0042'],
    ['KL-TEST-ab12cd34', 'KL-TEST-AB12CD34'],
    ['2026-0042', null],
    ["KL-2026-0042'; drop table", null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseReference(raw)).toBe(expected);
  });
});
