import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, amsterdamDate, calendarDaysBetween, isIsoDate, weekday } from './dates';
import {
  acknowledgementDue,
  checkIncidentAge,
  clocksFor,
  describeDueDate,
  notAdmissibleNoticeDue,
  previousWorkingDayOnOrBefore,
  deadlineState,
  dueDateOf,
  nextDeadline,
  resolutionDue,
  runningClocks,
  workingDaysUntil,
} from './deadlines';
import { isWorkingDay, publicHoliday } from './holidays';
import { DEFAULT_TERMS, PRESETS, type ProcedureTerms } from './terms';

const terms = DEFAULT_TERMS;

describe('calendar dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'], // not a leap year
    ['2028-02-28', 1, '2028-02-29'], // leap year
    ['2026-12-31', 1, '2027-01-01'], // year end
    ['2026-03-28', 1, '2026-03-29'], // DST starts 29 March 2026
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'], // DST ends 25 October 2026
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i day(s) = %s', (from, days, expected) => {
    expect(addCalendarDays(from, days)).toBe(expected);
  });

  it.each([
    ['2026-03-16', '2026-04-13', 28],
    ['2026-03-28', '2026-03-30', 2], // across the start of summer time
    ['2026-10-24', '2026-10-26', 2], // across its end
    ['2027-02-28', '2028-02-29', 366],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-01', -1],
  ])('from %s to %s: %i calendar days', (from, to, expected) => {
    expect(calendarDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-24', -12, '2025-11-24'],
  ])('%s + %i month(s) = %s', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });

  it.each([
    ['2026-11-24', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-4-1', false],
    ['', false],
    ['yesterday', false],
  ])('isIsoDate(%j) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    // instant (UTC)               date in Amsterdam
    ['2026-11-24T22:59:59Z', '2026-11-24'], // winter: UTC+1
    ['2026-11-24T23:00:00Z', '2026-11-25'],
    ['2026-07-01T21:59:59Z', '2026-07-01'], // summer: UTC+2
    ['2026-07-01T22:00:00Z', '2026-07-02'],
    ['2026-03-28T23:30:00Z', '2026-03-29'], // the night DST starts
    ['2026-10-24T22:30:00Z', '2026-10-25'], // the night DST ends
    ['2026-12-31T23:00:00Z', '2027-01-01'], // new year arrives an hour before UTC
  ])('the instant %s is %s in Amsterdam', (instant, expected) => {
    expect(amsterdamDate(new Date(instant))).toBe(expected);
  });
});

