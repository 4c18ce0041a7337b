// What the `npm run bench:*` scripts share: the benchmark build (.next-bench, with the bench-only floor routes), the
// built app on a throwaway database, a server action's id from the build's manifest, the Auth.js sign-in, one
// autocannon run with its latencies, and writing a part of bench/REPORT.md with the machine it ran on.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { quantile, REPORT_HEADER, replaceSection } from './report';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST = '.next-bench';
export const REPORT = path.join(ROOT, 'bench', 'REPORT.md');
export const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The benchmark build: built when missing or older than any source (as scripts/start.mjs decides for .next).
const SOURCES = ['app', 'components', 'lib', 'db', 'proxy.ts', 'next.config.ts', 'tailwind.config.ts', 'postcss.config.cjs', 'package-lock.json'];
function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/**
 * Builds the app into .next-bench with KLACHTLOKET_BENCH_BUILD=1 (the floor routes on) unless that build is current.
 * The build prerenders the cached public pages from the database's settings (issue 13), so it gets a throwaway
 * database with the migrations and the demo data, as `npm start` gives its build; the benchmarks' own databases are
 * seeded the same way, so the pages show the same settings.
 */
export async function ensureBenchBuild(rebuild = false): Promise<void> {
  const buildId = path.join(ROOT, DIST, 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (!rebuild && builtAt >= Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))))) {
    console.log(`▸ Reusing the benchmark build in ${DIST}/`);
    return;
  }
  console.log(`▸ Building the benchmark build into ${DIST}/ (takes a few minutes)…`);
  const started = performance.now();
  const { createThrowawayDatabase } = await import('../../db/testing');
  const database = await createThrowawayDatabase('klachtloket_bench_build');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, KLACHTLOKET_DATA_DIR: path.join(ROOT, '.data-bench'), NEXT_TELEMETRY_DISABLED: '1' };
    delete env.DATABASE_DRIVER;
    const seed = spawnSync(bin('tsx'), ['db/seed-cli.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    if (seed.status !== 0) {
      console.error(String(seed.stdout).slice(-2000), String(seed.stderr).slice(-2000));
      throw new Error('the benchmark build database could not be prepared');
    }
    const build = spawnSync(bin('next'), ['build', '--webpack'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, NEXT_DIST_DIR: DIST, KLACHTLOKET_BENCH_BUILD: '1', NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) {
      console.error(String(build.stdout).slice(-4000), String(build.stderr).slice(-4000));
      throw new Error('the benchmark build failed');
    }
  } finally {
    await database.drop();
  }
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export type BenchApp = { base: string; stop: () => Promise<void>; child: ChildProcess };

/**
 * `next start` on the benchmark build against `databaseUrl`, rate limits and the acknowledgement cap lifted by env
 * (as scripts/e2e-server.ts does), no RESEND_API_KEY (mail waits in the outbox). `nodeArgs`: flags for node itself.
 */
export async function startBenchApp(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchApp> {
  const base = `http://127.0.0.1:${port}`;
  // With node flags (e.g. --cpu-prof, not allowed in NODE_OPTIONS) Next's CLI runs under this node directly.
  const [command, commandArgs] = nodeArgs.length
    ? [process.execPath, [...nodeArgs, path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)]]
    : [bin('next'), ['start', '-p', String(port)]];
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'bench-secret-not-for-production',
      AUTH_TRUST_HOST: 'true',
      APP_URL: base,
      KLACHTLOKET_DATA_DIR: path.join(ROOT, '.data-bench'),
      RESEND_API_KEY: '',
      RATE_LIMIT_FACTOR: '1000000',
      ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY: '1000000000',
      ...extraEnv,
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, sleep(15_000)]);
  };
  process.once('exit', () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {}
  });
  for (let i = 0; i < 120 && child.exitCode === null; i++) {
    await sleep(500);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, stop, child };
  }
  await stop();
  throw new Error(`the app did not come up on ${base}`);
}

/** The id of a server action by its exported name from the benchmark build's manifest, optionally of one page's worker. */
export function benchActionId(exportedName: string, workerIncludes?: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const ids = Object.entries(manifest.node).filter(
    ([, e]) => e.exportedName === exportedName && (!workerIncludes || Object.keys(e.workers).some((w) => w.includes(workerIncludes))),
  );
  if (ids.length !== 1) throw new Error(`server action ${exportedName}: ${ids.length} in the build's manifest`);
  return ids[0]![0];
}

export type LoadResult = { rps: number; p50: number; p95: number; requests: number; non2xx: number; errors: number; durationS: number };

/** One autocannon run; latencies of every answered request (ms), whatever its status. */
export async function runLoad(options: Parameters<typeof autocannon>[0]): Promise<LoadResult & { result: Awaited<ReturnType<typeof autocannon>> }> {
  const latencies: number[] = [];
  const instance = autocannon({ timeout: 30, ...options });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / result.duration,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationS: result.duration,
    result,
  };
}

/** The machine line of a part: when, where, Node, PostgreSQL, load average at its start and end. */
export function machineLine(script: string, loadAtStart: number[], pgVersion?: string): string {
  const loadAtEnd = os.loadavg();
  return (
    `Run ${new Date().toISOString()} by \`${script}\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}` +
    (pgVersion ? `, PostgreSQL ${pgVersion}` : '') +
    `. Load average ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')} at the start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' / ')} at the end ` +
    '(the machine may be shared: compare the ratios of one run, not absolute figures across runs).'
  );
}

/** Replaces (or appends) the part `name` of bench/REPORT.md. */
export function writeReportSection(name: string, body: string) {
  mkdirSync(path.dirname(REPORT), { recursive: true });
  const current = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : REPORT_HEADER;
  writeFileSync(REPORT, replaceSection(current, name, body));
}
