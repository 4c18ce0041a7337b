import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  type InboxChoices,
  type InboxParams,
  incomingQuery,
  inboxHref,
  isFiltered,
  MAX_QUERY_LENGTH,
  pageHref,
  pagination,
  parseInboxParams,
  sortHref,
  toSearchParams,
  hasReportFilters,
  reportFilterEntries,
  withoutReportFilters,
} from './params';

const CHOICES: InboxChoices = { categories: ['treatment', 'privacy'], handlers: [3, 4], parties: [1, 7] };
const parse = (query: string) => parseInboxParams(new URLSearchParams(query), CHOICES);
const OPEN = ['received', 'acknowledged', 'in_progress', 'info_requested'];
const CLOSED = ['resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn'];

describe('parseInboxParams', () => {
  it('gives the default view for an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_PARAMS);
    expect(DEFAULT_PARAMS.statuses).toEqual(OPEN);
  });

  it.each<[string, Partial<InboxParams>]>([
    // statuses
    ['status=open', { statuses: OPEN as InboxParams['statuses'] }],
    ['status=closed', { statuses: CLOSED as InboxParams['statuses'] }],
    ['status=all', { statuses: [...OPEN, ...CLOSED] as InboxParams['statuses'] }],
    ['status=resolved', { statuses: ['resolved'] }],
    ['status=withdrawn,received', { statuses: ['received', 'withdrawn'] }], // lifecycle order
    ['status=withdrawn&status=received', { statuses: ['received', 'withdrawn'] }],
    ['status=open,resolved', { statuses: [...OPEN, 'resolved'] as InboxParams['statuses'] }],
    ['status=bogus,resolved', { statuses: ['resolved'] }],
    // filters
    ['category=privacy', { category: 'privacy' }],
    ['channel=post', { channel: 'post' }],
    ['handler=4', { handler: 4 }],
    ['handler=none', { handler: 'none' }],
    ['party=7', { party: 7 }],
    ['party=none', { party: 'none' }],
    ['overdue=any', { overdue: 'any' }],
    ['overdue=acknowledgement', { overdue: 'acknowledgement' }],
    ['overdue=notAdmissibleNotice', { overdue: 'notAdmissibleNotice' }],
    ['overdue=resolution', { overdue: 'resolution' }],
    ['mine=1', { mine: true }],
    ['q=%20%20van%20%20der%0A%20Linden%20', { q: 'van der Linden' }],
    // sort, direction, page
    ['sort=received', { sort: 'received', dir: 'desc' }],
    ['sort=received&dir=asc', { sort: 'received', dir: 'asc' }],
    ['sort=reference', { sort: 'reference', dir: 'desc' }],
    ['sort=status', { sort: 'status', dir: 'asc' }],
    ['dir=desc', { sort: 'deadline', dir: 'desc' }],
    ['page=3', { page: 3 }],
    ['page=10000', { page: 10_000 }],
    ['category=treatment&channel=email&handler=3&overdue=any&mine=1&q=jans&sort=status&dir=desc&page=2', {
      category: 'treatment', channel: 'email', handler: 3, overdue: 'any', mine: true, q: 'jans', sort: 'status', dir: 'desc', page: 2,
    }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual({ ...DEFAULT_PARAMS, ...expected });
  });

  it.each([
    // Bad values fall back to the default of that parameter only; never an error.
    ['status=', {}],
    ['status=nonsense', {}],
    ['status=,,,', {}],
    ['category=removed-category', {}],
    ['category=', {}],
    ['channel=fax', {}],
    ['handler=99', {}], // not someone the user may filter on
    ['handler=abc', {}],
    ['handler=-3', {}],
    ['handler=03', {}],
    ['handler=3.0', {}],
    ['party=42', {}],
    ['party=', {}],
    ['overdue=yes', {}],
    ['overdue=', {}],
    ['mine=true', {}],
    ['mine=0', {}],
    ['q=', {}],
    ['q=%20%20%20', {}],
    ['sort=handler', {}],
    ['sort=', {}],
    ['dir=sideways', {}],
    ['page=0', {}],
    ['page=-1', {}],
    ['page=2.5', {}],
    ['page=1e3', {}],
    ['page=abc', {}],
    ['page=10001', {}],
    ['page=99999999999999999999', {}],
    ['unknown=1', {}],
    ['channel=post&channel=email', { channel: 'post' }], // the first of a repeated single-valued parameter
    ['category=privacy&handler=99', { category: 'privacy' }],
  ])('ignores bad input: %s', (query, expected) => {
    expect(parse(query)).toEqual({ ...DEFAULT_PARAMS, ...expected });
  });

  it('cuts an overly long search text and drops control characters', () => {
    const long = 'a'.repeat(MAX_QUERY_LENGTH + 50);
    expect(parse(`q=${long}`).q).toHaveLength(MAX_QUERY_LENGTH);
    expect(parse('q=de%00Jong').q).toBe('de Jong');
  });

  it('reads the object Next.js gives a page as well as URLSearchParams', () => {
    const fromRecord = parseInboxParams({ status: ['resolved', 'withdrawn'], channel: 'post', page: '2', q: undefined }, CHOICES);
    expect(fromRecord).toEqual({ ...DEFAULT_PARAMS, statuses: ['resolved', 'withdrawn'], channel: 'post', page: 2 });
  });
});

