import { isIsoDate, type IsoDate } from '@/lib/procedure/calendar';
import { CLOCKS, type Clock } from '@/lib/procedure/deadlines';
import {
  CHANNELS,
  type Channel,
  CONTRACTING_PARTY_TYPES,
  type ContractingPartyType,
  NOT_ADMISSIBLE_GROUNDS,
  type NotAdmissibleGround,
  OPEN_STATUSES,
  OUTCOMES,
  STATUSES,
  type Status,
} from '@/lib/procedure/vocabulary';
import type { ReportOutcomeKey } from '@/lib/reports/types';

/**
 * The inbox view as it lives in the URL (`/beheer?status=…&category=…`): every filter, the sort and the page, so a
 * view can be shared and survives a reload. Parsing is forgiving: a parameter that is missing, malformed or names
 * something that does not exist falls back to its default, never to an error.
 */

export const SORT_KEYS = ['deadline', 'received', 'reference', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The direction a column sorts in when first chosen: nearest deadline, newest receipt, newest reference, lifecycle order. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = { deadline: 'asc', received: 'desc', reference: 'desc', status: 'asc' };

export const CLOSED_STATUSES: readonly Status[] = STATUSES.filter((s) => !OPEN_STATUSES.includes(s));

/** Named status selections; anything else is a list of statuses. */
export const STATUS_PRESETS = { open: OPEN_STATUSES, closed: CLOSED_STATUSES, all: STATUSES } as const;
export type StatusPreset = keyof typeof STATUS_PRESETS;

/** "Overdue only": any running clock past its due date, or one clock in particular (the counts at the top link there). */
export type OverdueFilter = 'any' | Clock;
export const OVERDUE_FILTERS: readonly OverdueFilter[] = ['any', ...CLOCKS];

// --- Filters the management report links to (lib/reports/drilldown.ts); they have no control of their own in the form.

/** The complaint's outcome as the report counts it: a decided outcome, not admissible, withdrawn, or still open. */
export const OUTCOME_FILTERS: readonly ReportOutcomeKey[] = [...OUTCOMES, 'not_admissible', 'withdrawn', 'open'];
/** Escalated to the contracting party (escalated or closed by it), or the party's response is recorded. */
export const ESCALATION_FILTERS = ['escalated', 'responded'] as const;
export type EscalationFilter = (typeof ESCALATION_FILTERS)[number];
export const PARTY_TYPE_FILTERS: readonly (ContractingPartyType | 'unknown')[] = [...CONTRACTING_PARTY_TYPES, 'unknown'];
/** How a complaint stands on one clock: taken on time, taken late or running past due, or still running before its due date. */
export const TIMELY_STATES = ['on_time', 'late', 'pending'] as const;
export type TimelyState = (typeof TIMELY_STATES)[number];
/** Longest team name we take from a URL. */
export const MAX_TEAM_LENGTH = 100;

export const PAGE_SIZE = 25;
/** Longest search text we take; longer input is cut. */
export const MAX_QUERY_LENGTH = 100;
/** Pages beyond this are not offered (deep offsets only get slower; filter instead). */
export const MAX_PAGE = 10_000;

export type InboxParams = {
  /** The statuses shown, in lifecycle order; never empty. */
  statuses: Status[];
  category: string | null;
  channel: Channel | null;
  /** A handler's user id, or 'none' for complaints nobody is assigned to. */
  handler: number | 'none' | null;
  /** A contracting party's id, or 'none' for complaints without a known party. */
  party: number | 'none' | null;
  overdue: OverdueFilter | null;
  /** Only complaints assigned to the signed-in user. */
  mine: boolean;
  /** Free text searched in the reference and the complainant's name (trimmed, may be empty). */
  q: string;
  sort: SortKey;
  dir: SortDirection;
  page: number;
  // The report's filters (the dashboard's drill-down): shown in the form as hidden fields and a notice.
  /** Received on or after / up to and including this day (Europe/Amsterdam). */
  receivedFrom: IsoDate | null;
  receivedTo: IsoDate | null;
  outcome: ReportOutcomeKey | null;
  ground: NotAdmissibleGround | null;
  /** The team of the staff member complained about, or 'none' (no staff member, or one without a team). */
  team: string | 'none' | null;
  /** The linked party's type, else the client's choice ('unknown' when neither says). */
  partyType: ContractingPartyType | 'unknown' | null;
  escalation: EscalationFilter | null;
  /** How the complaints stand on one clock (db/report-conditions.ts), optionally with that clock's due date in a range. */
  timely: { clock: Clock; state: TimelyState; dueFrom: IsoDate | null; dueTo: IsoDate | null } | null;
};

export const DEFAULT_PARAMS: InboxParams = {
  statuses: [...OPEN_STATUSES],
  category: null,
  channel: null,
  handler: null,
  party: null,
  overdue: null,
  mine: false,
  q: '',
  sort: 'deadline',
  dir: 'asc',
  page: 1,
  receivedFrom: null,
  receivedTo: null,
  outcome: null,
  ground: null,
  team: null,
  partyType: null,
  escalation: null,
  timely: null,
};

/** What exists, so that a link naming a removed category or someone else's handler id falls back to the default. */
export type InboxChoices = {
  categories: readonly string[];
  handlers: readonly number[];
  parties: readonly number[];
};

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawSearchParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

function all(raw: RawSearchParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const value = raw[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const oneOf = <T extends string>(options: readonly T[], value: string | undefined): T | null =>
  value !== undefined && (options as readonly string[]).includes(value) ? (value as T) : null;

/** A positive whole number written plainly ("7", not "07", "7.0" or "1e3"). */
function positiveInt(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}

/** `status=open|closed|all`, or statuses separated by commas and/or repeated (`status=received,acknowledged`). */
function parseStatuses(values: string[]): Status[] {
  const wanted = new Set<Status>();
  for (const part of values.flatMap((v) => v.split(','))) {
    const token = part.trim();
    if (token in STATUS_PRESETS) STATUS_PRESETS[token as StatusPreset].forEach((s) => wanted.add(s));
    else if ((STATUSES as readonly string[]).includes(token)) wanted.add(token as Status);
  }
  return wanted.size ? STATUSES.filter((s) => wanted.has(s)) : [...OPEN_STATUSES];
}

function idOrNone(value: string | undefined, known: readonly number[]): number | 'none' | null {
  if (value === 'none') return 'none';
  const id = positiveInt(value);
  return id !== null && known.includes(id) ? id : null;
}

/** Collapses whitespace, drops control characters and cuts overly long input. */
export function normaliseQuery(value: string | undefined): string {
  if (!value) return '';
  return value
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

const isoDate = (value: string | undefined): IsoDate | null => (value !== undefined && isIsoDate(value) ? value : null);

/** A team name as given (whitespace collapsed, cut to a sane length), 'none', or null when empty. */
function teamParam(value: string | undefined): string | null {
  const team = normaliseQuery(value).slice(0, MAX_TEAM_LENGTH).trim();
  return team === '' ? null : team;
}

function timelyParam(raw: RawSearchParams): InboxParams['timely'] {
  const clock = oneOf(CLOCKS, first(raw, 'clock'));
  const state = oneOf(TIMELY_STATES, first(raw, 'timely'));
  if (!clock || !state) return null;
  return { clock, state, dueFrom: isoDate(first(raw, 'due_from')), dueTo: isoDate(first(raw, 'due_to')) };
}

export function parseInboxParams(raw: RawSearchParams, choices: InboxChoices): InboxParams {
  const sort = oneOf(SORT_KEYS, first(raw, 'sort')) ?? DEFAULT_PARAMS.sort;
  const page = positiveInt(first(raw, 'page'));
  return {
    receivedFrom: isoDate(first(raw, 'received_from')),
    receivedTo: isoDate(first(raw, 'received_to')),
    outcome: oneOf(OUTCOME_FILTERS, first(raw, 'outcome')),
    ground: oneOf(NOT_ADMISSIBLE_GROUNDS, first(raw, 'ground')),
    team: teamParam(first(raw, 'team')),
    partyType: oneOf(PARTY_TYPE_FILTERS, first(raw, 'party_type')),
    escalation: oneOf(ESCALATION_FILTERS, first(raw, 'escalation')),
    timely: timelyParam(raw),
    statuses: parseStatuses(all(raw, 'status')),
    category: oneOf(choices.categories, first(raw, 'category')),
    channel: oneOf(CHANNELS, first(raw, 'channel')),
    handler: idOrNone(first(raw, 'handler'), choices.handlers),
    party: idOrNone(first(raw, 'party'), choices.parties),
    overdue: oneOf(OVERDUE_FILTERS, first(raw, 'overdue')),
    mine: first(raw, 'mine') === '1',
    q: normaliseQuery(first(raw, 'q')),
    sort,
    dir: oneOf(['asc', 'desc'] as const, first(raw, 'dir')) ?? DEFAULT_DIRECTION[sort],
    page: page !== null && page <= MAX_PAGE ? page : 1,
  };
}

const sameStatuses = (a: readonly Status[], b: readonly Status[]) => a.length === b.length && a.every((s) => b.includes(s));

/** The status selection in a word: a preset name when it is one, else the statuses separated by commas. */
export function statusParam(statuses: readonly Status[]): string {
  for (const [name, preset] of Object.entries(STATUS_PRESETS)) if (sameStatuses(statuses, preset)) return name;
  return STATUSES.filter((s) => statuses.includes(s)).join(',');
}

/**
 * The URL query of a view, without defaults (the default view is plain `/beheer`). The inverse of `parseInboxParams`:
 * parsing the result gives the same params back.
 */
export function toSearchParams(params: InboxParams): URLSearchParams {
  const out = new URLSearchParams();
  const status = statusParam(params.statuses);
  if (status !== 'open') for (const value of status.split(',')) out.append('status', value);
  if (params.category) out.set('category', params.category);
  if (params.channel) out.set('channel', params.channel);
  if (params.handler !== null) out.set('handler', String(params.handler));
  if (params.party !== null) out.set('party', String(params.party));
  if (params.overdue) out.set('overdue', params.overdue);
  if (params.mine) out.set('mine', '1');
  if (params.q) out.set('q', params.q);
  if (params.sort !== DEFAULT_PARAMS.sort) out.set('sort', params.sort);
  if (params.dir !== DEFAULT_DIRECTION[params.sort]) out.set('dir', params.dir);
  if (params.page !== 1) out.set('page', String(params.page));
  for (const [key, value] of reportFilterEntries(params)) out.append(key, value);
  return out;
}

/**
 * The report's filters that are set, as URL parameters (also the hidden fields of the inbox form, which has no
 * control of its own for them).
 */
export function reportFilterEntries(params: InboxParams): [string, string][] {
  const out: [string, string][] = [];
  if (params.receivedFrom) out.push(['received_from', params.receivedFrom]);
  if (params.receivedTo) out.push(['received_to', params.receivedTo]);
  if (params.outcome) out.push(['outcome', params.outcome]);
  if (params.ground) out.push(['ground', params.ground]);
  if (params.team !== null) out.push(['team', params.team]);
  if (params.partyType) out.push(['party_type', params.partyType]);
  if (params.escalation) out.push(['escalation', params.escalation]);
  if (params.timely) {
    out.push(['clock', params.timely.clock], ['timely', params.timely.state]);
    if (params.timely.dueFrom) out.push(['due_from', params.timely.dueFrom]);
    if (params.timely.dueTo) out.push(['due_to', params.timely.dueTo]);
  }
  return out;
}

/** True when any of the report's filters is set. */
export function hasReportFilters(params: InboxParams): boolean {
  return reportFilterEntries(params).length > 0;
}

/** The same view without the report's filters (the notice's "clear" link), page 1. */
export function withoutReportFilters(params: InboxParams): InboxParams {
  return {
    ...params,
    receivedFrom: null,
    receivedTo: null,
    outcome: null,
    ground: null,
    team: null,
    partyType: null,
    escalation: null,
    timely: null,
    page: 1,
  };
}

export function inboxHref(params: InboxParams, path = '/beheer'): string {
  const query = toSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
}

/** Where a column header links: the same view sorted by that column (the active column flips direction), page 1. */
export function sortHref(params: InboxParams, key: SortKey): string {
  const dir = params.sort === key ? (params.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[key];
  return inboxHref({ ...params, sort: key, dir, page: 1 });
}

export function pageHref(params: InboxParams, page: number): string {
  return inboxHref({ ...params, page });
}

/** True when any filter narrows the default selection (sort and page do not count). */
export function isFiltered(params: InboxParams): boolean {
  return (
    !sameStatuses(params.statuses, OPEN_STATUSES) ||
    params.category !== null ||
    params.channel !== null ||
    params.handler !== null ||
    params.party !== null ||
    params.overdue !== null ||
    params.mine ||
    params.q !== '' ||
    hasReportFilters(params)
  );
}

/** The page count for a total (at least 1), and the page actually shown when the URL asked beyond the end. */
export function pagination(total: number, requestedPage: number, pageSize = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requestedPage), pages);
  return { pages, page, offset: (page - 1) * pageSize, from: total ? (page - 1) * pageSize + 1 : 0, to: Math.min(total, page * pageSize) };
}

/** The query string as it came in, to compare with the clean form of the same view. */
export function incomingQuery(raw: RawSearchParams): string {
  if (raw instanceof URLSearchParams) return raw.toString();
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  return out.toString();
}
