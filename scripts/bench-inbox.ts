// `npm run bench:inbox`: how fast is the back-office inbox with volume?
//
// Seeds 100,000 complaints (a realistic spread over five years) into a throwaway PostgreSQL database, runs ANALYZE,
// then times the inbox query exactly as the page runs it (db/inbox.ts listInbox: one page of rows plus the total
// count) for the default manager view and several filtered views: p50/p95 over N runs after a warm-up, against the
// target p95 < 100 ms. It also times the overdue counts shown above the table. The database is dropped at the end.
//
//   npm run bench:inbox -- --rows 100000 --runs 50 --explain --keep --without complaints_search_idx
//
// --explain prints the plan of every query (EXPLAIN ANALYZE); --keep leaves the database for a closer look;
// --without drops the named indexes first (comma-separated), to see what each one is worth.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    without: { type: 'string', default: '' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const TARGET_MS = 100;
const NOW = new Date();

const { benchDatabase } = await import('./bench-database');
const database = await benchDatabase('klachtloket_bench');
const { listInbox, overdueCounts } = await import('../db/inbox');
const { DEFAULT_PARAMS } = await import('../lib/inbox/params');
const { amsterdamDate } = await import('../lib/procedure/dates');
const { DEFAULT_TERMS } = await import('../lib/procedure/terms');
type InboxParams = import('../lib/inbox/params').InboxParams;
type InboxActor = import('../db/inbox').InboxActor;

const today = amsterdamDate(NOW);
const sql = new pg.Client({ connectionString: database.url });

function ms(value: number) {
  return `${value.toFixed(1).padStart(6)} ms`;
}

