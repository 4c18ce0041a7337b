// `npm run bench:submit`: how close does an online submission come to what the framework itself allows?
//
// Builds the app into .next-bench (or reuses that build when no source is newer) with KLACHTLOKET_BENCH_BUILD=1, which
// switches on the floor route /api/bench/submit (404 in every other build). Then, on a fresh throwaway PostgreSQL
// database with the migrations and the demo data, it starts the built app (`next start`, rate limits and the
// acknowledgement cap lifted by env as scripts/e2e-server.ts does; no RESEND_API_KEY, so mail waits in the outbox) and:
//   1. captures the public submission server action as the browser calls it: its action id from the /klacht page's
//      scripts (checked against the build's server-reference manifest) and a signed form stamp from the page, taken
//      before the warm-up so it is past the 3 s minimum fill time (lib/complaints/form-stamp.ts);
//   2. replays it with autocannon (20 connections, 20 s), a fresh idempotency key per request;
//   3. the same load on the floor route: the same rows (complaint, two history entries, outbox) in one transaction;
//   4. the same three statements in a loop over a bare `pg` pool (as many clients as connections);
//   5. checks that the complaints grew by exactly the number of successes, and that the year's references are gap-free.
// It writes its part of bench/REPORT.md (between the bench:submit markers) and prints as its last line
//   submit: app <n> req/s p95 <ms> ms, floor <n> req/s, ratio <x>
//
//   npm run bench:submit -- --connections 20 --duration 20 --port 3205 --rebuild --keep --no-report
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3205' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
  },
});
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = '.next-bench';
const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const loadAtStart = os.loadavg();

// 1. The benchmark build: built when missing or older than any source (as scripts/start.mjs decides for .next).
const SOURCES = ['app', 'components', 'lib', 'db', 'proxy.ts', 'next.config.ts', 'tailwind.config.ts', 'postcss.config.cjs', 'package-lock.json'];
function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}
const buildId = path.join(DIST, 'BUILD_ID');
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (args.rebuild || builtAt < Math.max(...SOURCES.map(newestMtime))) {
  console.log(`▸ Building the benchmark build into ${DIST}/ (takes a few minutes)…`);
  const started = performance.now();
  const build = spawnSync(bin('next'), ['build', '--webpack'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_DIST_DIR: DIST, KLACHTLOKET_BENCH_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    console.error(String(build.stdout).slice(-4000), String(build.stderr).slice(-4000));
    throw new Error('the benchmark build failed');
  }
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} else {
  console.log(`▸ Reusing the benchmark build in ${DIST}/`);
}

// 2. A fresh database with the migrations and the demo data, as `npm start` makes it.
const now = new Date();
const { benchDatabase } = await import('./bench-database');
const database = await benchDatabase('klachtloket_bench_submit');
await database.prepare(now);
const { closeDb } = await import('../db/client');
await closeDb();
const { floorStatements } = await import('../db/bench');
const { amsterdamDate, addCalendarDays } = await import('../lib/procedure/dates');
const { DEFAULT_TERMS } = await import('../lib/procedure/terms');
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
const count = async () => Number((await sql.query<{ n: string }>('select count(*) as n from complaints')).rows[0]!.n);

let server: ChildProcess | undefined;
const stopServer = () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
  }
};
process.on('exit', stopServer);

type Phase = { name: string; rps: number; p50: number; p95: number; ok: number; late: number; inFlight: number; failed: number; grew: number; consistent: boolean };
const phases: Phase[] = [];

