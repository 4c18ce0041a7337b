// `npm run bench:step`: a handler step through the real server action vs the same writes on a bare route.
//
// On a fresh throwaway database (migrations, demo data) it prepares complaints in bulk, received by post and handled by
// the demo handler, then starts the benchmark build (scripts/bench/shared.ts) and:
//   1. signs in as the handler through Auth.js (csrf, credentials callback) for the session cookie;
//   2. replays the step "acknowledge" (acknowledgeAction, its id from the build's manifest) as the complaint file page
//      calls it, with autocannon (20 connections, 20 s): every request on a different complaint, with its version;
//   3. the same load on the floor route /api/bench/step (bench build only): the same writes — status and version,
//      history entry, outbox row — in one transaction (db/bench.ts acknowledgeFloor);
//   4. checks that exactly the successes were applied (plus, found by their ids, requests that were still in flight
//      when autocannon stopped), each with one history entry and one outbox row.
// Writes its part of bench/REPORT.md and prints as its last line
//   step: app <n> req/s p95 <ms> ms, floor <n> req/s, ratio <x>
//
// With --profile the app runs under `node --cpu-prof` and its self time per area and top functions are printed (as
// bench:profile summarises the submission path); the report is then not written (the profiler slows the app down).
//
//   npm run bench:step -- --connections 20 --duration 20 --port 3206 --rebuild --keep --no-report --profile
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fmt, targetComment } from './bench/report';
import { benchActionId, ensureBenchBuild, machineLine, runLoad, sleep, startBenchApp, writeReportSection } from './bench/shared';
import { signIn } from './faults/app';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    complaints: { type: 'string', default: '20000' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3206' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
if (args.profile) args['no-report'] = true;
const profileDir = args.profile ? mkdtempSync(path.join(os.tmpdir(), 'bench-step-profile-')) : null;
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const PER_PATH = Number(args.complaints);
const loadAtStart = os.loadavg();
const HANDLER = 'behandelaar1@klachtloket.test';
const PASSWORD = 'bench-demo-wachtwoord';

await ensureBenchBuild(args.rebuild);
process.env.DEMO_PASSWORD = PASSWORD;
const { benchDatabase } = await import('./bench-database');
const database = await benchDatabase('klachtloket_bench_step');
await database.prepare(new Date());
const { closeDb } = await import('../db/client');
await closeDb();
const { DEFAULT_TERMS } = await import('../lib/procedure/terms');
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();

/** `n` complaints received by post two days ago, handled by the demo handler, at version 1; their ids. */
async function prepare(label: string, n: number): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>(
    `insert into complaints (reference, status, version, channel, received_on, locale, complainant_name, complainant_email, category_id,
       description, incident_ongoing, party_choice, consent_at, terms, status_token_hash, idempotency_key, handler_id, registered_by, created_at, updated_at)
     select 'KL-BENCH-' || $1 || '-' || lpad(g::text, 6, '0'), 'received', 1, 'post', current_date - 2, 'nl', 'Benchmark Klant', 'bench@example.test',
       (select id from categories where active order by sort_order limit 1),
       'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.', true, 'municipality', now(), $2::jsonb,
       encode(sha256(convert_to($1 || g::text, 'UTF8')), 'hex'), gen_random_uuid(), u.id, u.id, now(), now()
     from generate_series(1, $3::int) g, (select id from users where email = $4) u
     returning id`,
    [label, JSON.stringify(DEFAULT_TERMS), n, HANDLER],
  );
  if (rows.length !== n) throw new Error(`prepared ${rows.length} of ${n} complaints (is ${HANDLER} in the demo data?)`);
  return rows.map((r) => r.id);
}

let app: Awaited<ReturnType<typeof startBenchApp>> | undefined;
type Phase = { name: string; rps: number; p50: number; p95: number; ok: number; failed: number; late: number; inFlight: number; applied: number; consistent: boolean; problems: string[] };