describe('the URL of a view', () => {
  it('is plain /beheer for the default view', () => {
    expect(inboxHref(DEFAULT_PARAMS)).toBe('/beheer');
    expect(toSearchParams(DEFAULT_PARAMS).toString()).toBe('');
  });

  it.each([
    'status=closed',
    'status=all',
    'status=received&status=withdrawn',
    'category=privacy&channel=post&handler=none&party=7&overdue=resolution&mine=1&q=van+der&sort=received&dir=asc&page=4',
    'handler=3&party=none&overdue=any&sort=reference',
    'dir=desc',
  ])('round-trips %s', (query) => {
    const params = parse(query);
    expect(toSearchParams(params).toString()).toBe(query);
    expect(parse(toSearchParams(params).toString())).toEqual(params);
  });

  it('writes a view in one clean form however it was asked for', () => {
    expect(toSearchParams(parse('page=1&status=open&sort=deadline&dir=asc&mine=0&q=')).toString()).toBe('');
    expect(toSearchParams(parse('status=acknowledged,received,info_requested,in_progress')).toString()).toBe('');
    expect(toSearchParams(parse('q=+Jansen++&channel=post')).toString()).toBe('channel=post&q=Jansen');
    expect(toSearchParams(parse('status=withdrawn%2Creceived')).toString()).toBe('status=received&status=withdrawn');
  });

  it('compares with the query string as it came in', () => {
    expect(incomingQuery({ channel: 'post', q: 'Jansen' })).toBe('channel=post&q=Jansen');
    expect(incomingQuery({ status: ['a', 'b'], x: undefined })).toBe('status=a&status=b');
    expect(incomingQuery(new URLSearchParams('q=van%20der'))).toBe('q=van+der');
  });
});

describe('sorting and paging links', () => {
  const view = parse('channel=post&page=3');

  it.each<[string, string, string]>([
    // current view          column        link
    ['', 'deadline', '/beheer?dir=desc'], // the active column flips direction
    ['dir=desc', 'deadline', '/beheer'],
    ['', 'received', '/beheer?sort=received'], // another column starts in its own default direction
    ['sort=received', 'received', '/beheer?sort=received&dir=asc'],
    ['sort=received&dir=asc', 'received', '/beheer?sort=received'],
    ['', 'reference', '/beheer?sort=reference'],
    ['', 'status', '/beheer?sort=status'],
  ])('view "%s": header %s links to %s', (query, column, href) => {
    expect(sortHref(parse(query), column as InboxParams['sort'])).toBe(href);
  });

  it('keeps the filters and goes back to page 1 when sorting', () => {
    expect(sortHref(view, 'received')).toBe('/beheer?channel=post&sort=received');
  });

  it('keeps filters and sort when paging', () => {
    expect(pageHref(view, 4)).toBe('/beheer?channel=post&page=4');
    expect(pageHref(view, 1)).toBe('/beheer?channel=post');
  });
});

describe('pagination', () => {
  it.each([
    // total, requested page → pages, page shown, offset, from, to
    [0, 1, { pages: 1, page: 1, offset: 0, from: 0, to: 0 }],
    [1, 1, { pages: 1, page: 1, offset: 0, from: 1, to: 1 }],
    [25, 1, { pages: 1, page: 1, offset: 0, from: 1, to: 25 }],
    [26, 2, { pages: 2, page: 2, offset: 25, from: 26, to: 26 }],
    [5923, 3, { pages: 237, page: 3, offset: 50, from: 51, to: 75 }],
    [60, 9, { pages: 3, page: 3, offset: 50, from: 51, to: 60 }], // beyond the end: the last page
  ])('%i complaints, page %i', (total, page, expected) => {
    expect(pagination(total, page)).toEqual(expected);
  });
});