/** 100,000 complaints in one INSERT … SELECT generate_series, with a fixed random seed. */
async function seedVolume() {
  await sql.query(`insert into users (email, name, role)
    select 'bench-handler' || i || '@klachtloket.test', 'Benchmark Behandelaar ' || i, 'handler'
    from generate_series(1, 9) i`);
  const handlers = (await sql.query<{ id: number }>(`select id from users where role = 'handler' and active order by id`)).rows.map((r) => r.id);
  const parties = (await sql.query<{ id: number }>('select id from contracting_parties order by id')).rows.map((r) => r.id);
  const categories = (await sql.query<{ id: number }>('select id from categories order by sort_order')).rows.map((r) => r.id);

  await sql.query('select setseed(0.42)');
  const started = performance.now();
  await sql.query(
    `
    with base as (
      select i,
        ($1::date - floor(power(random(), 1.15) * 1825)::int) as received_on,
        random() as r_status, random() as r_channel, random() as r_handler, random() as r_reg, random() as r_cat,
        random() as r_incident, random() as r_party, random() as r_ext, random() as r_first, random() as r_last
      from generate_series(1, $2::int) i
    ), aged as (
      select *, $1::date - received_on as age from base
    ), shaped as (
      select *,
        case
          when age < 14 then case when r_status < .5 then 'received' when r_status < .8 then 'acknowledged' when r_status < .95 then 'in_progress' else 'info_requested' end
          when age < 42 then case when r_status < .05 then 'received' when r_status < .25 then 'acknowledged' when r_status < .8 then 'in_progress'
                                  when r_status < .9 then 'info_requested' when r_status < .95 then 'resolved' when r_status < .98 then 'not_admissible' else 'withdrawn' end
          when age < 90 then case when r_status < .02 then 'acknowledged' when r_status < .12 then 'in_progress' when r_status < .15 then 'info_requested'
                                  when r_status < .75 then 'resolved' when r_status < .83 then 'escalated' when r_status < .91 then 'not_admissible'
                                  when r_status < .96 then 'withdrawn' else 'closed_by_party' end
          else case when r_status < .015 then 'in_progress' when r_status < .02 then 'info_requested' when r_status < .72 then 'resolved'
                    when r_status < .75 then 'escalated' when r_status < .85 then 'closed_by_party' when r_status < .94 then 'not_admissible' else 'withdrawn' end
        end::complaint_status as status,
        case when r_channel < .6 then 'online' when r_channel < .8 then 'email' when r_channel < .92 then 'phone' else 'post' end::channel as channel
      from aged
    )
    insert into complaints (reference, status, channel, received_on, registered_by, complainant_name, complainant_email,
      category_id, description, incident_date, incident_ongoing, party_choice, contracting_party_id, consent_at, terms,
      handler_id, resolution_extended_to, extension_count, outcome, not_admissible_ground, status_token_hash, created_at, updated_at)
    select
      'KL-' || extract(year from received_on) || '-' || lpad(i::text, 6, '0'),
      status, channel, received_on,
      case when channel = 'online' then null else ($3::int[])[1 + floor(r_reg * array_length($3::int[], 1))::int] end,
      (array['Anouk','Bram','Chantal','Daan','Esther','Freek','Gerda','Hanneke','Ivo','Jolanda','Kees','Lotte','Martijn','Nadia',
             'Olaf','Petra','Rik','Samira','Tom','Ulla','Vincent','Wendy','Yusuf','Zoë','Henk','Ria','Mohamed','Ilse','Sander','Khadija'])[1 + floor(r_first * 30)::int]
        || ' ' ||
      (array['de Jong','Jansen','de Vries','van den Berg','van Dijk','Bakker','Janssen','Visser','Smit','Meijer','de Boer','Mulder',
             'de Groot','Bos','Vos','Peters','Hendriks','van Leeuwen','Dekker','Brouwer','de Wit','Dijkstra','Smits','de Graaf',
             'van der Meer','van der Linden','Kok','Jacobs','de Haan','Vermeulen','van den Heuvel','van der Veen','van den Broek',
             'de Bruijn','de Bruin','van der Heijden','Schouten','van Beek','Willems','van Vliet','van de Ven','Hoekstra','Maas',
             'Verhoeven','Koster','van Dam','van der Wal','Prins','Blom','Huisman','Aydın','Bouzidi','Yılmaz','El Amrani'])[1 + floor(r_last * 54)::int],
      'klager' || i || '@mail.test',
      ($4::int[])[1 + floor(power(r_cat, 1.4) * array_length($4::int[], 1))::int],
      'Benchmarkklacht nummer ' || i,
      case when r_incident < .3 then null else received_on - floor((r_incident - .3) / .7 * 420)::int end,
      r_incident < .3,
      'municipality',
      case when r_party < .2 then null else ($5::int[])[1 + floor((r_party - .2) / .8 * array_length($5::int[], 1))::int] end,
      received_on::timestamptz,
      $6::jsonb,
      case when status = 'received' and r_handler < .6 then null
           else ($3::int[])[1 + floor(power(r_handler, 1.3) * array_length($3::int[], 1))::int] end,
      case when status in ('in_progress', 'info_requested', 'resolved') and r_ext < .06 then received_on + 42 + 1 + floor(r_ext * 450)::int end,
      case when status in ('in_progress', 'info_requested', 'resolved') and r_ext < .06 then 1 else 0 end,
      case when status in ('resolved', 'escalated', 'closed_by_party')
        then (array['upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction'])[1 + floor(r_ext * 4)::int]::outcome end,
      case when status = 'not_admissible' then 'incident_older_than_limit'::not_admissible_ground end,
      md5('bench' || i),
      received_on::timestamptz, received_on::timestamptz
    from shaped`,
    [today, ROWS, handlers, categories, parties, JSON.stringify(DEFAULT_TERMS)],
  );
  console.log(`  inserted ${ROWS.toLocaleString('en')} complaints in ${ms(performance.now() - started).trim()}`);
  for (const index of args.without.split(',').filter(Boolean)) {
    await sql.query(`drop index ${pg.escapeIdentifier(index)}`);
    console.log(`  dropped index ${index}`);
  }
  const t = performance.now();
  await sql.query('analyze');
  console.log(`  ANALYZE in ${ms(performance.now() - t).trim()}`);

  const { rows: shape } = await sql.query(`select
      count(*) filter (where next_due is not null) as open,
      count(*) filter (where next_due < $1) as overdue,
      count(*) filter (where handler_id is null and next_due is not null) as unassigned_open,
      count(distinct handler_id) as handlers
    from complaints`, [today]);
  console.log(`  shape: ${JSON.stringify(shape[0])}`);
  return handlers;
}

type View = { name: string; actor: InboxActor; params: Partial<InboxParams> };

