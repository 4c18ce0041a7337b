import { type SQL, sql } from 'drizzle-orm';
import type { IsoDate } from '@/lib/procedure/dates';
import { CLOCKS, type Clock } from '@/lib/procedure/deadlines';
import {
  CHANNELS,
  type Channel,
  CONTRACTING_PARTY_TYPES,
  type ContractingPartyType,
  MEASURE_STATUSES,
  type MeasureStatus,
  NOT_ADMISSIBLE_GROUNDS,
  type NotAdmissibleGround,
  OUTCOMES,
} from '@/lib/procedure/vocabulary';
import { bucketStartOf, bucketsOf, effectWindow, granularityOf, percentileFromHistogram } from '@/lib/reports/figures';
import type { ClockTimeliness, CountBy, MeasureEffect, Period, ReportData, ReportOutcomeKey, VolumeBucket } from '@/lib/reports/types';
import { type Db, type Tx, together } from './client';
import { overdueCounts } from './inbox';
import { clockDueBetween, clockState } from './report-conditions';
import { complaints } from './schema';

type Executor = Db | Tx;

/** node-postgres and Neon return `{ rows }`, PGlite too. */
async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

const receivedIn = (period: Period) => sql`${complaints.receivedOn} between ${period.from} and ${period.to}`;

const zeroChannels = (): Record<Channel, number> => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;

/** Complaints received per day and channel in the period, bucketed per week or month. */
async function volume(db: Executor, period: Period) {
  const perDay = await rows<{ day: IsoDate; channel: Channel; n: number }>(
    db,
    sql`select ${complaints.receivedOn}::text as day, ${complaints.channel}::text as channel, count(*)::int as n
        from ${complaints} where ${receivedIn(period)} group by ${complaints.receivedOn}, ${complaints.channel}`,
  );
  const granularity = granularityOf(period);
  const buckets: VolumeBucket[] = bucketsOf(period, granularity).map((b) => ({ start: b.start, byChannel: zeroChannels(), total: 0 }));
  const index = new Map(buckets.map((b, i) => [b.start, i]));
  const receivedByChannel = zeroChannels();
  let received = 0;
  for (const row of perDay) {
    const bucket = buckets[index.get(bucketStartOf(row.day, granularity, period))!]!;
    bucket.byChannel[row.channel] += row.n;
    bucket.total += row.n;
    receivedByChannel[row.channel] += row.n;
    received += row.n;
  }
  return { granularity, buckets, received, receivedByChannel };
}

/** Open now, whenever received (open ⇔ next_due is set: the inbox's partial index). */
async function openNow(db: Executor) {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${complaints} where ${complaints.nextDue} is not null`);
  return row?.n ?? 0;
}

/** Whose current closure (resolved, not admissible, withdrawn; escalation keeps the resolution's day) falls in the period. */
async function closedInPeriod(db: Executor, period: Period) {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${complaints} where ${complaints.closedOn} between ${period.from} and ${period.to}`,
  );
  return row?.n ?? 0;
}

async function byCategory(db: Executor, period: Period) {
  return rows<{ code: string; nameNl: string; nameEn: string; count: number }>(
    db,
    sql`select cat.code, cat.name_nl as "nameNl", cat.name_en as "nameEn", coalesce(n.n, 0)::int as count
        from categories cat
        left join (select ${complaints.categoryId} as category_id, count(*) as n from ${complaints}
                   where ${receivedIn(period)} group by 1) n on n.category_id = cat.id
        order by cat.sort_order, cat.id`,
  );
}

async function byTeam(db: Executor, period: Period): Promise<CountBy<string | null>> {
  const found = await rows<{ key: string | null; count: number }>(
    db,
    sql`select s.team as key, sum(c.n)::int as count
        from (select ${complaints.concernsStaffId} as staff_id, count(*) as n from ${complaints}
              where ${receivedIn(period)} group by 1) c
        left join staff s on s.id = c.staff_id
        group by s.team order by sum(c.n) desc, s.team nulls last`,
  );
  return found;
}

