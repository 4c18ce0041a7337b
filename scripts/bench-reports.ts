// `npm run bench:reports`: how fast is the management dashboard at volume?
//
// Seeds 1,000,000 complaints over the past three years into a throwaway PostgreSQL database, set-based (SQL
// generate_series, scripts/bench-reports-seed.sql.ts), each with the history of every step it took: channels,
// categories, staff and teams, contracting parties (employer / municipality / UWV), outcomes, not admissible by ground,
// withdrawn, reopened, escalations and the parties' responses, extensions (some twice, with consent), late
// acknowledgements and outcomes, questions, hearings; and a few thousand measures with their links and history. The
// report milestones of migration 0007 (acknowledged_on … closed_on, kept by a trigger on the history) are filled
// set-based exactly as that trigger would, and a sample is replayed through the real trigger to prove it.
//
// Then, for the most recent full calendar year, each dashboard query of db/reports.ts (REPORT_QUERIES) is timed (p50,
// p95) together with its floor: the plainest SQL that computes the same figure from the raw rows (the complaint
// history instead of the milestones), run with index scans switched off, in the same run, alternating. The ratio is
// the query's p95 over the floor's median (a floor that reads the whole history takes seconds, so it runs at least 5
// times and then only while it has used less than 15 s). Every query's result must equal its floor's, or the
// benchmark fails. Last, the whole dashboard: loadReport for the year, and for
// the year compared with the year before.
//
//   npm run bench:reports -- --complaints 1000000 --runs 20 --floor-runs 20 --explain --keep
//
// --explain prints the plan of every query; --keep leaves the database for a closer look.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  complaintsInsertSql,
  HISTORY_SQL,
  INFO_REQUESTS_SQL,
  INVOLVED_SQL,
  MEASURES_PARAMS,
  MEASURES_SQL,
  PLAN_SQL,
  PLAN_STATUS_SQL,
} from './bench-reports-seed.sql';