function percentile(sorted: number[], p: number) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The plans of the queries a call makes: its statements are captured through a drizzle logger, then EXPLAINed. */
async function explain(fn: (db: import('../db/client').Db) => Promise<unknown>) {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const schema = await import('../db/schema');
  const captured: { query: string; params: unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const db = drizzle({ client: pool, schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  await fn(db as unknown as import('../db/client').Db);
  for (const { query, params } of captured) {
    const { rows } = await pool.query(`explain (analyze, buffers, costs off) ${query}`, params);
    console.log(rows.map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
  }
  await pool.end();
}

try {
  console.log(`Inbox benchmark: ${ROWS.toLocaleString('en')} complaints, ${RUNS} runs per view after ${WARMUP} warm-up runs, today ${today}`);
  console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const db = await database.prepare(NOW);
  await sql.connect();
  const handlers = await seedVolume();

  const manager = (await sql.query<{ id: number }>(`select id from users where role = 'manager' limit 1`)).rows[0]!.id;
  const { rows: busiest } = await sql.query<{ handler_id: number }>(
    `select handler_id from complaints where next_due is not null and handler_id = any($1) group by 1 order by count(*) desc limit 1`,
    [handlers],
  );
  const handler = busiest[0]!.handler_id;
  const treatment = 'treatment';

  const views: View[] = [
    { name: 'manager, default (open, nearest deadline)', actor: { id: manager, role: 'manager' }, params: {} },
    { name: 'handler, default (own and registered)', actor: { id: handler, role: 'handler' }, params: {} },
    { name: 'handler, mine', actor: { id: handler, role: 'handler' }, params: { mine: true } },
    { name: 'manager, overdue + category', actor: { id: manager, role: 'manager' }, params: { overdue: 'any', category: treatment } },
    { name: 'manager, search name "jansen"', actor: { id: manager, role: 'manager' }, params: { q: 'jansen' } },
    { name: 'manager, search "van der", all statuses', actor: { id: manager, role: 'manager' }, params: { q: 'van der', statuses: ['received', 'acknowledged', 'in_progress', 'info_requested', 'resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn'] } },
    { name: 'manager, all statuses by received, page 40', actor: { id: manager, role: 'manager' }, params: { statuses: ['received', 'acknowledged', 'in_progress', 'info_requested', 'resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn'], sort: 'received', dir: 'desc', page: 40 } },
  ];

  console.log('\n  view                                              rows  total      p50        p95     target');
  let allMet = true;
  for (const view of views) {
    const params = { ...DEFAULT_PARAMS, ...view.params };
    const result = await listInbox(db, view.actor, params, today);
    const { p50, p95 } = await time(() => listInbox(db, view.actor, params, today));
    const met = p95 < TARGET_MS;
    allMet &&= met;
    console.log(`  ${view.name.padEnd(48)} ${String(result.rows.length).padStart(4)} ${String(result.total).padStart(6)}  ${ms(p50)}  ${ms(p95)}  ${met ? 'OK' : 'TOO SLOW'}`);
    if (args.explain) await explain((d) => listInbox(d, view.actor, params, today));
  }
  for (const actor of [{ id: manager, role: 'manager' as const }, { id: handler, role: 'handler' as const }]) {
    const { p50, p95 } = await time(() => overdueCounts(db, actor, today));
    const met = p95 < TARGET_MS;
    allMet &&= met;
    const counts = await overdueCounts(db, actor, today);
    const shown = `${counts.acknowledgement}/${counts.notAdmissibleNotice}/${counts.resolution}`;
    console.log(`  ${`overdue counts per clock (${actor.role})`.padEnd(48)} ${shown.padStart(11)}  ${ms(p50)}  ${ms(p95)}  ${met ? 'OK' : 'TOO SLOW'}`);
    if (args.explain) await explain((d) => overdueCounts(d, actor, today));
  }
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\n  load average now ${load} on ${os.cpus().length} cores${os.loadavg()[0]! > os.cpus().length ? ' — the machine is busy: expect slower, noisier figures' : ''}`);
  console.log(`${allMet ? '✔' : '✗'} target p95 < ${TARGET_MS} ms ${allMet ? 'met by every view' : 'NOT met by every view'}`);
} finally {
  await sql.end().catch(() => {});
  await database.close(Boolean(args.keep));
}
