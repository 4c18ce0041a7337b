#!/usr/bin/env node
// `npm start`: build when needed, apply migrations, seed demo data once, serve, print the address.
// Zero configuration: without DATABASE_URL the embedded database lives in .data/, and a local secret is generated there.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReason, databaseFingerprint } from './start/build-decision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.KLACHTLOKET_DATA_DIR ?? path.join(root, '.data'));
mkdirSync(dataDir, { recursive: true });

// 1. Secret: from the environment, or generated once and kept in the data folder (never committed).
if (!process.env.AUTH_SECRET) {
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}
process.env.AUTH_TRUST_HOST ??= 'true';
process.env.KLACHTLOKET_DATA_DIR = dataDir;
process.env.APP_URL ??= `http://localhost:${port}`;

// 2. Migrations and demo data (once), in a separate process so the embedded database is free again afterwards. Before
//    the build: the start page and the complaint form are prerendered from the database's settings (issue 13).
console.log(`▸ Database: ${process.env.DATABASE_URL ? process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@') : `embedded (PGlite) in ${path.relative(root, dataDir) || '.'}/pglite`}`);
const setup = spawnSync(bin('tsx'), ['db/seed-cli.ts'], { stdio: 'inherit', env: process.env });
if (setup.status !== 0) {
  console.error('✗ The database could not be prepared. See the message above.');
  process.exit(setup.status ?? 1);
}

// 3. Build when there is no build yet, a source file is newer than it, or it was made from another database
//    (scripts/start/build-decision.mjs).
const SOURCES = ['app', 'components', 'lib', 'db', 'proxy.ts', 'next.config.ts', 'tailwind.config.ts', 'postcss.config.cjs', 'package-lock.json'];
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}
const buildId = path.join(root, '.next', 'BUILD_ID');
const builtForFile = path.join(root, '.next', 'klachtloket-database');
const database = databaseFingerprint(process.env.DATABASE_URL, dataDir);
const reason = buildReason({
  builtAt: existsSync(buildId) ? statSync(buildId).mtimeMs : 0,
  newestSource: Math.max(...SOURCES.map(newestMtime)),
  builtFor: existsSync(builtForFile) ? readFileSync(builtForFile, 'utf8').trim() : null,
  database,
});
if (reason) {
  console.log(`▸ Building Klachtloket (${reason})…`);
  // webpack rather than Turbopack: it tree-shakes zod/mini far better, which keeps the complaint form light.
  const build = spawnSync(bin('next'), ['build', '--webpack'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(builtForFile, database);
}

// 4. Serve. Started directly (not through npx) in its own process group, so stopping it frees the port.
const server = spawn(bin('next'), ['start', '-p', String(port)], {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});
const stop = (signal) => {
  try {
    process.kill(-server.pid, signal);
  } catch {}
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('exit', () => stop('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));

for (let i = 0; i < 120; i++) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    // The public health answer says only up or down (503 when the database does not answer).
    console.log(`\n✔ Klachtloket is running at http://localhost:${port}  (database: ${res.ok ? 'ok' : 'not answering'})`);
    const logins = path.join(dataDir, 'demo-logins.txt');
    if (existsSync(logins)) console.log(readFileSync(logins, 'utf8'));
    console.log('  Stop with Ctrl+C.\n');
    break;
  } catch {}
}
