import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { IsoDate } from '@/lib/procedure/dates';
import type { PrivacyKind } from '@/lib/privacy/requests';
import { FINAL_STATUSES } from '@/lib/privacy/retention';
import type { Db, Tx } from './client';
import { complaintAccessLog, complaints, users, type AccessKind } from './schema';

type Executor = Db | Tx;

/**
 * The retention rule of lib/privacy/retention.ts in SQL (a test checks both agree): the closing day (for a complaint
 * closed by the contracting party, the day of that step), plus the shorter of its own and the current period.
 */
function dueRows(currentMonths: number) {
  const finals = sql.join(FINAL_STATUSES.map((s) => sql`${s}`), sql`, `);
  return sql`
    select c.id, c.reference, c.category_id, x.closing_day,
      (x.closing_day + make_interval(months => case
        when (c.terms->>'retentionMonths') ~ '^[1-9][0-9]{0,3}$' then least((c.terms->>'retentionMonths')::int, ${currentMonths}::int)
        else ${currentMonths}::int end))::date as anonymise_on
    from complaints c
    cross join lateral (select case when c.status = 'closed_by_party' then coalesce(
      (select max((h.at at time zone 'Europe/Amsterdam')::date) from complaint_history h where h.complaint_id = c.id and h.to_status = 'closed_by_party'),
      c.closed_on) else c.closed_on end as closing_day) x
    where c.anonymised_at is null and c.closed_on is not null and c.status in (${finals})`;
}

export type RetentionDue = { id: number; reference: string; category: string; closingDay: IsoDate; anonymiseOn: IsoDate };

/** The complaints whose anonymisation day is on or before `until`, not anonymised yet; earliest first. */
export async function dueForAnonymisation(db: Executor, until: IsoDate, currentMonths: number, limit = 10_000): Promise<RetentionDue[]> {
  type Row = { id: number; reference: string; category: string; closing_day: string; anonymise_on: string };
  const result: unknown = await db.execute(sql`
    select d.id, d.reference, cat.name_nl as category, d.closing_day::text as closing_day, d.anonymise_on::text as anonymise_on
    from (${dueRows(currentMonths)}) d join categories cat on cat.id = d.category_id
    where d.anonymise_on <= ${until}::date
    order by d.anonymise_on, d.id
    limit ${limit}`);
  const rows = ((result as { rows?: Row[] }).rows ?? (result as Row[])) as Row[];
  return rows.map((r) => ({ id: Number(r.id), reference: r.reference, category: r.category, closingDay: r.closing_day, anonymiseOn: r.anonymise_on }));
}

export type PrivacyRetentionDue = { id: number; kind: PrivacyKind; closedDay: IsoDate; anonymiseOn: IsoDate };

/**
 * The privacy requests whose anonymisation day (lib/privacy/retention.ts privacyRequestAnonymisationDay: the Amsterdam
 * day they were closed plus `currentMonths`) is on or before `until`, not anonymised yet; earliest first.
 */
export async function privacyRequestsDueForAnonymisation(db: Executor, until: IsoDate, currentMonths: number, limit = 10_000): Promise<PrivacyRetentionDue[]> {
  type Row = { id: number; kind: PrivacyKind; closed_day: string; anonymise_on: string };
  const result: unknown = await db.execute(sql`
    select d.id, d.kind, d.closed_day::text as closed_day, d.anonymise_on::text as anonymise_on from (
      select r.id, r.kind, x.closed_day, (x.closed_day + make_interval(months => ${currentMonths}::int))::date as anonymise_on
      from privacy_requests r cross join lateral (select (r.closed_at at time zone 'Europe/Amsterdam')::date as closed_day) x
      where r.closed_at is not null and r.anonymised_at is null and r.status in ('completed', 'refused')
    ) d
    where d.anonymise_on <= ${until}::date
    order by d.anonymise_on, d.id
    limit ${limit}`);
  const rows = ((result as { rows?: Row[] }).rows ?? (result as Row[])) as Row[];
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, closedDay: r.closed_day, anonymiseOn: r.anonymise_on }));
}

export type RetentionStats = { lastRunDay: IsoDate | null; lastRunCount: number; lastYearCount: number };

/**
 * How many complaints the retention run anonymised: on the last day it anonymised any (a run with nothing due leaves
 * no trace) and since `yearFrom`. Days in Europe/Amsterdam.
 */
export async function retentionStats(db: Executor, yearFrom: IsoDate): Promise<RetentionStats> {
  const day = sql`(${complaints.anonymisedAt} at time zone 'Europe/Amsterdam')::date`;
  const retention = and(eq(complaints.anonymisedReason, 'retention'), isNotNull(complaints.anonymisedAt));
  const [last] = await db
    .select({ day: sql<string>`${day}::text`, n: sql<number>`count(*)::int` })
    .from(complaints)
    .where(retention)
    .groupBy(day)
    .orderBy(desc(day))
    .limit(1);
  const [year] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(complaints)
    .where(and(retention, sql`${day} >= ${yearFrom}::date`));
  return { lastRunDay: last?.day ?? null, lastRunCount: last ? Number(last.n) : 0, lastYearCount: Number(year?.n ?? 0) };
}

/** One opening of a complaint file, dossier, attachment or letter by a staff user (the access log, issue 12). */
export async function recordAccess(db: Executor, entry: { complaintId: number; userId: number; what: AccessKind; at: Date }): Promise<void> {
  await db.insert(complaintAccessLog).values({ complaintId: entry.complaintId, userId: entry.userId, what: entry.what, openedAt: entry.at });
}

export type AccessEntry = { id: number; at: Date; what: AccessKind; userName: string; userRole: string };

/** The latest openings of one complaint, newest first. */
export async function accessLogOf(db: Executor, complaintId: number, limit = 50): Promise<AccessEntry[]> {
  return db
    .select({ id: complaintAccessLog.id, at: complaintAccessLog.openedAt, what: complaintAccessLog.what, userName: users.name, userRole: users.role })
    .from(complaintAccessLog)
    .innerJoin(users, eq(users.id, complaintAccessLog.userId))
    .where(eq(complaintAccessLog.complaintId, complaintId))
    .orderBy(desc(complaintAccessLog.openedAt), desc(complaintAccessLog.id))
    .limit(limit);
}