async function byPartyType(db: Executor, period: Period): Promise<CountBy<ContractingPartyType | 'unknown'>> {
  const found = await rows<{ key: ContractingPartyType | 'unknown'; count: number }>(
    db,
    sql`select coalesce(cp.type::text, c.choice::text) as key, sum(c.n)::int as count
        from (select ${complaints.contractingPartyId} as party_id, ${complaints.partyChoice} as choice, count(*) as n
              from ${complaints} where ${receivedIn(period)} group by 1, 2) c
        left join contracting_parties cp on cp.id = c.party_id group by 1`,
  );
  const keys = [...CONTRACTING_PARTY_TYPES, 'unknown'] as const;
  const counts = new Map(found.map((r) => [r.key, r.count]));
  return keys
    .map((key) => ({ key, count: counts.get(key) ?? 0 }))
    .sort((a, b) => b.count - a.count || keys.indexOf(a.key) - keys.indexOf(b.key));
}

async function topParties(db: Executor, period: Period) {
  return rows<{ id: number; name: string; type: ContractingPartyType; count: number }>(
    db,
    sql`select cp.id, cp.name, cp.type::text as type, n.n::int as count
        from (select ${complaints.contractingPartyId} as party_id, count(*) as n from ${complaints}
              where ${receivedIn(period)} and ${complaints.contractingPartyId} is not null group by 1) n
        join contracting_parties cp on cp.id = n.party_id
        order by n.n desc, cp.name, cp.id limit 10`,
  );
}

async function outcomes(db: Executor, period: Period): Promise<ReportData['outcomes']> {
  const found = await rows<{ status: string; outcome: string | null; ground: string | null; count: number }>(
    db,
    sql`select ${complaints.status}::text as status, ${complaints.outcome}::text as outcome,
               ${complaints.notAdmissibleGround}::text as ground, count(*)::int as count
        from ${complaints} where ${receivedIn(period)}
        group by ${complaints.status}, ${complaints.outcome}, ${complaints.notAdmissibleGround}`,
  );
  const keys: ReportOutcomeKey[] = [...OUTCOMES, 'not_admissible', 'withdrawn', 'open'];
  const byOutcome = Object.fromEntries(keys.map((k) => [k, 0])) as Record<ReportOutcomeKey, number>;
  const notAdmissibleByGround = Object.fromEntries(NOT_ADMISSIBLE_GROUNDS.map((g) => [g, 0])) as Record<NotAdmissibleGround, number>;
  let escalated = 0;
  let partyResponded = 0;
  for (const row of found) {
    if (row.status === 'not_admissible') {
      byOutcome.not_admissible += row.count;
      if (row.ground) notAdmissibleByGround[row.ground as NotAdmissibleGround] += row.count;
    } else if (row.status === 'withdrawn') byOutcome.withdrawn += row.count;
    else if (row.outcome) byOutcome[row.outcome as ReportOutcomeKey] += row.count;
    else byOutcome.open += row.count;
    if (row.status === 'escalated' || row.status === 'closed_by_party') escalated += row.count;
    if (row.status === 'closed_by_party') partyResponded += row.count;
  }
  return { byOutcome, notAdmissibleByGround, escalated, partyResponded };
}

/**
 * One clock over the complaints due on it in the period; for the resolution also the extensions. Reads only the
 * clock's own index (due date, status, the day it stopped; see db/schema.ts).
 */
async function clockTimeliness(db: Executor, clock: Clock, period: Period, today: IsoDate) {
  const [counts] = await rows<{ on_time: number; late: number; pending: number; extended: number; twice: number }>(
    db,
    sql`select count(*) filter (where s = 'on_time')::int as on_time,
               count(*) filter (where s = 'late')::int as late,
               count(*) filter (where s = 'pending')::int as pending,
               count(*) filter (where s is not null and ext >= 1)::int as extended,
               count(*) filter (where s is not null and ext >= 2)::int as twice
        from (select case when ${clockState(clock, 'on_time', today)} then 'on_time'
                          when ${clockState(clock, 'late', today)} then 'late'
                          when ${clockState(clock, 'pending', today)} then 'pending' end as s,
                     ${clock === 'resolution' ? sql`${complaints.extensionCount}` : sql`0`} as ext
              from ${complaints} where ${clockDueBetween(clock, period.from, period.to)}) t`,
  );
  const c = counts ?? { on_time: 0, late: 0, pending: 0, extended: 0, twice: 0 };
  const figures: ClockTimeliness = { judged: c.on_time + c.late, onTime: c.on_time, late: c.late, pending: c.pending };
  return { figures, extensions: { of: c.on_time + c.late + c.pending, extended: c.extended, extendedTwiceOrMore: c.twice } };
}

