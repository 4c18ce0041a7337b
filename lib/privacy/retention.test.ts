import { describe, expect, it } from 'vitest';
import type { Status } from '@/lib/procedure/vocabulary';
import {
  anonymisationDay,
  isDueForAnonymisation,
  isPrivacyRequestDue,
  lastYearFrom,
  outlookUntil,
  privacyRequestAnonymisationDay,
  type PrivacyRetentionFacts,
  retentionMonthsFor,
  type RetentionFacts,
} from './retention';

const facts = (extra: Partial<RetentionFacts> = {}): RetentionFacts => ({
  status: 'resolved',
  closingDay: '2024-03-15',
  ownRetentionMonths: 24,
  anonymisedAt: null,
  ...extra,
});

describe('retentionMonthsFor: the shorter of the complaint’s own period and the current one', () => {
  const table: [number | null | undefined, number, number][] = [
    [24, 24, 24],
    [24, 12, 12],
    [12, 36, 12],
    [null, 18, 18],
    [undefined, 18, 18],
    [0, 18, 18],
    [2.5, 18, 18],
  ];
  it.each(table)('own %s, current %s → %s', (own, current, expected) => {
    expect(retentionMonthsFor(own, current)).toBe(expected);
  });
});

describe('anonymisationDay', () => {
  const table: [string, Partial<RetentionFacts>, number, string | null][] = [
    ['24 months after closing', {}, 24, '2026-03-15'],
    ['the current period when it is shorter', {}, 12, '2025-03-15'],
    ['its own period when the current one is longer', { ownRetentionMonths: 6 }, 24, '2024-09-15'],
    ['end of month clamps (31 Aug + 6 months = 28 Feb)', { closingDay: '2025-08-31', ownRetentionMonths: 6 }, 24, '2026-02-28'],
    ['leap day (29 Feb 2024 + 12 months = 28 Feb 2025)', { closingDay: '2024-02-29' }, 12, '2025-02-28'],
    ['into a leap year (31 Aug 2023 + 6 months = 29 Feb 2024)', { closingDay: '2023-08-31', ownRetentionMonths: 6 }, 24, '2024-02-29'],
    ['not admissible', { status: 'not_admissible' }, 24, '2026-03-15'],
    ['withdrawn', { status: 'withdrawn' }, 24, '2026-03-15'],
    ['closed by the contracting party', { status: 'closed_by_party' }, 24, '2026-03-15'],
    ['no terms copy of its own', { ownRetentionMonths: null }, 18, '2025-09-15'],
    ['escalated: still with the contracting party', { status: 'escalated' }, 24, null],
    ['open', { status: 'in_progress', closingDay: null }, 24, null],
    ['reopened (closing day cleared)', { status: 'in_progress' }, 24, null],
    ['no closing day', { closingDay: null }, 24, null],
    ['already anonymised', { anonymisedAt: new Date('2026-03-16T01:00:00Z') }, 24, null],
  ];
  it.each(table)('%s', (_, extra, current, expected) => {
    expect(anonymisationDay(facts(extra), current)).toBe(expected);
  });
});

describe('isDueForAnonymisation', () => {
  const table: [string, Partial<RetentionFacts>, string, boolean][] = [
    ['the day before', {}, '2026-03-14', false],
    ['on the day', {}, '2026-03-15', true],
    ['after the day', {}, '2027-01-01', true],
    ['open, long ago', { status: 'acknowledged' as Status }, '2030-01-01', false],
    ['already anonymised', { anonymisedAt: new Date('2026-03-15T03:00:00Z') }, '2026-04-01', false],
  ];
  it.each(table)('%s', (_, extra, today, expected) => {
    expect(isDueForAnonymisation(facts(extra), 24, today)).toBe(expected);
  });
});

describe('privacy requests: anonymised retentionMonths after they were closed', () => {
  const request = (extra: Partial<PrivacyRetentionFacts>): PrivacyRetentionFacts => ({ status: 'completed', closedDay: '2024-03-15', anonymisedAt: null, ...extra });
  const table: [string, Partial<PrivacyRetentionFacts>, number, string | null][] = [
    ['completed: 24 months after closing', {}, 24, '2026-03-15'],
    ['refused: the same', { status: 'refused' }, 24, '2026-03-15'],
    ['a shorter current period applies at once', {}, 12, '2025-03-15'],
    ['end of month clamps (31 Aug + 6 months = 28 Feb)', { closedDay: '2025-08-31' }, 6, '2026-02-28'],
    ['leap day (29 Feb 2024 + 12 months = 28 Feb 2025)', { closedDay: '2024-02-29' }, 12, '2025-02-28'],
    ['open: not yet answered', { status: 'open', closedDay: null }, 24, null],
    ['extended: not yet answered', { status: 'extended', closedDay: null }, 24, null],
    ['an open status with a closing day (cannot happen) is not anonymised', { status: 'open' }, 24, null],
    ['already anonymised', { anonymisedAt: new Date('2026-03-16T01:00:00Z') }, 24, null],
  ];
  it.each(table)('%s', (_, extra, months, expected) => {
    expect(privacyRequestAnonymisationDay(request(extra), months)).toBe(expected);
  });
  it.each([
    ['the day before', '2026-03-14', false],
    ['on the day', '2026-03-15', true],
    ['after the day', '2027-01-01', true],
  ] as const)('due %s: %s', (_, today, expected) => {
    expect(isPrivacyRequestDue(request({}), 24, today)).toBe(expected);
  });
});

describe('the manager page’s windows', () => {
  it.each([
    ['2026-12-02', '2027-01-02', '2025-12-02'],
    ['2026-01-31', '2026-02-28', '2025-01-31'],
    ['2024-02-29', '2024-03-29', '2023-02-28'],
  ])('%s: next month until %s, last 12 months from %s', (today, until, from) => {
    expect(outlookUntil(today)).toBe(until);
    expect(lastYearFrom(today)).toBe(from);
  });
});
