import { DEFAULT_PARAMS, type InboxParams, inboxHref } from '@/lib/inbox/params';
import { STATUSES } from '@/lib/procedure/vocabulary';
import type { DrillDown, Period } from './types';

/**
 * The inbox view behind a number on the dashboard: all statuses, received in the period (or, for timeliness, due in
 * the period on that clock; for "overdue now", not bound to the period), plus the selection. The inbox applies the
 * same definitions as the report's queries (db/report-conditions.ts), so the list has exactly the number's count.
 */
export function drillDownParams(period: Period, selection: DrillDown): InboxParams {
  const all: InboxParams = { ...DEFAULT_PARAMS, statuses: [...STATUSES] };
  const received: InboxParams = { ...all, receivedFrom: period.from, receivedTo: period.to };
  switch (selection.kind) {
    case 'received':
      return received;
    case 'channel':
      return { ...received, channel: selection.channel };
    case 'bucket':
      return { ...all, receivedFrom: selection.start, receivedTo: selection.end, channel: selection.channel ?? null };
    case 'category':
      return { ...received, category: selection.code };
    case 'team':
      return { ...received, team: selection.team ?? 'none' };
    case 'partyType':
      return { ...received, partyType: selection.type };
    case 'party':
      return { ...received, party: selection.id };
    case 'outcome':
      return { ...received, outcome: selection.outcome };
    case 'ground':
      return { ...received, outcome: 'not_admissible', ground: selection.ground };
    case 'escalated':
      return { ...received, escalation: 'escalated' };
    case 'partyResponded':
      return { ...received, escalation: 'responded' };
    case 'late':
      return {
        ...all,
        timely: { clock: selection.clock, state: selection.pending ? 'pending' : 'late', dueFrom: period.from, dueTo: period.to },
      };
    case 'overdueNow':
      return { ...all, overdue: selection.clock };
  }
}

/** The inbox URL that lists exactly the complaints behind a number on the dashboard (see `DrillDown`). */
export function drillDownHref(period: Period, selection: DrillDown): string {
  return inboxHref(drillDownParams(period, selection));
}