async function timeliness(db: Executor, period: Period, today: IsoDate) {
  const [acknowledgement, notAdmissibleNotice, resolution] = await together(
    db,
    CLOCKS.map((clock) => () => clockTimeliness(db, clock, period, today)),
  );
  return {
    acknowledgement: acknowledgement!.figures,
    notAdmissibleNotice: notAdmissibleNotice!.figures,
    resolution: resolution!.figures,
    extensions: resolution!.extensions,
  };
}

/** Calendar days from receipt to the (current) resolution, over the complaints resolved in the period. */
async function daysToOutcome(db: Executor, period: Period) {
  const histogram = await rows<{ value: number; count: number }>(
    db,
    sql`select (${complaints.resolvedOn} - ${complaints.receivedOn})::int as value, count(*)::int as count
        from ${complaints} where ${complaints.resolvedOn} between ${period.from} and ${period.to} group by 1`,
  );
  return {
    count: histogram.reduce((sum, h) => sum + h.count, 0),
    median: percentileFromHistogram(histogram, 0.5),
    p90: percentileFromHistogram(histogram, 0.9),
  };
}

/** As the inbox counts them for a manager (every complaint). */
async function overdueNow(db: Executor, _period: Period, today: IsoDate) {
  return overdueCounts(db, { id: 0, role: 'manager' }, today);
}

async function measuresByStatus(db: Executor, _period: Period, today: IsoDate) {
  const found = await rows<{ status: MeasureStatus; count: number; overdue: number }>(
    db,
    sql`select status::text as status, count(*)::int as count,
               count(*) filter (where status::text in ('planned', 'in_progress') and due_on < ${today})::int as overdue
        from measures group by 1`,
  );
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  let overdue = 0;
  for (const row of found) {
    byStatus[row.status] = row.count;
    overdue += row.overdue;
  }
  return { byStatus, overdue };
}

/** Done measures with a category, newest first (20): that category's complaints 6 months before vs after. */
async function measureEffect(db: Executor, _period: Period, today: IsoDate): Promise<MeasureEffect[]> {
  const found = await rows<{ id: number; description: string; code: string; done_on: IsoDate; before: number; after: number }>(
    db,
    sql`select m.id, m.description, cat.code, m.done_on::text as done_on,
          (select count(*) from ${complaints} where ${complaints.categoryId} = m.category_id
             and ${complaints.receivedOn} >= (m.done_on - interval '6 months')::date and ${complaints.receivedOn} < m.done_on)::int as before,
          (select count(*) from ${complaints} where ${complaints.categoryId} = m.category_id
             and ${complaints.receivedOn} > m.done_on
             and ${complaints.receivedOn} <= least((m.done_on + interval '6 months')::date, ${today}::date))::int as after
        from measures m join categories cat on cat.id = m.category_id
        where m.status::text = 'done'
        order by m.done_on desc, m.id desc limit 20`,
  );
  return found.map((m) => {
    const window = effectWindow(m.done_on, today);
    return {
      measureId: m.id,
      description: m.description,
      categoryCode: m.code,
      doneOn: m.done_on,
      before: m.before,
      after: m.after,
      afterComplete: window.afterComplete,
      afterDays: window.afterDays,
    };
  });
}

/**
 * The clients' judgement of the outcome (their status page), over the complaints received in the period, per category:
 * decided (resolved, escalated or closed by the party: they could answer), answered, satisfied, and forward requests.
 * Two reads side by side: the decided ones from the cohort's covering index, the answers from their own partial index.
 */
async function satisfaction(db: Executor, period: Period): Promise<ReportData['satisfaction']> {
  type Row = { category_id: number; decided?: number; answered?: number; satisfied?: number; forwarded?: number };
  const [decided, answered] = await together<[Row[], Row[]]>(db, [
    () =>
      rows(
        db,
        sql`select ${complaints.categoryId} as category_id, count(*)::int as decided from ${complaints}
            where ${receivedIn(period)} and ${complaints.status} in ('resolved', 'escalated', 'closed_by_party') group by 1`,
      ),
    () =>
      rows(
        db,
        sql`select ${complaints.categoryId} as category_id, count(*)::int as answered,
                   count(*) filter (where ${complaints.clientSatisfied})::int as satisfied,
                   count(${complaints.forwardRequestedAt})::int as forwarded
            from ${complaints} where ${receivedIn(period)} and ${complaints.clientSatisfied} is not null group by 1`,
      ),
  ]);
  const cats = await rows<{ id: number; code: string; nameNl: string; nameEn: string }>(
    db,
    sql`select id, code, name_nl as "nameNl", name_en as "nameEn" from categories order by sort_order, id`,
  );
  const byCategory = cats.map((c) => {
    const d = decided!.find((r) => r.category_id === c.id);
    const a = answered!.find((r) => r.category_id === c.id);
    return { code: c.code, nameNl: c.nameNl, nameEn: c.nameEn, decided: d?.decided ?? 0, answered: a?.answered ?? 0, satisfied: a?.satisfied ?? 0, forwardRequested: a?.forwarded ?? 0 };
  });
  const sum = (key: 'decided' | 'answered' | 'satisfied' | 'forwardRequested') => byCategory.reduce((n, c) => n + c[key], 0);
  return { decided: sum('decided'), answered: sum('answered'), satisfied: sum('satisfied'), forwardRequested: sum('forwardRequested'), byCategory };
}

