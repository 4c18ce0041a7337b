import { MAX_PAGE, normaliseQuery, type RawSearchParams } from '@/lib/inbox/params';
import { MEASURE_STATUSES, type MeasureStatus } from '@/lib/procedure/vocabulary';

/**
 * The measures register's view as it lives in the URL (`/beheer/maatregelen?status=…&overdue=1`), like the inbox's
 * (lib/inbox/params.ts): every filter and the page, so a view can be shared and survives a reload. Parsing is
 * forgiving: anything missing, malformed or naming something that does not exist falls back to its default.
 */

export const MEASURE_STATUS_FILTERS = ['open', ...MEASURE_STATUSES] as const;
/** `open` = planned or in progress; null = every status. */
export type MeasureStatusFilter = (typeof MEASURE_STATUS_FILTERS)[number];

export const MEASURES_PAGE_SIZE = 25;

export type MeasureParams = {
  status: MeasureStatusFilter | null;
  /** A category id, or 'none' for measures without a category. */
  category: number | 'none' | null;
  /** An owner exactly as recorded (owners are free text; the filter offers the ones that exist). */
  owner: string | null;
  /** Only open measures whose due date has passed. */
  overdue: boolean;
  /** Free text searched in the description and the owner. */
  q: string;
  page: number;
};

export const DEFAULT_MEASURE_PARAMS: MeasureParams = { status: null, category: null, owner: null, overdue: false, q: '', page: 1 };

export type MeasureChoices = { categories: readonly number[]; owners: readonly string[] };

function first(raw: RawSearchParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

function positiveInt(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}

export function parseMeasureParams(raw: RawSearchParams, choices: MeasureChoices): MeasureParams {
  const status = first(raw, 'status');
  const category = first(raw, 'category');
  const categoryId = positiveInt(category);
  const owner = first(raw, 'owner');
  const page = positiveInt(first(raw, 'page'));
  return {
    status: (MEASURE_STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as MeasureStatusFilter) : null,
    category: category === 'none' ? 'none' : categoryId !== null && choices.categories.includes(categoryId) ? categoryId : null,
    owner: owner !== undefined && choices.owners.includes(owner) ? owner : null,
    overdue: first(raw, 'overdue') === '1',
    q: normaliseQuery(first(raw, 'q')),
    page: page !== null && page <= MAX_PAGE ? page : 1,
  };
}

/** The URL query of a view, without defaults. The inverse of `parseMeasureParams`. */
export function measureSearchParams(params: MeasureParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.status) out.set('status', params.status);
  if (params.category !== null) out.set('category', String(params.category));
  if (params.owner !== null) out.set('owner', params.owner);
  if (params.overdue) out.set('overdue', '1');
  if (params.q) out.set('q', params.q);
  if (params.page !== 1) out.set('page', String(params.page));
  return out;
}

export const MEASURES_PATH = '/beheer/maatregelen';

export function measuresHref(params: MeasureParams): string {
  const query = measureSearchParams(params).toString();
  return query ? `${MEASURES_PATH}?${query}` : MEASURES_PATH;
}

export function isMeasureFiltered(params: MeasureParams): boolean {
  return params.status !== null || params.category !== null || params.owner !== null || params.overdue || params.q !== '';
}

/** Which statuses a status filter selects. */
export function statusesOf(filter: MeasureStatusFilter | null): MeasureStatus[] {
  if (filter === null) return [...MEASURE_STATUSES];
  if (filter === 'open') return ['planned', 'in_progress'];
  return [filter];
}
