import { type SQL, sql } from 'drizzle-orm';
import type { IsoDate } from '@/lib/procedure/dates';
import type { InboxParams, TimelyState } from '@/lib/inbox/params';
import type { ContractingPartyType } from '@/lib/procedure/vocabulary';
import type { ReportOutcomeKey } from '@/lib/reports/types';
import type { Clock } from '@/lib/procedure/deadlines';
import { complaints } from './schema';

/**
 * The report's definitions as SQL conditions on `complaints`, shared by the dashboard queries (db/reports.ts) and the
 * inbox filters its numbers link to (db/inbox.ts), so a number and the list behind it can never disagree.
 *
 * A clock is judged against its due date: it stopped when its step was taken (acknowledged_on, not_admissible_on,
 * resolved_on, kept by the history trigger of migration 0007), or it is still running. It runs as the inbox says
 * (lib/procedure/deadlines.ts runningClocks): the acknowledgement while the complaint is 'received'; the not-admissible
 * notice while an open complaint is flagged by the one-year rule; the resolution while the complaint is open. A
 * complaint whose clock ended otherwise (withdrawn, resolved while flagged, not admissible before its resolution) is
 * not judged on that clock.
 */

export type TimelinessState = TimelyState;

const isOpen = sql`${complaints.status} in ('received', 'acknowledged', 'in_progress', 'info_requested')`;

/** The due date of a clock (generated columns, the resolution's after extensions). */
export function clockDue(clock: Clock): SQL {
  switch (clock) {
    case 'acknowledgement':
      return sql`${complaints.acknowledgementDue}`;
    case 'notAdmissibleNotice':
      return sql`${complaints.noticeDue}`;
    case 'resolution':
      return sql`${complaints.resolutionDue}`;
  }
}

/** The day the clock stopped, null while it has not. */
function clockStopped(clock: Clock): SQL {
  switch (clock) {
    case 'acknowledgement':
      return sql`${complaints.acknowledgedOn}`;
    case 'notAdmissibleNotice':
      return sql`${complaints.notAdmissibleOn}`;
    case 'resolution':
      return sql`${complaints.resolvedOn}`;
  }
}

/** The clock is still running now (not stopped, and the complaint is in a state where it runs). */
function clockRunning(clock: Clock): SQL {
  switch (clock) {
    case 'acknowledgement':
      return sql`(${complaints.acknowledgedOn} is null and ${complaints.status} = 'received')`;
    case 'notAdmissibleNotice':
      return sql`(${complaints.notAdmissibleOn} is null and ${isOpen} and ${complaints.incidentOlderThanLimit})`;
    case 'resolution':
      return sql`(${complaints.resolvedOn} is null and ${isOpen})`;
  }
}

/** How the complaint stands on this clock (see the module comment); false for a complaint the clock does not judge. */
export function clockState(clock: Clock, state: TimelinessState, today: IsoDate): SQL {
  const due = clockDue(clock);
  const stopped = clockStopped(clock);
  switch (state) {
    case 'on_time':
      return sql`(${stopped} <= ${due})`;
    case 'late':
      return sql`(${stopped} > ${due} or (${clockRunning(clock)} and ${due} < ${today}))`;
    case 'pending':
      return sql`(${clockRunning(clock)} and ${due} >= ${today})`;
  }
}

/** The clock's due date falls in [from, to] (either end may be open). */
export function clockDueBetween(clock: Clock, from: IsoDate | null, to: IsoDate | null): SQL {
  const due = clockDue(clock);
  if (from && to) return sql`${due} between ${from} and ${to}`;
  if (from) return sql`${due} >= ${from}`;
  if (to) return sql`${due} <= ${to}`;
  return sql`true`;
}

/**
 * The linked contracting party's type, else what the client chose ('unknown' when neither says); written as id lists
 * so the planner can use the indexes instead of a lookup per row.
 */
export function partyTypeIs(type: ContractingPartyType | 'unknown'): SQL {
  const chosen = sql`(${complaints.contractingPartyId} is null and ${complaints.partyChoice} = ${type})`;
  if (type === 'unknown') return chosen;
  return sql`(${complaints.contractingPartyId} in (select cp.id from contracting_parties cp where cp.type = ${type}) or ${chosen})`;
}

/** The team of the staff member the complaint is about; 'none' when there is none or they have no team. */
export function teamIs(team: string | 'none'): SQL {
  if (team === 'none') {
    return sql`(${complaints.concernsStaffId} is null or ${complaints.concernsStaffId} in (select s.id from staff s where s.team is null))`;
  }
  return sql`${complaints.concernsStaffId} in (select s.id from staff s where s.team = ${team})`;
}

/** The outcome as the report counts it (lib/reports/types.ts ReportOutcomeKey). */
export function outcomeIs(outcome: ReportOutcomeKey): SQL {
  switch (outcome) {
    case 'not_admissible':
      return sql`${complaints.status} = 'not_admissible'`;
    case 'withdrawn':
      return sql`${complaints.status} = 'withdrawn'`;
    case 'open':
      return sql`${complaints.nextDue} is not null`;
    default:
      return sql`${complaints.outcome} = ${outcome}`;
  }
}

/**
 * The report's filters of an inbox view (the dashboard's drill-down), as SQL conditions on `complaints`; the same
 * definitions as the report's queries in db/reports.ts.
 */
export function reportFilterConditions(params: InboxParams, today: IsoDate): SQL[] {
  const out: SQL[] = [];
  if (params.receivedFrom) out.push(sql`${complaints.receivedOn} >= ${params.receivedFrom}`);
  if (params.receivedTo) out.push(sql`${complaints.receivedOn} <= ${params.receivedTo}`);
  if (params.outcome) out.push(outcomeIs(params.outcome));
  if (params.ground) out.push(sql`${complaints.notAdmissibleGround} = ${params.ground}`);
  if (params.team !== null) out.push(teamIs(params.team));
  if (params.partyType) out.push(partyTypeIs(params.partyType));
  if (params.escalation === 'escalated') out.push(sql`${complaints.status} in ('escalated', 'closed_by_party')`);
  if (params.escalation === 'responded') out.push(sql`${complaints.status} = 'closed_by_party'`);
  if (params.timely) {
    const { clock, state, dueFrom, dueTo } = params.timely;
    out.push(clockState(clock, state, today));
    if (dueFrom || dueTo) out.push(clockDueBetween(clock, dueFrom, dueTo));
  }
  return out;
}