/**
 * The dashboard's queries, one per section, each taking (db, period, today): loadReport runs them all; the benchmark
 * (npm run bench:reports) times each one.
 */
export const REPORT_QUERIES = {
  volume: (db: Executor, period: Period, _today: IsoDate) => volume(db, period),
  openNow: (db: Executor, _period: Period, _today: IsoDate) => openNow(db),
  closedInPeriod: (db: Executor, period: Period, _today: IsoDate) => closedInPeriod(db, period),
  byCategory: (db: Executor, period: Period, _today: IsoDate) => byCategory(db, period),
  byTeam: (db: Executor, period: Period, _today: IsoDate) => byTeam(db, period),
  byPartyType: (db: Executor, period: Period, _today: IsoDate) => byPartyType(db, period),
  topParties: (db: Executor, period: Period, _today: IsoDate) => topParties(db, period),
  outcomes: (db: Executor, period: Period, _today: IsoDate) => outcomes(db, period),
  timeliness: (db: Executor, period: Period, today: IsoDate) => timeliness(db, period, today),
  daysToOutcome: (db: Executor, period: Period, _today: IsoDate) => daysToOutcome(db, period),
  overdueNow,
  measuresByStatus,
  measureEffect,
  satisfaction: (db: Executor, period: Period, _today: IsoDate) => satisfaction(db, period),
} satisfies Record<string, (db: Executor, period: Period, today: IsoDate) => Promise<unknown>>;

export type ReportQueryName = keyof typeof REPORT_QUERIES;

/**
 * The management report for one period (see lib/reports/types.ts for what each figure counts). On a pool the sections
 * run side by side; inside a transaction (one connection) one after the other.
 */
export async function loadReport(db: Db | Tx, period: Period, today: IsoDate): Promise<ReportData> {
  const q = REPORT_QUERIES;
  const jobs: (() => Promise<unknown>)[] = [
    () => q.volume(db, period, today),
    () => q.openNow(db, period, today),
    () => q.closedInPeriod(db, period, today),
    () => q.byCategory(db, period, today),
    () => q.byTeam(db, period, today),
    () => q.byPartyType(db, period, today),
    () => q.topParties(db, period, today),
    () => q.outcomes(db, period, today),
    () => q.timeliness(db, period, today),
    () => q.daysToOutcome(db, period, today),
    () => q.overdueNow(db, period, today),
    () => q.measuresByStatus(db, period, today),
    () => q.measureEffect(db, period, today),
    () => q.satisfaction(db, period, today),
  ];
  const results = await together(db, jobs);
  const [vol, open, closed, categoriesFound, teams, partyTypes, parties, outcomeFigures, clocks, days, overdue, measureStatus, effect, judged] =
    results as [
      Awaited<ReturnType<typeof volume>>,
      number,
      number,
      Awaited<ReturnType<typeof byCategory>>,
      CountBy<string | null>,
      CountBy<ContractingPartyType | 'unknown'>,
      Awaited<ReturnType<typeof topParties>>,
      ReportData['outcomes'],
      Awaited<ReturnType<typeof timeliness>>,
      Awaited<ReturnType<typeof daysToOutcome>>,
      Record<Clock, number>,
      Awaited<ReturnType<typeof measuresByStatus>>,
      MeasureEffect[],
      ReportData['satisfaction'],
    ];
  return {
    period,
    volume: { ...vol, openNow: open, closedInPeriod: closed },
    nature: { byCategory: categoriesFound, byTeam: teams, byPartyType: partyTypes, topParties: parties },
    outcomes: outcomeFigures,
    timeliness: { ...clocks, daysToOutcome: days, overdueNow: overdue },
    measures: { ...measureStatus, effect },
    satisfaction: judged,
  };
}

