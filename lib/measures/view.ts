import type { MeasureHistoryEntry } from '@/db/measures';
import { formatDateTime, type HistoryRow, type Item, type Translate } from '@/lib/complaints/file';
import { formatDate } from '@/lib/format';
import { isIsoDate } from '@/lib/procedure/calendar';
import { MEASURE_FIELDS, type MeasureField } from './rules';

/**
 * The measure page's history as the timeline shows it (components/beheer/file/HistoryTimeline): who, when, what, why,
 * and per changed field "before → after". `t` is the `beheer` translator; categories are named by id in the history.
 */

const isFieldChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

function fieldValue(t: Translate, field: string, value: unknown, categories: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined || value === '') return t('measures.history.empty');
  if (field === 'status' && typeof value === 'string') return t(`measures.statuses.${value}`);
  if (field === 'categoryId' && typeof value === 'number') return categories.get(value) ?? t('measures.history.unknownCategory');
  if (typeof value === 'string' && isIsoDate(value)) return formatDate(value, 'nl');
  return String(value);
}

const LONG_FIELDS = new Set<string>(['description', 'reason', 'droppedReason']);

export function measureHistoryDetails(t: Translate, action: string, details: Record<string, unknown> | null, categories: ReadonlyMap<number, string>): Item[] {
  if (!details) return [];
  if (action === 'linked' || action === 'unlinked') {
    return typeof details.reference === 'string' ? [{ label: t('measures.history.complaint'), value: details.reference }] : [];
  }
  const rank = (key: string) => {
    const i = MEASURE_FIELDS.indexOf(key as MeasureField);
    return i === -1 ? MEASURE_FIELDS.length : i;
  };
  const items: Item[] = [];
  for (const [field, raw] of Object.entries(details).sort(([a], [b]) => rank(a) - rank(b))) {
    // The status line says the status change already; the dropped reason is the row's reason.
    if (action === 'status_changed' && (field === 'status' || (field === 'droppedReason' && isFieldChange(raw) && raw.to !== null))) continue;
    const label = t.has(`measures.fields.${field}`) ? t(`measures.fields.${field}`) : field;
    if (!isFieldChange(raw)) {
      items.push({ label, value: fieldValue(t, field, raw, categories) });
      continue;
    }
    const to = fieldValue(t, field, raw.to, categories);
    if (action === 'created') {
      items.push({ label, value: to, multiline: LONG_FIELDS.has(field) });
      continue;
    }
    const multiline = LONG_FIELDS.has(field);
    // A status change that sets a value (the day it was done) names just that value.
    if (action === 'status_changed' && (raw.from === null || raw.from === undefined)) {
      items.push({ label, value: to, multiline });
      continue;
    }
    const from = fieldValue(t, field, raw.from, categories);
    items.push({
      label,
      value: multiline ? t('measures.history.changeLong', { from, to }) : t('measures.history.change', { from, to }),
      multiline,
    });
  }
  return items;
}

export function measureHistoryRow(t: Translate, entry: MeasureHistoryEntry, categories: ReadonlyMap<number, string>): HistoryRow {
  const status = entry.details?.status;
  const statusChange =
    entry.action === 'status_changed' && isFieldChange(status)
      ? t('measures.history.statusChange', { from: fieldValue(t, 'status', status.from, categories), to: fieldValue(t, 'status', status.to, categories) })
      : null;
  return {
    id: entry.id,
    at: formatDateTime(entry.at),
    atIso: entry.at.toISOString(),
    who: entry.actorUserId ? (entry.actorName ?? t('file.history.unknown')) : t('file.history.system'),
    action: t.has(`measures.history.actions.${entry.action}`) ? t(`measures.history.actions.${entry.action}`) : entry.action,
    statusChange,
    reason: entry.reason,
    details: measureHistoryDetails(t, entry.action, entry.details, categories),
  };
}