describe('Dutch public holidays', () => {
  it.each([
    ['2026-01-01', 'Nieuwjaar'],
    ['2026-04-05', 'Pasen'],
    ['2026-04-06', 'Tweede paasdag'],
    ['2025-04-26', 'Koningsdag'], // 27 April 2025 is a Sunday: King's Day moves to Saturday
    ['2026-04-27', 'Koningsdag'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-25', 'Tweede pinksterdag'],
    ['2026-12-25', 'Kerstmis'],
    ['2026-12-26', 'Tweede kerstdag'],
  ])('%s is %s', (date, name) => {
    expect(publicHoliday(date)).toBe(name);
  });

  it.each([
    ['2026-04-03'], // Good Friday: not a general day off
    ['2026-05-05'], // Liberation Day: a day off only every five years
    ['2026-11-24'],
  ])('%s is not a public holiday', (date) => {
    expect(publicHoliday(date)).toBeNull();
  });

  it.each([
    ['2026-11-24', true], // Tuesday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-12-25', false], // Christmas (Friday)
  ])('isWorkingDay(%s) = %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('due dates', () => {
  it.each([
    // received       acknowledgement  not-admissible  resolution
    ['2026-11-24', '2026-12-08', '2026-12-22', '2027-01-05'],
    ['2026-01-31', '2026-02-14', '2026-02-28', '2026-03-14'], // month end
    ['2028-02-15', '2028-02-29', '2028-03-14', '2028-03-28'], // leap day
    ['2026-12-20', '2027-01-03', '2027-01-17', '2027-01-31'], // year end
    ['2026-03-20', '2026-04-03', '2026-04-17', '2026-05-01'], // DST change inside the term
    ['2026-10-20', '2026-11-03', '2026-11-17', '2026-12-01'], // DST change inside the term
    ['2026-12-25', '2027-01-08', '2027-01-22', '2027-02-05'], // received on a holiday: the term still counts from it
  ])('received %s: acknowledge by %s, not-admissible notice by %s, resolve by %s', (received, ack, notice, resolve) => {
    expect(acknowledgementDue(received, terms)).toBe(ack);
    expect(notAdmissibleNoticeDue(received, terms)).toBe(notice);
    expect(resolutionDue(received, terms)).toBe(resolve);
  });

  it('uses the terms it is given, not literals', () => {
    const longer: ProcedureTerms = { ...terms, acknowledgementDays: 7, notAdmissibleNoticeDays: 21, resolutionDays: 70 };
    expect(acknowledgementDue('2026-11-24', longer)).toBe('2026-12-01');
    expect(notAdmissibleNoticeDue('2026-11-24', longer)).toBe('2026-12-15');
    expect(resolutionDue('2026-11-24', longer)).toBe('2027-02-02');
  });

  it('an extension moves the resolution date; the latest one counts', () => {
    expect(resolutionDue('2026-11-24', terms, [{ newDue: '2027-02-02' }])).toBe('2027-02-02');
    expect(resolutionDue('2026-11-24', terms, [{ newDue: '2027-02-02' }, { newDue: '2027-03-01' }])).toBe('2027-03-01');
  });

  it.each([
    // due           warning                      internal target
    ['2026-12-08', null, '2026-12-08'], // Tuesday
    ['2026-11-28', { kind: 'weekend' }, '2026-11-27'], // Saturday → Friday
    ['2026-11-29', { kind: 'weekend' }, '2026-11-27'], // Sunday → Friday
    ['2026-12-25', { kind: 'holiday', name: 'Kerstmis' }, '2026-12-24'],
    ['2026-12-27', { kind: 'weekend' }, '2026-12-24'], // Sunday after Christmas → Thursday 24th
    ['2026-04-06', { kind: 'holiday', name: 'Tweede paasdag' }, '2026-04-03'], // Easter Monday → Good Friday (a working day)
    ['2027-01-01', { kind: 'holiday', name: 'Nieuwjaar' }, '2026-12-31'], // across the year end
  ])('due %s: warning %j, internal target %s', (due, warning, target) => {
    expect(describeDueDate(due)).toEqual({ due, nonWorkingDay: warning, internalTarget: target });
  });

  it('clocksFor derives the three clocks with their warnings', () => {
    // received Sunday 2026-12-13: +14 = Sunday 27 Dec, +28 = Sunday 10 Jan, +42 = Sunday 24 Jan
    const clocks = clocksFor('2026-12-13', terms);
    expect(clocks.acknowledgement).toEqual({ due: '2026-12-27', nonWorkingDay: { kind: 'weekend' }, internalTarget: '2026-12-24' });
    expect(clocks.notAdmissibleNotice.internalTarget).toBe('2027-01-08');
    expect(clocks.resolution.due).toBe('2027-01-24');
    expect(weekday(clocks.resolution.internalTarget)).toBe(5);
  });

  it('previousWorkingDayOnOrBefore keeps a working day', () => {
    expect(previousWorkingDayOnOrBefore('2026-11-24')).toBe('2026-11-24');
  });
});

describe('the one-year rule', () => {
  it.each([
    // received      incident        older than one year?
    ['2026-11-24', '2025-11-24', false], // exactly one year: still handled
    ['2026-11-24', '2025-11-23', true], // one year and a day
    ['2026-11-24', '2026-11-24', false], // today
    ['2026-11-24', '2020-01-01', true],
    ['2025-03-01', '2024-02-29', true], // leap day, one year and a day before
    ['2025-02-28', '2024-02-29', false], // leap day, the year ends on 28 Feb
    ['2024-02-29', '2023-02-28', false], // received on a leap day: the year reaches back to 28 Feb
    ['2024-02-29', '2023-02-27', true],
    ['2027-01-01', '2026-01-01', false], // year end
    ['2027-01-01', '2025-12-31', true],
  ])('received %s, happened %s → too old: %s', (received, date, expected) => {
    expect(checkIncidentAge(received, { ongoing: false, date }, terms).olderThanLimit).toBe(expected);
  });

  it('conduct that is still going on is never too old', () => {
    expect(checkIncidentAge('2026-11-24', { ongoing: true }, terms)).toEqual({
      olderThanLimit: false,
      earliestHandled: '2025-11-24',
    });
  });

  it('follows the configured limit', () => {
    const twoYears = { ...terms, incidentLimitMonths: 24 };
    expect(checkIncidentAge('2026-11-24', { ongoing: false, date: '2025-01-01' }, twoYears).olderThanLimit).toBe(false);
  });
});

describe('presets', () => {
  it('the default preset is the published procedure: 2, 4 and 6 weeks and one year', () => {
    expect(PRESETS['bijstand-naar-werk']).toMatchObject({
      acknowledgementDays: 14,
      notAdmissibleNoticeDays: 28,
      resolutionDays: 42,
      incidentLimitMonths: 12,
      maxExtensionDays: 28,
      extensionsWithoutConsent: 1,
      retentionMonths: 24,
    });
  });
});

describe('running clocks and the next deadline', () => {
  const base = { receivedOn: '2026-03-02', terms, resolutionExtendedTo: null } as const;
  const recent = { ongoing: false, date: '2026-02-20' } as const;
  const old = { ongoing: false, date: '2025-02-01' } as const;
  const ongoing = { ongoing: true } as const;

  it.each([
    // status, incident, extended to, running clocks, next clock, next due
    ['received', recent, null, ['acknowledgement', 'resolution'], 'acknowledgement', '2026-03-16'],
    ['received', old, null, ['acknowledgement', 'notAdmissibleNotice', 'resolution'], 'acknowledgement', '2026-03-16'],
    ['received', ongoing, null, ['acknowledgement', 'resolution'], 'acknowledgement', '2026-03-16'],
    ['acknowledged', recent, null, ['resolution'], 'resolution', '2026-04-13'],
    ['acknowledged', old, null, ['notAdmissibleNotice', 'resolution'], 'notAdmissibleNotice', '2026-03-30'],
    ['in_progress', recent, null, ['resolution'], 'resolution', '2026-04-13'],
    ['in_progress', recent, '2026-05-11', ['resolution'], 'resolution', '2026-05-11'],
    ['info_requested', recent, null, ['resolution'], 'resolution', '2026-04-13'],
    ['resolved', recent, null, [], null, null],
    ['escalated', old, null, [], null, null],
    ['closed_by_party', recent, null, [], null, null],
    ['not_admissible', old, null, [], null, null],
    ['withdrawn', recent, null, [], null, null],
  ] as const)('%s, incident %j, extended to %s → %j, next %s %s', (status, incident, extendedTo, running, clock, due) => {
    const input = { ...base, status, incident, resolutionExtendedTo: extendedTo };
    expect(runningClocks(input)).toEqual(running);
    expect(nextDeadline(input)).toEqual(clock ? { clock, due } : null);
  });

  it('each clock has its own due date', () => {
    const input = { ...base, status: 'received' as const, incident: old };
    expect(dueDateOf('acknowledgement', input)).toBe('2026-03-16');
    expect(dueDateOf('notAdmissibleNotice', input)).toBe('2026-03-30');
    expect(dueDateOf('resolution', input)).toBe('2026-04-13');
    expect(dueDateOf('resolution', { ...input, resolutionExtendedTo: '2026-05-01' })).toBe('2026-05-01');
  });
});

describe('deadline state', () => {
  it.each([
    // today (weekday), due, working days until, state
    ['2026-11-24', '2026-11-23', 0, 'overdue'], // yesterday
    ['2026-11-24', '2026-11-01', 0, 'overdue'],
    ['2026-11-24', '2026-11-24', 0, 'due_soon'], // today
    ['2026-11-24', '2026-11-25', 1, 'due_soon'],
    ['2026-11-24', '2026-11-27', 3, 'due_soon'], // Tue → Fri: Wed, Thu, Fri
    ['2026-11-24', '2026-11-28', 3, 'due_soon'], // Saturday after that Friday
    ['2026-11-24', '2026-11-30', 4, 'on_time'], // next Monday
    ['2026-11-27', '2026-12-02', 3, 'due_soon'], // Fri → Wed over a weekend
    ['2026-11-27', '2026-12-03', 4, 'on_time'],
    ['2026-12-23', '2026-12-29', 3, 'due_soon'], // Christmas days 25 and 26 Dec do not count: 24, 28, 29
    ['2026-12-23', '2026-12-30', 4, 'on_time'],
    ['2026-04-24', '2026-04-29', 2, 'due_soon'], // King's Day 27 April 2026 is a Monday: 28, 29
  ] as const)('today %s, due %s: %i working day(s) left → %s', (today, due, left, state) => {
    expect(workingDaysUntil(today, due)).toBe(left);
    expect(deadlineState(due, today)).toBe(state);
  });
});
