import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASURE_PARAMS, isMeasureFiltered, measureSearchParams, measuresHref, parseMeasureParams, statusesOf } from './params';

const choices = { categories: [1, 2, 3], owners: ['Teamleider Oss', 'HR'] };
const parse = (query: string) => parseMeasureParams(new URLSearchParams(query), choices);

describe('measure params', () => {
  it.each([
    ['', DEFAULT_MEASURE_PARAMS],
    ['status=open', { ...DEFAULT_MEASURE_PARAMS, status: 'open' }],
    ['status=dropped', { ...DEFAULT_MEASURE_PARAMS, status: 'dropped' }],
    ['status=gone', DEFAULT_MEASURE_PARAMS],
    ['category=2', { ...DEFAULT_MEASURE_PARAMS, category: 2 }],
    ['category=9', DEFAULT_MEASURE_PARAMS],
    ['category=none', { ...DEFAULT_MEASURE_PARAMS, category: 'none' }],
    ['category=02', DEFAULT_MEASURE_PARAMS],
    ['owner=HR', { ...DEFAULT_MEASURE_PARAMS, owner: 'HR' }],
    ['owner=Iemand', DEFAULT_MEASURE_PARAMS],
    ['overdue=1', { ...DEFAULT_MEASURE_PARAMS, overdue: true }],
    ['overdue=yes', DEFAULT_MEASURE_PARAMS],
    ['q=%20%20sms%0A%20bevestiging%20', { ...DEFAULT_MEASURE_PARAMS, q: 'sms bevestiging' }],
    ['page=3', { ...DEFAULT_MEASURE_PARAMS, page: 3 }],
    ['page=0', DEFAULT_MEASURE_PARAMS],
    ['page=-2', DEFAULT_MEASURE_PARAMS],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it('round-trips: serialising then parsing gives the same view, without defaults in the URL', () => {
    const views = [
      DEFAULT_MEASURE_PARAMS,
      { status: 'in_progress', category: 'none', owner: 'Teamleider Oss', overdue: true, q: 'sms & co', page: 2 },
      { ...DEFAULT_MEASURE_PARAMS, status: 'open', category: 3 },
    ] as const;
    for (const view of views) expect(parseMeasureParams(measureSearchParams(view), choices)).toEqual(view);
    expect(measuresHref(DEFAULT_MEASURE_PARAMS)).toBe('/beheer/maatregelen');
    expect(measuresHref({ ...DEFAULT_MEASURE_PARAMS, overdue: true })).toBe('/beheer/maatregelen?overdue=1');
  });

  it('knows when a view is filtered and which statuses a filter means', () => {
    expect(isMeasureFiltered(DEFAULT_MEASURE_PARAMS)).toBe(false);
    expect(isMeasureFiltered({ ...DEFAULT_MEASURE_PARAMS, page: 4 })).toBe(false);
    expect(isMeasureFiltered({ ...DEFAULT_MEASURE_PARAMS, q: 'x' })).toBe(true);
    expect(statusesOf(null)).toEqual(['planned', 'in_progress', 'done', 'dropped']);
    expect(statusesOf('open')).toEqual(['planned', 'in_progress']);
    expect(statusesOf('done')).toEqual(['done']);
  });
});