try {
  // 3. The built app.
  server = spawn(bin('next'), ['start', '-p', String(PORT)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST,
      DATABASE_URL: database.url,
      AUTH_SECRET: 'bench-secret-not-for-production',
      AUTH_TRUST_HOST: 'true',
      APP_URL: BASE,
      KLACHTLOKET_DATA_DIR: path.resolve('.data-bench'),
      RESEND_API_KEY: '',
      RATE_LIMIT_FACTOR: '1000000',
      ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY: '1000000000',
    },
  });
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    await new Promise((r) => setTimeout(r, 500));
    up = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
  }
  if (!up) throw new Error(`the app did not come up on ${BASE}`);

  // 4. The action as the browser calls it: id from the page's scripts, stamp from the page.
  const page = await (await fetch(`${BASE}/klacht`)).text();
  const stamp = /(\d{13}\.[A-Za-z0-9_-]{43})/.exec(page)?.[1];
  if (!stamp) throw new Error('no form stamp on /klacht');
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const candidates = Object.entries(manifest.node)
    .filter(([, entry]) => Object.keys(entry.workers).some((w) => w.includes('klacht/page')) && (entry.exportedName ?? 'submitComplaint') === 'submitComplaint')
    .map(([id]) => id);
  const scripts = [...page.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const code = (await Promise.all(scripts.map((src) => fetch(BASE + src).then((r) => r.text())))).join('\n');
  const actionId = candidates.find((id) => code.includes(id));
  if (!actionId) throw new Error(`the submission action was not found in the /klacht page's scripts (candidates: ${candidates.join(', ')})`);
  const category = (await sql.query<{ code: string }>('select code from categories where active order by sort_order limit 1')).rows[0]!.code;
  const today = amsterdamDate(now);
  const form = {
    name: 'Benchmark Klant',
    email: 'bench@example.test',
    street: '',
    postcode: '',
    city: '',
    phone: '',
    category,
    staffId: '',
    staffOther: '',
    description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
    incidentWhen: 'date',
    incidentDate: addCalendarDays(today, -20),
    desiredOutcome: '',
    partyChoice: 'municipality',
    partyName: '',
    consent: true,
    locale: 'nl',
    formStamp: stamp,
    website: '',
  };
  const actionHeaders = {
    accept: 'text/x-component',
    'content-type': 'text/plain;charset=UTF-8',
    'next-action': actionId,
    origin: BASE,
    'next-router-state-tree': encodeURIComponent(
      JSON.stringify(['', { children: [['locale', 'nl', 'd'], { children: ['klacht', { children: ['__PAGE__', {}, null, null] }, null, null] }, null, null] }, null, null, true]),
    ),
  };
  // The stamp must be older than the minimum fill time before the first request.
  await new Promise((r) => setTimeout(r, 3_200));
  const probe = await fetch(`${BASE}/klacht`, { method: 'POST', headers: actionHeaders, body: JSON.stringify([{ ...form, idempotencyKey: randomUUID() }]) });
  const probeBody = await probe.text();
  if (!probe.ok || !probeBody.includes('"ok":true')) throw new Error(`the captured action did not file a complaint: ${probe.status} ${probeBody.slice(0, 300)}`);

  /**
   * One autocannon run. Requests still in flight when autocannon stops are cut off on our side but finish on the
   * server: we wait until the count settles, then account for them by their idempotency keys (the app), or bound them
   * by the number in flight (the floor, whose route makes its own keys).
   */
  async function load(name: string, request: { path: string; headers?: Record<string, string>; body: (key: string) => string; keyed: boolean }, seconds: number, connections: number) {
    const before = await count();
    const latencies: number[] = [];
    const pending = new Set<string>();
    let ok = 0;
    let failed = 0;
    const instance = autocannon({
      url: BASE,
      connections,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: request.path,
          headers: request.headers ?? {},
          // One request at a time per connection: its context holds the key of the request in flight.
          setupRequest: (req, context) => {
            const key = randomUUID();
            context.key = key;
            pending.add(key);
            return { ...req, body: request.body(key) };
          },
          onResponse: (status, body, context) => {
            pending.delete(context.key as string);
            if (status === 200 && body.includes('"ok":true')) ok++;
            else failed++;
          },
        },
      ],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    const result = await instance;
    let settled = await count();
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await count();
      if (now === settled) break;
      settled = now;
    }
    const grew = settled - before;
    const late = request.keyed
      ? Number((await sql.query<{ n: string }>('select count(*) as n from complaints where idempotency_key = any($1::uuid[])', [[...pending]])).rows[0]!.n)
      : 0;
    const consistent = request.keyed ? grew === ok + late : grew >= ok && grew <= ok + pending.size;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    return {
      name,
      rps: latencies.length / result.duration,
      p50: at(0.5),
      p95: at(0.95),
      ok,
      late: request.keyed ? late : grew - ok,
      inFlight: pending.size,
      failed: failed + result.errors + result.timeouts,
      grew,
      consistent,
    };
  }

  const app = { path: '/klacht', headers: actionHeaders, keyed: true, body: (key: string) => JSON.stringify([{ ...form, idempotencyKey: key }]) };
  const floor = { path: '/api/bench/submit', keyed: false, body: () => '' };
  console.log(`▸ Warm-up (${WARMUP} s each), then ${DURATION} s at ${CONNECTIONS} connections per path`);
  const warmApp = await load('warm-up app', app, WARMUP, 4);
  const warmFloor = await load('warm-up floor', floor, WARMUP, 4);
  for (const warm of [warmApp, warmFloor]) if (!warm.consistent) phases.push(warm);
  phases.push(await load('submitComplaint (the app)', app, DURATION, CONNECTIONS));
  phases.push(await load('bare route, same build, same rows', floor, DURATION, CONNECTIONS));

  // 5. The same statements over a bare pg pool, outside the app.
  stopServer();
  const dialect = new PgDialect();
  const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
  const { rows: ref } = await pool.query<{ id: number }>('select id from categories where active order by sort_order limit 1');
  const before = await count();
  const latencies: number[] = [];
  const until = performance.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const started = performance.now();
          const key = randomUUID();
          const at = new Date();
          const receivedOn = amsterdamDate(at);
          const s = floorStatements({
            year: Number(receivedOn.slice(0, 4)),
            receivedOn,
            now: at,
            name: 'Benchmark Klant',
            email: 'bench@example.test',
            categoryId: ref[0]!.id,
            description: 'Een klacht van de benchmark: dezelfde rijen als een echte indiening.',
            terms: DEFAULT_TERMS,
            tokenHash: key.replaceAll('-', '') + key.replaceAll('-', ''),
            idempotencyKey: key,
          });
          const run = (q: ReturnType<typeof s.history>) => {
            const { sql: text, params } = dialect.sqlToQuery(q);
            return client.query(text, params as unknown[]);
          };
          await client.query('begin');
          const { rows } = await run(s.complaint);
          await run(s.history(rows[0].id));
          await run(s.outbox(rows[0].id, rows[0].reference));
          await client.query('commit');
          latencies.push(performance.now() - started);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const rawGrew = (await count()) - before;
  phases.push({ name: 'raw `pg` loop', rps: latencies.length / DURATION, p50: at(0.5), p95: at(0.95), ok: latencies.length, late: 0, inFlight: 0, failed: 0, grew: rawGrew, consistent: rawGrew === latencies.length });

  // 6. Nothing lost, nothing twice, no gaps.
  const year = Number(today.slice(0, 4));
  const gaps = (
    await sql.query<{ numbers: string; last: number }>(
      `select count(distinct reference) as numbers, (select last from reference_counters where year = $1) as last from complaints where reference like $2`,
      [year, `KL-${year}-%`],
    )
  ).rows[0]!;
  const mismatched = phases.filter((p) => !p.consistent);
  const gapFree = Number(gaps.numbers) === Number(gaps.last);

  const [appPhase, floorPhase] = phases.filter((p) => !p.name.startsWith('warm-up'));
  const ratio = appPhase!.rps / floorPhase!.rps;
  const loadAtEnd = os.loadavg();
  const pgVersion = (await sql.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const table = [
    '| path | req/s | p50 | p95 | successes | failures | finished after the stop | complaints added |',
    '|---|---|---|---|---|---|---|---|',
    ...phases.map((p) => `| ${p.name} | ${fmt(p.rps)} | ${fmt(p.p50)} ms | ${fmt(p.p95)} ms | ${p.ok} | ${p.failed} | ${p.late} of ${p.inFlight} in flight | ${p.grew} |`),
  ].join('\n');
  const check =
    mismatched.length === 0 && gapFree
      ? `Check: the app added exactly one complaint per success (plus, found by their keys, those of requests that finished after autocannon stopped); the floor between its successes and those plus its requests in flight; the raw loop exactly its transactions. The ${year} references are gap-free (${gaps.numbers} numbers, counter at ${gaps.last}).`
      : `CHECK FAILED: ${mismatched.map((p) => `${p.name}: ${p.ok} successes, ${p.late} finished after the stop, ${p.grew} complaints added`).join('; ')}${gapFree ? '' : `; references not gap-free (${gaps.numbers} numbers, counter at ${gaps.last})`}`;
  const summary = `submit: app ${fmt(appPhase!.rps)} req/s p95 ${fmt(appPhase!.p95)} ms, floor ${fmt(floorPhase!.rps)} req/s, ratio ${ratio.toFixed(2)}`;

  console.log(`\n${table}\n\n${check}`);
  if (!args['no-report']) {
    const part = [
      '<!-- bench:submit:start -->',
      '## Submission: the app vs the floor',
      '',
      `Run ${new Date().toISOString()} by \`npm run bench:submit\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}. ` +
        `Load average ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')} at the start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' / ')} at the end ` +
        `(the machine may be shared: compare the ratios of one run, not absolute figures across runs).`,
      '',
      `${CONNECTIONS} connections, ${DURATION} s per path after a ${WARMUP} s warm-up; a fresh idempotency key per request. The app is the ` +
        'production build (`next start`) with the rate limits and the acknowledgement cap lifted by env and no RESEND_API_KEY ' +
        '(the acknowledgement waits in the outbox). The floor is /api/bench/submit in the same build (db/bench.ts): the ' +
        'complaint with its reference, two history rows and the outbox row in one transaction; the raw loop runs the same ' +
        'statements over a bare `pg` pool.',
      '',
      table,
      '',
      check,
      '',
      '```',
      summary,
      '```',
      '<!-- bench:submit:end -->',
    ].join('\n');
    mkdirSync('bench', { recursive: true });
    const file = path.join('bench', 'REPORT.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nWritten by the `npm run bench:*` scripts; each keeps its own part up to date.\n';
    const marked = /<!-- bench:submit:start -->[\s\S]*<!-- bench:submit:end -->/;
    writeFileSync(file, marked.test(current) ? current.replace(marked, part) : `${current.trimEnd()}\n\n${part}\n`);
  }
  if (mismatched.length > 0 || !gapFree) process.exitCode = 1;
  console.log(`\n${summary}`);
} finally {
  stopServer();
  await sql.end();
  await database.close(args.keep);
}
