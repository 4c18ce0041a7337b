// `npm run bench:profile`: where the time of a submission goes. Starts the benchmark build with `node --cpu-prof`
// (node itself runs Next's CLI: the flag is not allowed in NODE_OPTIONS), replays the public submission (POST /api/klachten, captured as bench:submit does,
// scripts/bench/submission.ts) with autocannon (20 connections, 20 s), stops the server so V8 writes its profile,
// and summarises it as the top 15 functions by self time (file:line:function, mapped back to the source through the
// benchmark build's server source maps) and the self time per area (the app, each package, Node, GC, idle;
// scripts/bench/profile-summary.ts).
// Writes its part of bench/REPORT.md.
//
//   npm run bench:profile -- --connections 20 --duration 20 --top 15 --port 3209 --rebuild --keep --no-report
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { areaTable, type CpuProfile, selfTimeByArea, selfTimeTable, topSelfTime } from './bench/profile-summary';
import { sourceMapResolver } from './bench/profile-summary-files';
import { fmt } from './bench/report';
import { ensureBenchBuild, machineLine, ROOT, runLoad, sleep, startBenchApp, writeReportSection } from './bench/shared';
import { captureSubmission } from './bench/submission';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '20' },
    top: { type: 'string', default: '15' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3209' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
  },
});
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const loadAtStart = os.loadavg();

await ensureBenchBuild(args.rebuild);
const now = new Date();
const { benchDatabase } = await import('./bench-database');
const database = await benchDatabase('klachtloket_bench_profile');
await database.prepare(now);
const { closeDb } = await import('../db/client');
await closeDb();
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
let app: Awaited<ReturnType<typeof startBenchApp>> | undefined;

try {
  app = await startBenchApp(database.url, Number(args.port), {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const submission = await captureSubmission(app.base, sql, now);
  // A short warm-up so the profile is of the steady state as much as of start-up (both are in it; start-up is small).
  await runLoad({ url: app.base, connections: 4, duration: 3, requests: [{ method: 'POST', path: submission.path, headers: submission.headers, setupRequest: (req) => ({ ...req, body: submission.body(randomUUID()) }) }] });
  const run = await runLoad({
    url: app.base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'POST', path: submission.path, headers: submission.headers, setupRequest: (req) => ({ ...req, body: submission.body(randomUUID()) }) }],
  });
  await app.stop();
  // V8 writes the profile as the process exits; give it a moment.
  let files: string[] = [];
  for (let i = 0; i < 40 && files.length === 0; i++) {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) await sleep(500);
  }
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${dir} (did the server exit cleanly?)`);
  const profiles = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
  // The server process has by far the most samples; child processes (if any) are summed in too.
  const all = topSelfTime(profiles, Number.POSITIVE_INFINITY, ROOT, sourceMapResolver());
  const summary = { rows: all.rows.slice(0, Number(args.top)), totalMs: all.totalMs };
  const areas = areaTable(selfTimeByArea(all));
  const table = selfTimeTable(summary);
  console.log(`\n${areas}\n\n${table}`);
  if (!args['no-report']) {
    writeReportSection(
      'profile',
      [
        '## Profile of the submission path',
        '',
        machineLine('npm run bench:profile', loadAtStart),
        '',
        `The benchmark build under \`node --cpu-prof\` (\`node --cpu-prof …/next start\`; ${files.length} profile file(s)), the public submission (POST /api/klachten) ` +
          `replayed with autocannon at ${CONNECTIONS} connections for ${DURATION} s after a 3 s warm-up (${fmt(run.rps)} req/s, p95 ${fmt(run.p95)} ms under ` +
          `the profiler), start-up included. Top ${args.top} functions by self time over ${(summary.totalMs / 1000).toFixed(1)} s of samples ` +
          '(`(idle)` is time the event loop waited, e.g. on PostgreSQL; `(garbage collector)` is GC; `(program)` is V8 itself). ' +
          'The server bundle is minified as in production; the benchmark build also writes its source maps, through which every frame of the bundle ' +
          'is named by its original file and line (inside node_modules or the project) with the minified function name.',
        '',
        'Self time per area (the app\'s own code by folder, each npm package, what Next bundles under its own name, Node.js, V8):',
        '',
        areas,
        '',
        `The top ${args.top} functions:`,
        '',
        table,
      ].join('\n'),
    );
  }
  console.log(`\nprofile: top ${summary.rows.slice(0, 3).map((r) => `${r.name} ${(r.share * 100).toFixed(1)} %`).join(', ')}`);
} finally {
  await app?.stop();
  await sql.end();
  await database.close(args.keep);
  rmSync(dir, { recursive: true, force: true });
}