const { values: args } = parseArgs({
  options: {
    complaints: { type: 'string', default: '1000000' },
    measures: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '20' },
    'floor-runs': { type: 'string', default: '20' },
    'dashboard-runs': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const COMPLAINTS = Number(args.complaints);
const MEASURES = Number(args.measures);
const RUNS = Number(args.runs);
const FLOOR_RUNS = Number(args['floor-runs']);
const DASHBOARD_RUNS = Number(args['dashboard-runs']);
const WARMUP = Number(args.warmup);
const TARGET_P95_MS = 250;
const FLOOR_MIN_RUNS = 5;
const FLOOR_BUDGET_MS = 15_000;
const TARGET_RATIO = 3;
const TARGET_DASHBOARD_MS = 1000;
const NOW = new Date();

process.env.DEMO_PASSWORD ??= 'bench-reports-demo';
const { benchDatabase } = await import('./bench-database');
const database = await benchDatabase('klachtloket_bench_reports');
const { REPORT_QUERIES, loadReport } = await import('../db/reports');
const { amsterdamDate } = await import('../lib/procedure/dates');
const { DEFAULT_TERMS } = await import('../lib/procedure/terms');
type Period = import('../lib/reports/types').Period;
type IsoDate = import('../lib/procedure/dates').IsoDate;

const today = amsterdamDate(NOW);
const lastYear = Number(today.slice(0, 4)) - 1;
const YEAR: Period = { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
const PREVIOUS_YEAR: Period = { from: `${lastYear - 1}-01-01`, to: `${lastYear - 1}-12-31` };
const sql = new pg.Client({ connectionString: database.url });

const ms = (value: number) => value.toFixed(1);
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  console.log(`  ${label.padEnd(58)} ${seconds(performance.now() - t).padStart(8)}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding

const ids = async (query: string, params: unknown[] = []) => (await sql.query<{ id: number }>(query, params)).rows.map((r) => r.id);

/** More handlers, advisers in teams (a few without a team) and contracting parties than the demo installation has. */
async function seedReferenceData() {
  await sql.query(`insert into users (email, name, role)
    select 'bench-handler' || i || '@klachtloket.test', 'Benchmark Behandelaar ' || i, 'handler' from generate_series(1, 12) i`);
  await sql.query(`insert into staff (name, team, active)
    select 'Benchmark Adviseur ' || i, case when i % 13 = 0 then null else 'Team ' || (array['Den Bosch','Oss','Meierijstad','Uden','Vught','Rosmalen','Boxtel','Veghel'])[1 + i % 8] end, i % 17 <> 0
    from generate_series(1, 48) i`);
  await sql.query(`insert into contracting_parties (type, name, contact_email)
    select 'employer'::contracting_party_type, 'Werkgever ' || i || ' B.V.', 'hr@werkgever' || i || '.test' from generate_series(1, 60) i
    union all select 'municipality', 'Gemeente ' || n, 'werk@' || lower(n) || '.test'
      from unnest(array['Uden','Vught','Boxtel','Heusden','Bernheze','Maashorst','Sint-Michielsgestel','Haaren']) n
    union all select 'uwv', 'UWV ' || n, 'klachten-' || lower(n) || '@uwv.test' from unnest(array['Eindhoven','Nijmegen']) n`);
  // Not the handler who is also an adviser: nobody handles a complaint they are involved in (DESIGN rule 6).
  const handlers = await ids(`select id from users where role = 'handler' and active
    and id not in (select user_id from staff where user_id is not null) order by id`);
  const manager = (await ids(`select id from users where role = 'manager' order by id limit 1`))[0]!;
  const categories = await ids('select id from categories order by sort_order, id');
  const staff = await ids('select id from staff order by id');
  const party = (type: string) => ids('select id from contracting_parties where type = $1 order by id', [type]);
  return { handlers, manager, categories, staff, employers: await party('employer'), municipalities: await party('municipality'), uwv: await party('uwv') };
}

/** The milestones of migration 0007, as its trigger (complaint_history_milestones) sets them from the plan's steps. */
const MILESTONE_COLUMNS = ', acknowledged_on, not_admissible_on, resolved_on, closed_on';
const day = (column: string) => `(${column} at time zone 'Europe/Amsterdam')::date`;
const resolvedOn = `case when p.resolved2_at is not null then ${day('p.resolved2_at')} when p.reopened_at is not null then null else ${day('p.resolved1_at')} end`;
const MILESTONE_VALUES = `, ${day('p.ack_at')}, ${day('p.na_at')}, ${resolvedOn},
  coalesce(${resolvedOn}, ${day('p.na_at')}, ${day('p.withdrawn_at')})`;

/** The indexes of a table that no constraint owns: dropped for the bulk load, built again after it (same definitions). */
async function dropIndexes(tables: string[]) {
  const { rows } = await sql.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const index of rows) await sql.query(`drop index ${pg.escapeIdentifier(index.name)}`);
  return rows;
}

async function seedVolume() {
  const ref = await seedReferenceData();
  const demoMax = Number((await sql.query<{ n: number }>('select coalesce(max(id), 0)::int as n from complaints')).rows[0]!.n);
  const measureMax = Number((await sql.query<{ n: number }>('select coalesce(max(id), 0)::int as n from measures')).rows[0]!.n);
  await sql.query(`set timezone = 'Europe/Amsterdam'`);
  await sql.query(`set statement_timeout = '600s'`);
  await sql.query(`set maintenance_work_mem = '512MB'`);
  await sql.query(`set work_mem = '256MB'`);
  await sql.query('select setseed(0.2026)');
  const started = performance.now();
  await timed(`plan: the fate of ${COMPLAINTS.toLocaleString('en')} complaints`, async () => {
    await sql.query(PLAN_SQL, [today, NOW, COMPLAINTS, demoMax, ref.handlers, ref.categories, ref.staff, ref.employers, ref.municipalities, ref.uwv]);
    for (const statement of PLAN_STATUS_SQL.split(';').filter((s) => s.trim())) await sql.query(statement);
  });
  const indexes = await dropIndexes(['complaints', 'complaint_history', 'complaint_involved', 'information_requests']);
  // The bulk load writes rows that satisfy every constraint by construction; row triggers (the conflict guard, the
  // milestones trigger, foreign-key checks) are off for it and their work is done set-based (milestones) or checked
  // afterwards (foreign keys, the conflict rule, the milestones replayed through the real trigger).
  await sql.query(`set session_replication_role = replica`);
  await timed('complaints (with their milestones)', () => sql.query(complaintsInsertSql(MILESTONE_COLUMNS, MILESTONE_VALUES), [JSON.stringify(DEFAULT_TERMS)]));
  await timed('people involved, information requests', async () => {
    await sql.query(INVOLVED_SQL);
    await sql.query(INFO_REQUESTS_SQL);
  });
  const history = await timed('complaint history (one row per step)', () => sql.query(HISTORY_SQL, [ref.manager]));
  await timed(`${MEASURES.toLocaleString('en')} measures, their links and history`, async () => {
    const values = { count: MEASURES, firstId: measureMax, today, manager: ref.manager };
    for (const [i, statement] of MEASURES_SQL.entries()) await sql.query(statement, MEASURES_PARAMS[i]!.map((name) => values[name]));
  });
  await sql.query(`set session_replication_role = origin`);
  await timed(`indexes built again (${indexes.length})`, async () => {
    for (const index of indexes) await sql.query(index.definition);
  });
  await sql.query(`select setval(pg_get_serial_sequence('complaints', 'id'), (select max(id) from complaints))`);
  await sql.query(`select setval(pg_get_serial_sequence('measures', 'id'), (select max(id) from measures))`);
  await sql.query(`insert into reference_counters (year, last)
    select extract(year from received_on)::int, count(*) + 10000000 from complaints group by 1
    on conflict (year) do update set last = excluded.last`);
  await sql.query('drop table bench_plan, bench_measure_links, bench_measures');
  const seeded = performance.now() - started;
  const t = performance.now();
  await sql.query('vacuum (analyze)');
  console.log(`  ${'VACUUM ANALYZE'.padEnd(58)} ${seconds(performance.now() - t).padStart(8)}`);
  console.log(`  seeded ${COMPLAINTS.toLocaleString('en')} complaints and ${history.rowCount?.toLocaleString('en')} history rows in ${seconds(seeded)}`);
  return { demoMax };
}

async function describeData() {
  const { rows } = await sql.query(`select
      count(*)::int as complaints, min(received_on)::text as first, max(received_on)::text as last,
      count(*) filter (where received_on between $1 and $2)::int as "in ${lastYear}",
      count(*) filter (where next_due is not null)::int as open,
      count(*) filter (where status = 'not_admissible')::int as not_admissible,
      count(*) filter (where status = 'withdrawn')::int as withdrawn,
      count(*) filter (where status in ('escalated', 'closed_by_party'))::int as escalated,
      count(*) filter (where status = 'closed_by_party')::int as party_responded,
      count(*) filter (where extension_count = 1)::int as extended_once,
      count(*) filter (where extension_count >= 2)::int as extended_twice,
      count(*) filter (where acknowledged_on > acknowledgement_due)::int as late_acknowledgements
    from complaints`, [YEAR.from, YEAR.to]);
  const { rows: more } = await sql.query(`select
      (select count(*) from complaint_history)::int as history,
      (select count(*) from complaint_history where action = 'reopened')::int as reopened,
      (select count(*) from measures)::int as measures,
      (select count(*) from complaint_measures)::int as measure_links,
      (select string_agg(status || ' ' || n, ', ' order by status) from (select status::text, count(*) n from measures group by 1) m) as measures_by_status,
      pg_size_pretty(pg_database_size(current_database())) as size`);
  console.log(`  data: ${Object.entries({ ...rows[0], ...more[0] }).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`).join(', ')}`);
}

/** Foreign keys and the conflict rule, which the bulk load did not have checked row by row. */
async function checkIntegrity() {
  const { rows } = await sql.query<{ problem: string; n: number }>(`
    select 'complaint without its category' as problem, count(*)::int as n from complaints c where not exists (select 1 from categories x where x.id = c.category_id)
    union all select 'complaint about unknown staff', count(*) from complaints c where c.concerns_staff_id is not null and not exists (select 1 from staff x where x.id = c.concerns_staff_id)
    union all select 'complaint with unknown party', count(*) from complaints c where c.contracting_party_id is not null and not exists (select 1 from contracting_parties x where x.id = c.contracting_party_id)
    union all select 'complaint with unknown handler', count(*) from complaints c where c.handler_id is not null and not exists (select 1 from users x where x.id = c.handler_id)
    union all select 'history of an unknown complaint', count(*) from complaint_history h where not exists (select 1 from complaints x where x.id = h.complaint_id)
    union all select 'handler involved in the complaint', count(*) from complaints c join complaint_involved ci on ci.complaint_id = c.id join staff s on s.id = ci.staff_id where s.user_id = c.handler_id
    union all select 'status differs from the last history row', count(*) from complaints c
      join lateral (select h.to_status from complaint_history h where h.complaint_id = c.id and h.to_status is not null order by h.id desc limit 1) h on true
      where h.to_status <> c.status and c.id % 50 = 0`);
  const bad = rows.filter((r) => r.n > 0);
  if (bad.length) throw new Error(`the seeded data is inconsistent: ${bad.map((r) => `${r.problem}: ${r.n}`).join('; ')}`);
  console.log('  integrity: foreign keys, the conflict rule and status = last step hold');
}

/**
 * Proof that the milestones the seed wrote are those the real trigger writes: a sample of complaints is copied without
 * milestones, its history appended again through the trigger, and both compared; then everything is rolled back.
 */
async function replayMilestones(demoMax: number, sample = 5000) {
  const { rows: cols } = await sql.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_name = 'complaints' and is_generated = 'NEVER'
       and column_name not in ('id', 'reference', 'status_token_hash', 'idempotency_key', 'acknowledged_on', 'not_admissible_on', 'resolved_on', 'closed_on')
     order by ordinal_position`,
  );
  const columns = cols.map((c) => pg.escapeIdentifier(c.column_name)).join(', ');
  const shift = 100_000_000;
  await sql.query('begin');
  try {
    await sql.query(`create temp table replay on commit drop as
      select id from complaints where id > $1 order by md5(id::text) limit $2`, [demoMax, sample]);
    await sql.query(`insert into complaints (id, reference, status_token_hash, ${columns})
      select id + ${shift}, reference || '-replay', status_token_hash || '-replay', ${columns} from complaints where id in (select id from replay)`);
    await sql.query(`insert into complaint_history (complaint_id, at, actor_user_id, actor_label, action, from_status, to_status, reason, details)
      select complaint_id + ${shift}, at, actor_user_id, actor_label, action, from_status, to_status, reason, details
      from complaint_history where complaint_id in (select id from replay) order by id`);
    const { rows } = await sql.query<{ n: number }>(`select count(*)::int as n from complaints a join complaints b on b.id = a.id + ${shift}
      where a.id in (select id from replay)
        and (a.acknowledged_on, a.not_admissible_on, a.resolved_on, a.closed_on) is distinct from (b.acknowledged_on, b.not_admissible_on, b.resolved_on, b.closed_on)`);
    const { rows: replayed } = await sql.query<{ n: number }>('select count(*)::int as n from replay');
    if (rows[0]!.n > 0) throw new Error(`MISMATCH: ${rows[0]!.n} of ${replayed[0]!.n} complaints have other milestones than the trigger writes`);
    console.log(`  milestones: ${replayed[0]!.n.toLocaleString('en')} complaints replayed through the history trigger, all equal`);
  } finally {
    await sql.query('rollback');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The floors: the plainest SQL for each dashboard figure, on the raw rows, without any index designed for it.

type Floor = (period: Period) => Promise<unknown>;
const floorClient = new pg.Client({ connectionString: database.url });

/** A floor runs with index scans off: sequential scans and hash joins over the raw tables. */
async function floorQuery<T extends pg.QueryResultRow>(text: string, params: unknown[]): Promise<T[]> {
  await floorClient.query('begin');
  try {
    await floorClient.query('set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off');
    return (await floorClient.query<T>(text, params)).rows;
  } finally {
    await floorClient.query('commit');
  }
}

const CHANNELS = ['online', 'phone', 'email', 'post'] as const;
const OPEN = `('received', 'acknowledged', 'in_progress', 'info_requested')`;
/** Status changes in the history, with their Amsterdam day: what the milestones are read back from. */
const CHANGES = `(select complaint_id, id, from_status, to_status, (at at time zone 'Europe/Amsterdam')::date as day
  from complaint_history where from_status is not null and to_status is not null and from_status <> to_status)`;
/**
 * The day each clock stopped, straight from the history: the first step out of 'received', the last resolution (a
 * reopening undoes it: those complaints are open, or resolved again later), the last closure. Steps are in time order.
 */
const STOPS = `(select complaint_id,
    min(day) filter (where from_status = 'received') as ack,
    max(day) filter (where to_status = 'not_admissible') as na,
    max(day) filter (where to_status = 'resolved') as res,
    max(day) filter (where to_status in ('resolved', 'not_admissible', 'withdrawn')) as closed
  from ${CHANGES} h group by complaint_id)`;

const FLOORS: Record<string, Floor> = {
  async volume(period) {
    const weekly = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1 <= 92;
    const unit = weekly ? 'week' : 'month';
    const rows = await floorQuery<{ start: string; channel: string | null; n: number }>(
      `with b as (select greatest(g::date, $1::date) as start from generate_series(date_trunc('${unit}', $1::date), $2::date, interval '1 ${unit}') g)
       select b.start::text as start, x.channel::text as channel, coalesce(x.n, 0)::int as n from b left join (
         select greatest(date_trunc('${unit}', received_on)::date, $1::date) as start, channel, count(*) as n
         from complaints where received_on between $1 and $2 group by 1, 2) x on x.start = b.start order by b.start`,
      [period.from, period.to],
    );
    const zero = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<string, number>;
    const buckets = new Map<string, { start: string; byChannel: Record<string, number>; total: number }>();
    const receivedByChannel = zero();
    for (const r of rows) {
      const bucket = buckets.get(r.start) ?? { start: r.start, byChannel: zero(), total: 0 };
      buckets.set(r.start, bucket);
      if (r.channel) {
        bucket.byChannel[r.channel]! += r.n;
        bucket.total += r.n;
        receivedByChannel[r.channel]! += r.n;
      }
    }
    const received = Object.values(receivedByChannel).reduce((a, b) => a + b, 0);
    return { granularity: unit, buckets: [...buckets.values()], received, receivedByChannel };
  },
  async openNow() {
    return (await floorQuery<{ n: number }>(`select count(*)::int as n from complaints where status in ${OPEN}`, []))[0]!.n;
  },
  async closedInPeriod(period) {
    const rows = await floorQuery<{ n: number }>(
      `select count(*)::int as n from complaints c join ${STOPS} s on s.complaint_id = c.id
       where c.status not in ${OPEN} and s.closed between $1 and $2`,
      [period.from, period.to],
    );
    return rows[0]!.n;
  },
  async byCategory(period) {
    return floorQuery(
      `select cat.code, cat.name_nl as "nameNl", cat.name_en as "nameEn", count(c.id)::int as count
       from categories cat left join complaints c on c.category_id = cat.id and c.received_on between $1 and $2
       group by cat.id order by cat.sort_order, cat.id`,
      [period.from, period.to],
    );
  },
  async byTeam(period) {
    return floorQuery(
      `select s.team as key, count(*)::int as count from complaints c left join staff s on s.id = c.concerns_staff_id
       where c.received_on between $1 and $2 group by s.team order by count(*) desc, s.team nulls last`,
      [period.from, period.to],
    );
  },
  async byPartyType(period) {
    return floorQuery(
      `select k.key, count(c.id)::int as count
       from unnest(array['employer', 'municipality', 'uwv', 'unknown']) with ordinality k(key, n)
       left join (complaints c left join contracting_parties cp on cp.id = c.contracting_party_id)
         on coalesce(cp.type::text, c.party_choice::text) = k.key and c.received_on between $1 and $2
       group by k.key, k.n order by count(c.id) desc, k.n`,
      [period.from, period.to],
    );
  },
  async topParties(period) {
    return floorQuery(
      `select cp.id, cp.name, cp.type::text as type, count(*)::int as count from complaints c join contracting_parties cp on cp.id = c.contracting_party_id
       where c.received_on between $1 and $2 group by cp.id order by count(*) desc, cp.name, cp.id limit 10`,
      [period.from, period.to],
    );
  },
  async outcomes(period) {
    const [r] = await floorQuery<Record<string, number>>(
      `select
         count(*) filter (where status in ('resolved', 'escalated', 'closed_by_party') and outcome = 'upheld')::int as upheld,
         count(*) filter (where status in ('resolved', 'escalated', 'closed_by_party') and outcome = 'partly_upheld')::int as partly_upheld,
         count(*) filter (where status in ('resolved', 'escalated', 'closed_by_party') and outcome = 'not_upheld')::int as not_upheld,
         count(*) filter (where status in ('resolved', 'escalated', 'closed_by_party') and outcome = 'resolved_to_satisfaction')::int as resolved_to_satisfaction,
         count(*) filter (where status = 'not_admissible')::int as not_admissible,
         count(*) filter (where status = 'withdrawn')::int as withdrawn,
         count(*) filter (where status in ${OPEN})::int as open,
         count(*) filter (where not_admissible_ground = 'incident_older_than_limit')::int as g1,
         count(*) filter (where not_admissible_ground = 'handled_before')::int as g2,
         count(*) filter (where not_admissible_ground = 'objection_or_appeal')::int as g3,
         count(*) filter (where not_admissible_ground = 'criminal_investigation')::int as g4,
         count(*) filter (where not_admissible_ground = 'interest_too_small')::int as g5,
         count(*) filter (where status in ('escalated', 'closed_by_party'))::int as escalated,
         count(*) filter (where status = 'closed_by_party')::int as party_responded
       from complaints where received_on between $1 and $2`,
      [period.from, period.to],
    );
    return {
      byOutcome: { upheld: r!.upheld, partly_upheld: r!.partly_upheld, not_upheld: r!.not_upheld, resolved_to_satisfaction: r!.resolved_to_satisfaction,
        not_admissible: r!.not_admissible, withdrawn: r!.withdrawn, open: r!.open },
      notAdmissibleByGround: { incident_older_than_limit: r!.g1, handled_before: r!.g2, objection_or_appeal: r!.g3, criminal_investigation: r!.g4, interest_too_small: r!.g5 },
      escalated: r!.escalated,
      partyResponded: r!.party_responded,
    };
  },
  async timeliness(period) {
    // Per clock: stopped (its step taken, read from the history) by the due date, after it, or still running.
    const [r] = await floorQuery<Record<string, number>>(
      `with c as (
         select c.id, c.status, c.extension_count, c.received_on,
           c.received_on + (c.terms->>'acknowledgementDays')::int as ack_due,
           c.received_on + (c.terms->>'notAdmissibleNoticeDays')::int as notice_due,
           coalesce(c.resolution_extended_to, c.received_on + (c.terms->>'resolutionDays')::int) as res_due,
           coalesce(not c.incident_ongoing and c.incident_date < (c.received_on - make_interval(months => (c.terms->>'incidentLimitMonths')::int))::date, false) as flagged,
           c.status in ${OPEN} as open, s.ack, s.na, case when c.status in ('resolved', 'escalated', 'closed_by_party') then s.res end as res
         from complaints c left join ${STOPS} s on s.complaint_id = c.id
       ), j as (
         select *,
           case when ack_due not between $1 and $2 then null when ack <= ack_due then 'on_time'
                when ack > ack_due or (ack is null and status = 'received' and ack_due < $3) then 'late'
                when ack is null and status = 'received' then 'pending' end as ack_s,
           case when notice_due not between $1 and $2 then null when na <= notice_due then 'on_time'
                when na > notice_due or (na is null and open and flagged and notice_due < $3) then 'late'
                when na is null and open and flagged then 'pending' end as na_s,
           case when res_due not between $1 and $2 then null when res <= res_due then 'on_time'
                when res > res_due or (res is null and open and res_due < $3) then 'late'
                when res is null and open then 'pending' end as res_s
         from c)
       select
         count(*) filter (where ack_s = 'on_time')::int as ack_on_time, count(*) filter (where ack_s = 'late')::int as ack_late,
         count(*) filter (where ack_s = 'pending')::int as ack_pending,
         count(*) filter (where na_s = 'on_time')::int as na_on_time, count(*) filter (where na_s = 'late')::int as na_late,
         count(*) filter (where na_s = 'pending')::int as na_pending,
         count(*) filter (where res_s = 'on_time')::int as res_on_time, count(*) filter (where res_s = 'late')::int as res_late,
         count(*) filter (where res_s = 'pending')::int as res_pending,
         count(*) filter (where res_s is not null and extension_count >= 1)::int as extended,
         count(*) filter (where res_s is not null and extension_count >= 2)::int as twice
       from j`,
      [period.from, period.to, today],
    );
    const clock = (onTime: number, late: number, pending: number) => ({ judged: onTime + late, onTime, late, pending });
    return {
      acknowledgement: clock(r!.ack_on_time!, r!.ack_late!, r!.ack_pending!),
      notAdmissibleNotice: clock(r!.na_on_time!, r!.na_late!, r!.na_pending!),
      resolution: clock(r!.res_on_time!, r!.res_late!, r!.res_pending!),
      extensions: { of: r!.res_on_time! + r!.res_late! + r!.res_pending!, extended: r!.extended, extendedTwiceOrMore: r!.twice },
    };
  },
  async daysToOutcome(period) {
    const [r] = await floorQuery<{ count: number; median: number | null; p90: number | null }>(
      `select count(*)::int as count,
         percentile_cont(0.5) within group (order by s.res - c.received_on) as median,
         percentile_cont(0.9) within group (order by s.res - c.received_on) as p90
       from complaints c join ${STOPS} s on s.complaint_id = c.id
       where c.status in ('resolved', 'escalated', 'closed_by_party') and s.res between $1 and $2`,
      [period.from, period.to],
    );
    return r;
  },
  async overdueNow() {
    const [r] = await floorQuery<{ acknowledgement: number; notAdmissibleNotice: number; resolution: number }>(
      `select
         count(*) filter (where status = 'received' and received_on + (terms->>'acknowledgementDays')::int < $1)::int as "acknowledgement",
         count(*) filter (where status in ${OPEN} and not incident_ongoing
           and incident_date < (received_on - make_interval(months => (terms->>'incidentLimitMonths')::int))::date
           and received_on + (terms->>'notAdmissibleNoticeDays')::int < $1)::int as "notAdmissibleNotice",
         count(*) filter (where status in ${OPEN} and coalesce(resolution_extended_to, received_on + (terms->>'resolutionDays')::int) < $1)::int as "resolution"
       from complaints`,
      [today],
    );
    return r;
  },
  async measuresByStatus() {
    const rows = await floorQuery<{ status: string; count: number; overdue: number }>(
      `select s.status::text as status, count(m.id)::int as count,
         count(m.id) filter (where m.status::text in ('planned', 'in_progress') and m.due_on < $1)::int as overdue
       from unnest(enum_range(null::measure_status)) s(status) left join measures m on m.status = s.status group by 1`,
      [today],
    );
    return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.count])), overdue: rows.reduce((a, r) => a + r.overdue, 0) };
  },
  async measureEffect() {
    const rows = await floorQuery<{ id: number; description: string; code: string; done_on: string; before: number; after: number }>(
      `with m as (select m.id, m.description, cat.code, m.category_id, m.done_on from measures m join categories cat on cat.id = m.category_id
                  where m.status = 'done' order by m.done_on desc, m.id desc limit 20)
       select m.id, m.description, m.code, m.done_on::text as done_on,
         count(c.id) filter (where c.received_on >= (m.done_on - interval '6 months')::date and c.received_on < m.done_on)::int as before,
         count(c.id) filter (where c.received_on > m.done_on and c.received_on <= least((m.done_on + interval '6 months')::date, $1::date))::int as after
       from m left join complaints c on c.category_id = m.category_id
       group by m.id, m.description, m.code, m.done_on order by m.done_on desc, m.id desc`,
      [today],
    );
    return rows.map((m) => ({ measureId: m.id, description: m.description, categoryCode: m.code, doneOn: m.done_on, before: m.before, after: m.after }));
  },
  async satisfaction(period) {
    // The seed writes no judgements (yet): the floor still counts the decided cohort per category, and any answers.
    const rows = await floorQuery<{ code: string; nameNl: string; nameEn: string; decided: number; answered: number; satisfied: number; forwardRequested: number }>(
      `select cat.code, cat.name_nl as "nameNl", cat.name_en as "nameEn",
         count(c.id) filter (where c.status in ('resolved', 'escalated', 'closed_by_party'))::int as decided,
         count(c.client_satisfied)::int as answered,
         count(c.id) filter (where c.client_satisfied)::int as satisfied,
         count(c.forward_requested_at)::int as "forwardRequested"
       from categories cat left join complaints c on c.category_id = cat.id and c.received_on between $1 and $2
       group by cat.id, cat.code, cat.name_nl, cat.name_en, cat.sort_order order by cat.sort_order, cat.id`,
      [period.from, period.to],
    );
    const sum = (key: 'decided' | 'answered' | 'satisfied' | 'forwardRequested') => rows.reduce((n, r) => n + r[key], 0);
    return { decided: sum('decided'), answered: sum('answered'), satisfied: sum('satisfied'), forwardRequested: sum('forwardRequested'), byCategory: rows };
  },
};

/** What the query returns, reduced to what its floor computes (the effect's window flags are pure date arithmetic). */
function comparable(name: string, value: unknown): unknown {
  if (name === 'measureEffect') {
    return (value as Record<string, unknown>[]).map(({ measureId, description, categoryCode, doneOn, before, after }) => ({ measureId, description, categoryCode, doneOn, before, after }));
  }
  return value;
}

/** Deep equality with sorted keys; numbers equal to 1e-9 (percentiles are interpolated in floating point). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------------------------------------------
// Timing

function percentile(sorted: number[], p: number) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

async function sample(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The statements a call makes, captured through a drizzle logger and EXPLAINed. */
async function explain(fn: (db: import('../db/client').Db) => Promise<unknown>) {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const schema = await import('../db/schema');
  const captured: { query: string; params: unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const db = drizzle({ client: pool, schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  await fn(db as unknown as import('../db/client').Db);
  for (const { query, params } of captured) {
    const { rows } = await pool.query(`explain (analyze, buffers, costs off) ${query}`, params);
    console.log(rows.map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
  }
  await pool.end();
}

let failed = false;
try {
  console.log(`Reports benchmark: ${COMPLAINTS.toLocaleString('en')} complaints, ${MEASURES.toLocaleString('en')} measures; today ${today}; period ${YEAR.from} … ${YEAR.to}`);
  console.log(`  ${RUNS} runs per query, ${FLOOR_MIN_RUNS}–${FLOOR_RUNS} per floor (alternating, after ${WARMUP} warm-up runs each; ratio = query p95 / floor median); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const overall = performance.now();
  const db = await database.prepare(NOW);
  await sql.connect();
  await floorClient.connect();
  const { demoMax } = await seedVolume();
  await describeData();
  await checkIntegrity();
  await replayMilestones(demoMax);

  console.log('');
  const results: { name: string; p50: number; p95: number; floor: number; ratio: number }[] = [];
  for (const [name, query] of Object.entries(REPORT_QUERIES)) {
    const floor = FLOORS[name];
    if (!floor) throw new Error(`no floor for the report query "${name}": add one to FLOORS in scripts/bench-reports.ts`);
    const run = () => (query as (db: unknown, period: Period, today: IsoDate) => Promise<unknown>)(db, YEAR, today);
    const [actual, expected] = [comparable(name, await run()), await floor(YEAR)];
    if (!same(actual, expected)) {
      failed = true;
      console.log(`MISMATCH in query ${name}:\n  query: ${JSON.stringify(actual)}\n  floor: ${JSON.stringify(expected)}`);
    }
    for (let i = 0; i < WARMUP; i++) {
      await run();
      await floor(YEAR);
    }
    // Alternating, so both see the same machine. A floor that reads the whole history takes seconds: it stops after
    // FLOOR_MIN_RUNS once it has used FLOOR_BUDGET_MS, and counts by its median.
    const q: number[] = [];
    const f: number[] = [];
    for (let i = 0; i < Math.max(RUNS, FLOOR_RUNS); i++) {
      if (i < RUNS) q.push(await sample(run));
      const spent = f.reduce((a, b) => a + b, 0);
      if (i < FLOOR_RUNS && (f.length < FLOOR_MIN_RUNS || spent < FLOOR_BUDGET_MS)) f.push(await sample(() => floor(YEAR)));
    }
    const { p50, p95 } = stats(q);
    const floorP50 = stats(f).p50;
    const ratio = p95 / floorP50;
    results.push({ name, p50, p95, floor: floorP50, ratio });
    console.log(`query ${name}: p95 ${ms(p95)} ms, floor ${ms(floorP50)} ms, ratio ${ratio.toFixed(2)}x   (p50 ${ms(p50)} ms; floor median of ${f.length} runs, p95 ${ms(stats(f).p95)} ms)`);
    if (args.explain) await explain((d) => (query as (db: unknown, period: Period, today: IsoDate) => Promise<unknown>)(d, YEAR, today));
  }
  const maxP95 = Math.max(...results.map((r) => r.p95));
  const maxRatio = Math.max(...results.map((r) => r.ratio));
  const met = results.every((r) => r.p95 < TARGET_P95_MS && r.ratio <= TARGET_RATIO);
  console.log(
    `summary: ${results.length} queries, max p95 ${ms(maxP95)} ms, max ratio ${maxRatio.toFixed(2)}x; target (every p95 < ${TARGET_P95_MS} ms and ratio ≤ ${TARGET_RATIO}) ${met ? 'MET' : 'NOT MET'}` +
      (met ? '' : ` by ${results.filter((r) => r.p95 >= TARGET_P95_MS || r.ratio > TARGET_RATIO).map((r) => r.name).join(', ')}`),
  );

  // The whole dashboard: every section, as the page loads it (side by side on the app's pool).
  console.log('');
  const year: number[] = [];
  const compare: number[] = [];
  await loadReport(db, YEAR, today);
  for (let i = 0; i < DASHBOARD_RUNS; i++) {
    year.push(await sample(() => loadReport(db, YEAR, today)));
    compare.push(await sample(() => Promise.all([loadReport(db, YEAR, today), loadReport(db, PREVIOUS_YEAR, today)])));
  }
  const dashboard = stats(year);
  const compared = stats(compare);
  console.log(`dashboard: ${ms(dashboard.p95)} ms (target < ${TARGET_DASHBOARD_MS} ms)   loadReport for ${lastYear}, p95 of ${DASHBOARD_RUNS} (p50 ${ms(dashboard.p50)} ms)`);
  console.log(`dashboard with compare: ${ms(compared.p95)} ms (target < ${TARGET_DASHBOARD_MS} ms)   ${lastYear} and ${lastYear - 1} side by side, p95 of ${DASHBOARD_RUNS} (p50 ${ms(compared.p50)} ms)`);
  const dashboardMet = dashboard.p95 < TARGET_DASHBOARD_MS && compared.p95 < TARGET_DASHBOARD_MS;
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\n  load average now ${load} on ${os.cpus().length} cores${os.loadavg()[0]! > os.cpus().length ? ' — the machine is busy: expect slower, noisier figures' : ''}; total ${seconds(performance.now() - overall)}`);
  console.log(`${met && dashboardMet && !failed ? '✔' : '✗'} ${failed ? 'RESULTS DIFFER FROM THEIR FLOORS; ' : ''}queries ${met ? 'meet' : 'do NOT meet'} the target, the dashboard ${dashboardMet ? 'renders within' : 'does NOT render within'} ${TARGET_DASHBOARD_MS} ms`);
  if (failed) process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await sql.end().catch(() => {});
  await floorClient.end().catch(() => {});
  await database.close(Boolean(args.keep));
}