describe('isFiltered', () => {
  it.each([
    ['', false],
    ['sort=received&page=3', false],
    ['status=all', true],
    ['status=resolved', true],
    ['category=privacy', true],
    ['channel=phone', true],
    ['handler=none', true],
    ['party=1', true],
    ['overdue=any', true],
    ['mine=1', true],
    ['q=jans', true],
  ])('%s → %s', (query, expected) => {
    expect(isFiltered(parse(query))).toBe(expected);
  });
});

describe("the report's filters (dashboard drill-down)", () => {
  it.each<[string, Partial<InboxParams>]>([
    ['received_from=2026-01-01&received_to=2026-12-31', { receivedFrom: '2026-01-01', receivedTo: '2026-12-31' }],
    ['received_from=2026-02-30', {}], // not a real date
    ['received_to=26-1-1', {}],
    ['outcome=upheld', { outcome: 'upheld' }],
    ['outcome=not_admissible', { outcome: 'not_admissible' }],
    ['outcome=withdrawn', { outcome: 'withdrawn' }],
    ['outcome=open', { outcome: 'open' }],
    ['outcome=maybe', {}],
    ['ground=handled_before', { ground: 'handled_before' }],
    ['ground=bogus', {}],
    ['team=Team%20Oss', { team: 'Team Oss' }],
    ['team=%20%20Team%20%20Oss%20', { team: 'Team Oss' }],
    ['team=none', { team: 'none' }],
    ['team=', {}],
    [`team=${'x'.repeat(150)}`, { team: 'x'.repeat(100) }],
    ['party_type=uwv', { partyType: 'uwv' }],
    ['party_type=unknown', { partyType: 'unknown' }],
    ['party_type=bank', {}],
    ['escalation=escalated', { escalation: 'escalated' }],
    ['escalation=responded', { escalation: 'responded' }],
    ['escalation=yes', {}],
    ['clock=resolution&timely=late', { timely: { clock: 'resolution', state: 'late', dueFrom: null, dueTo: null } }],
    [
      'clock=acknowledgement&timely=pending&due_from=2026-03-01&due_to=2026-03-31',
      { timely: { clock: 'acknowledgement', state: 'pending', dueFrom: '2026-03-01', dueTo: '2026-03-31' } },
    ],
    ['clock=notAdmissibleNotice&timely=on_time&due_to=2026-13-01', { timely: { clock: 'notAdmissibleNotice', state: 'on_time', dueFrom: null, dueTo: null } }],
    ['clock=resolution', {}], // a clock without a state says nothing
    ['timely=late', {}],
    ['clock=soon&timely=late&due_from=2026-01-01', {}],
    ['due_from=2026-01-01', {}],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual({ ...DEFAULT_PARAMS, ...expected });
  });

  it.each([
    'status=all&received_from=2026-01-01&received_to=2026-12-31',
    'status=all&received_from=2026-01-01&received_to=2026-03-31&outcome=not_admissible&ground=interest_too_small',
    'status=all&channel=phone&received_from=2026-03-30&received_to=2026-04-05',
    'status=all&received_from=2025-01-01&received_to=2025-12-31&team=Team+Den+Bosch&party_type=unknown&escalation=responded',
    'status=all&received_from=2025-01-01&team=none',
    'status=all&clock=resolution&timely=late&due_from=2026-01-01&due_to=2026-06-30',
    'status=all&clock=notAdmissibleNotice&timely=pending',
    'category=privacy&party=7&sort=received&page=2&received_to=2026-01-31&outcome=open',
  ])('round-trips %s', (query) => {
    const params = parse(query);
    expect(toSearchParams(params).toString()).toBe(query);
    expect(parse(toSearchParams(params).toString())).toEqual(params);
  });

  it('keeps them as hidden-field entries, drops them all with the clear link, and counts them as filtering', () => {
    const params = parse('status=all&received_from=2026-01-01&received_to=2026-12-31&team=none&clock=acknowledgement&timely=late&page=3');
    expect(reportFilterEntries(params)).toEqual([
      ['received_from', '2026-01-01'],
      ['received_to', '2026-12-31'],
      ['team', 'none'],
      ['clock', 'acknowledgement'],
      ['timely', 'late'],
    ]);
    expect(hasReportFilters(params)).toBe(true);
    expect(inboxHref(withoutReportFilters(params))).toBe('/beheer?status=all');
    expect(hasReportFilters(DEFAULT_PARAMS)).toBe(false);
    expect(isFiltered({ ...DEFAULT_PARAMS, outcome: 'withdrawn' })).toBe(true);
    expect(isFiltered({ ...DEFAULT_PARAMS, team: 'none' })).toBe(true);
  });
});
