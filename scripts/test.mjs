#!/usr/bin/env node
// `npm test`: unit and integration tests (vitest, against real PostgreSQL, PGlite and the Neon driver), then the
// e2e suite (Playwright in Debian's Chromium against the built app), then the fault tests (`npm run test:faults`: the
// same build on a throw-away PostgreSQL cluster that is restarted under load, and a mail provider that goes down).
// Fails loudly when a prerequisite is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = path.join(root, '.test-report');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
try {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5_000 });
  await client.connect();
  await client.end();
} catch (error) {
  console.error(`\n✗ PostgreSQL is not reachable at ${admin} (${error.message}).`);
  console.error('  The tests need a real PostgreSQL server. Start it with:');
  console.error('    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
  console.error('  or set TEST_DATABASE_URL to a server where the user may create databases.\n');
  process.exit(1);
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`\n✗ Chromium is missing at ${chromium}. Install it with: apt-get install -y chromium\n`);
  process.exit(1);
}

const run = (command, args) => spawnSync(bin(command), args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).status ?? 1;
const unit = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`]);
const e2e = run('playwright', ['test']);
// The e2e stage built the app (scripts/start.mjs); the fault tests reuse that build.
const faults = run('tsx', ['scripts/faults.ts']);

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const v = read(path.join(reports, 'vitest.json'));
const p = read(path.join(reports, 'playwright.json'));
const f = read(path.join(reports, 'faults.json'));
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (f?.passed ?? 0);
// A suite that could not run at all (e.g. the app did not build) counts as one failure, never as zero.
const failed =
  (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0) + (f?.failed ?? 0) ||
  (unit !== 0 || e2e !== 0 || faults !== 0 ? 1 : 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
const e2eSummary = p && (p.stats.expected || p.stats.unexpected) ? `${p.stats.expected} passed, ${p.stats.unexpected + p.stats.flaky} failed` : 'did not run';
const faultsSummary = f ? `${f.passed} passed, ${f.failed} failed` : 'did not run';
console.log(`\nunit+integration: ${v ? `${v.numPassedTests} passed, ${v.numFailedTests} failed` : 'did not run'}; e2e: ${e2eSummary}; faults: ${faultsSummary}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(unit !== 0 || e2e !== 0 || faults !== 0 || passed === 0 ? 1 : 0);