try {
  console.log(`▸ Preparing ${PER_PATH} complaints per path`);
  const pools = { app: await prepare('A', PER_PATH), floor: await prepare('F', PER_PATH) };
  await sql.query('analyze complaints');
  app = await startBenchApp(database.url, Number(args.port), {}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const cookie = await signIn(app.base, HANDLER, PASSWORD);
  const actionId = benchActionId('acknowledgeAction');

  async function load(name: string, target: 'app' | 'floor', ids: number[], seconds: number, connections: number): Promise<Phase> {
    const used: number[] = [];
    const succeeded = new Set<number>();
    const failedIds = new Set<number>();
    const pending = new Set<number>();
    const run = await runLoad({
      url: app!.base,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/bench/step',
          headers:
            target === 'app'
              ? { accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', 'next-action': actionId, origin: app!.base, cookie }
              : { 'content-type': 'application/json' },
          setupRequest: (req, context) => {
            const id = ids.shift();
            if (id === undefined) throw new Error(`ran out of prepared complaints for ${name}`);
            context.id = id;
            used.push(id);
            pending.add(id);
            return { ...req, path: target === 'app' ? `/beheer/klachten/${id}` : '/api/bench/step', body: JSON.stringify([{ complaintId: id, version: 1 }]) };
          },
          onResponse: (status, body, context) => {
            const id = context.id as number;
            pending.delete(id);
            if (status === 200 && body.includes('"ok":true')) succeeded.add(id);
            else failedIds.add(id);
          },
        },
      ],
    });
    // Requests cut off by autocannon's stop still finish on the server: wait until nothing changes any more.
    let last = -1;
    for (let i = 0; i < 60; i++) {
      const n = Number((await sql.query<{ n: string }>('select count(*) as n from complaints where id = any($1::int[]) and version > 1', [used])).rows[0]!.n);
      if (n === last) break;
      last = n;
      await sleep(500);
    }
    const { rows } = await sql.query<{ id: number; version: number; status: string; history: string; outbox: string }>(
      `select c.id, c.version, c.status,
         (select count(*) from complaint_history h where h.complaint_id = c.id and h.action = 'acknowledged') as history,
         (select count(*) from outbox o where o.complaint_id = c.id and o.kind = 'acknowledgement') as outbox
       from complaints c where c.id = any($1::int[])`,
      [used],
    );
    const problems: string[] = [];
    let applied = 0;
    let late = 0;
    for (const r of rows) {
      const isApplied = r.version === 2 && r.status === 'acknowledged';
      if (isApplied) applied++;
      if (isApplied && Number(r.history) !== 1) problems.push(`complaint ${r.id}: ${r.history} history entries`);
      if (isApplied && Number(r.outbox) !== 1) problems.push(`complaint ${r.id}: ${r.outbox} outbox rows`);
      if (!isApplied && (r.version !== 1 || Number(r.history) + Number(r.outbox) > 0)) problems.push(`complaint ${r.id}: half applied`);
      if (succeeded.has(r.id) && !isApplied) problems.push(`complaint ${r.id}: success not applied`);
      if (failedIds.has(r.id) && isApplied) problems.push(`complaint ${r.id}: failure applied`);
      if (pending.has(r.id) && isApplied) late++;
    }
    return {
      name,
      rps: run.rps,
      p50: run.p50,
      p95: run.p95,
      ok: succeeded.size,
      failed: failedIds.size + run.errors,
      late,
      inFlight: pending.size,
      applied,
      consistent: problems.length === 0 && applied === succeeded.size + late,
      problems: problems.slice(0, 5),
    };
  }

  console.log(`▸ Warm-up (${WARMUP} s each), then ${DURATION} s at ${CONNECTIONS} connections per path`);
  const phases: Phase[] = [];
  for (const warm of [await load('warm-up app', 'app', pools.app, WARMUP, 4), await load('warm-up floor', 'floor', pools.floor, WARMUP, 4)]) {
    if (!warm.consistent) phases.push(warm);
  }
  const appPhase = await load('acknowledgeAction (the app)', 'app', pools.app, DURATION, CONNECTIONS);
  const floorPhase = await load('bare route, same build, same writes', 'floor', pools.floor, DURATION, CONNECTIONS);
  phases.push(appPhase, floorPhase);
  await app.stop();

  const ratio = appPhase.rps / floorPhase.rps;
  const pgVersion = (await sql.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  const table = [
    '| path | req/s | p50 | p95 | successes | failures | finished after the stop | applied |',
    '|---|---|---|---|---|---|---|---|',
    ...phases.map((p) => `| ${p.name} | ${fmt(p.rps)} | ${fmt(p.p50)} ms | ${fmt(p.p95)} ms | ${p.ok} | ${p.failed} | ${p.late} of ${p.inFlight} in flight | ${p.applied} |`),
  ].join('\n');
  const bad = phases.filter((p) => !p.consistent);
  const check =
    bad.length === 0
      ? 'Check: on every path exactly the successes were applied (plus, found by their ids, requests still in flight when autocannon stopped), each with one history entry and one outbox row; no failure changed anything.'
      : `CHECK FAILED: ${bad.map((p) => `${p.name}: ${p.ok} successes, ${p.late} late, ${p.applied} applied${p.problems.length ? ` (${p.problems.join('; ')})` : ''}`).join(' — ')}`;
  const summary = `step: app ${fmt(appPhase.rps)} req/s p95 ${fmt(appPhase.p95)} ms, floor ${fmt(floorPhase.rps)} req/s, ratio ${ratio.toFixed(2)}`;
  const why =
    ratio >= 0.8 && appPhase.p95 < 60
      ? []
      : [
          'Why the target is missed: the floor is a route handler that Next runs without the proxy (its matcher skips /api), without the ' +
            'server-action runtime and without a session. The step is a POST to the complaint file page, so it also passes the proxy (the ' +
            'page\'s Content-Security-Policy and the bounded read of the action\'s body), Next\'s server-action handling, the session (the ' +
            'Auth.js token decrypted, the user and the session row read in one query: the user may have been deactivated or signed out ' +
            'since the cookie was made) and the step\'s own round trips (the complaint locked with the people involved, the update, the ' +
            'history with the outbox row) where the floor has one update and one insert. On this machine all of it is CPU shared by ' +
            `autocannon, Next and PostgreSQL on ${os.cpus().length} cores (\`npm run bench:step -- --profile\` prints where it goes; a ` +
            'profiled run on 2026-12-03, both paths in one profile: Node.js internals 28 %, native built-ins such as socket writes 17 %, ' +
            'Next 15 %, drizzle-orm 8 %, Auth.js with its WebCrypto about 7 % (since cut to one decrypt), the app\'s own code 2 %). What would ' +
            'close it: a route handler for the steps running the same lib/ pipeline (the floor\'s path: no proxy, no action runtime), and ' +
            'more Node processes: the app, not PostgreSQL, is the limit.',
        ];
  console.log(`\n${table}\n\n${check}\n\n${why.join('\n')}`);
  if (!args['no-report']) {
    writeReportSection(
      'step',
      [
        '## A handler step: the app vs the floor',
        '',
        machineLine('npm run bench:step', loadAtStart, pgVersion),
        '',
        `${CONNECTIONS} connections, ${DURATION} s per path after a ${WARMUP} s warm-up. The step is "acknowledge" (received → acknowledged, ` +
          'with the acknowledgement letter in the outbox) through the real server action as the complaint file page calls it, signed in as ' +
          `the demo handler; every request on a different complaint (prepared in bulk, ${PER_PATH} per path) at its version. The floor is ` +
          '/api/bench/step in the same build (db/bench.ts acknowledgeFloor): the status and version update, the history entry and the outbox ' +
          'row in one transaction, without session, validation or guards.',
        '',
        table,
        '',
        check,
        '',
        ...why,
        ...(why.length ? [''] : []),
        '```',
        summary,
        '```',
        targetComment({ part: 'step', what: 'acknowledge vs floor', target: '≥ 0.8×', measured: `${ratio.toFixed(2)}×`, met: ratio >= 0.8 }),
        targetComment({ part: 'step', what: 'acknowledge p95 at 20 connections', target: '< 60 ms', measured: `${fmt(appPhase.p95)} ms`, met: appPhase.p95 < 60 }),
      ].join('\n'),
    );
  }
  if (bad.length > 0) process.exitCode = 1;
  if (profileDir) {
    const { printProfile } = await import('./bench/profile-summary-files');
    await printProfile(profileDir, 15, args.keep ? path.join(os.tmpdir(), 'bench-step.cpuprofile') : undefined);
  }
  console.log(`\n${summary}`);
} finally {
  await app?.stop();
  await sql.end();
  await database.close(args.keep);
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
}
