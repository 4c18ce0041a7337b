// `npm run bench:lighthouse`: Lighthouse (npm `lighthouse` with Debian's Chromium, its default mobile preset)
// performance and accessibility for `/`, `/klacht` and a status page of the benchmark build on a fresh database with
// the demo data, against the target of issue 13 (≥ 98 on both scores for each page). Writes its part of bench/REPORT.md.
//
//   npm run bench:lighthouse -- --port 3208 --rebuild --keep --no-report
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { targetComment } from './bench/report';
import { bin, ensureBenchBuild, machineLine, startBenchApp, writeReportSection } from './bench/shared';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3208' },
    chrome: { type: 'string', default: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
  },
});
const TARGET = 98;
const loadAtStart = os.loadavg();

await ensureBenchBuild(args.rebuild);
const { benchDatabase } = await import('./bench-database');
/**
 * Lighthouse is fetched by npx at this exact version when the benchmark runs, not kept in devDependencies: its
 * dependency tree asks for `third-party-web@latest`, which makes `npm ci` fail whenever that package publishes.
 * 12.8.2 is the newest that declares Node 20 (../shared/LIBRARIES.md).
 */
const LIGHTHOUSE = '12.8.2';

const database = await benchDatabase('klachtloket_bench_lighthouse');
await database.prepare(new Date());
const { closeDb } = await import('../db/client');
await closeDb();
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
const out = mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
let app: Awaited<ReturnType<typeof startBenchApp>> | undefined;

try {
  const token = randomBytes(32).toString('base64url');
  await sql.query('update complaints set status_token_hash = $1 where id = (select id from complaints where anonymised_at is null order by id limit 1)', [
    createHash('sha256').update(token).digest('hex'),
  ]);
  app = await startBenchApp(database.url, Number(args.port));
  const pages = [
    { name: '`/`', path: '/' },
    { name: '`/klacht`', path: '/klacht' },
    { name: 'a status page', path: `/status/${token}` },
  ];
  const results: { name: string; performance: number; accessibility: number; fcp: string; lcp: string; tbt: string; cls: string }[] = [];
  for (const page of pages) {
    const file = path.join(out, `${results.length}.json`);
    const run = spawnSync(
      'npx',
      ['--yes', `lighthouse@${LIGHTHOUSE}`, app.base + page.path, '--output=json', `--output-path=${file}`, '--only-categories=performance,accessibility', '--chrome-flags=--headless=new --no-sandbox', '--quiet'],
      { env: { ...process.env, CHROME_PATH: args.chrome }, encoding: 'utf8', timeout: 180_000 },
    );
    if (run.status !== 0) throw new Error(`lighthouse on ${page.path} failed: ${run.stderr.slice(-2000)}`);
    const lhr = JSON.parse(readFileSync(file, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { displayValue?: string }>;
      runtimeError?: { message: string };
    };
    if (lhr.runtimeError) throw new Error(`lighthouse on ${page.path}: ${lhr.runtimeError.message}`);
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (a: string) => lhr.audits[a]?.displayValue?.replaceAll('\u00a0', ' ') ?? '–';
    results.push({
      name: page.name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    });
    console.log(`  ${page.path.slice(0, 30)}: performance ${score('performance')}, accessibility ${score('accessibility')}`);
  }
  await app.stop();
  const lhVersion = LIGHTHOUSE;
  const table = [
    '| page | performance | accessibility | FCP | LCP | TBT | CLS | target ≥ 98 on both |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| ${r.name} | ${r.performance} | ${r.accessibility} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.performance >= TARGET && r.accessibility >= TARGET ? 'met' : 'missed (to be investigated)'} |`,
    ),
  ].join('\n');
  console.log(`\n${table}`);
  if (!args['no-report']) {
    writeReportSection(
      'lighthouse',
      [
        '## Lighthouse',
        '',
        machineLine('npm run bench:lighthouse', loadAtStart),
        '',
        `Lighthouse ${lhVersion} (its default mobile preset: emulated mid-range phone, simulated slow 4G, 4× CPU slowdown) with ` +
          `${args.chrome} headless, one run per page, against the benchmark build (\`next start\`) on a fresh database with the demo data. ` +
          'Lighthouse scores vary by a few points between runs, more on a loaded machine.',
        '',
        table,
        '',
        ...results.flatMap((r) => [
          targetComment({ part: 'lighthouse', what: `${r.name.replaceAll('`', '')} performance`, target: `≥ ${TARGET}`, measured: String(r.performance), met: r.performance >= TARGET }),
          targetComment({ part: 'lighthouse', what: `${r.name.replaceAll('`', '')} accessibility`, target: `≥ ${TARGET}`, measured: String(r.accessibility), met: r.accessibility >= TARGET }),
        ]),
      ].join('\n'),
    );
  }
  console.log(`\nlighthouse: ${results.map((r) => `${r.name.replaceAll('`', '')} ${r.performance}/${r.accessibility}`).join(', ')}`);
} finally {
  await app?.stop();
  await sql.end();
  await database.close(args.keep);
  rmSync(out, { recursive: true, force: true });
}
