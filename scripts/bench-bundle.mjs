#!/usr/bin/env node
// `npm run bench:bundle`: first-load JavaScript of the public pages, as a browser downloads it — the sum of the
// gzip sizes of the scripts each page loads (nomodule polyfills excluded). Starts the built app on a throwaway
// embedded database, prints a table and the ratio to the budget (/klacht ≤ 165 kB).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = 3200;
const base = `http://127.0.0.1:${port}`;
const BUDGET_KB = { '/klacht': 165, '/en/klacht': 165 };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'klachtloket-bench-'));

const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
  env: { ...process.env, PORT: String(port), KLACHTLOKET_DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', () => {
  stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the app did not start');
}

async function firstLoadKb(pagePath) {
  const html = await (await fetch(base + pagePath)).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1] + m[3]))
    .map((m) => m[2]);
  const unique = [...new Set(scripts)];
  let bytes = 0;
  for (const src of unique) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
  return { scripts: unique.length, kb: bytes / 1024 };
}

await waitForServer();
console.log('page            scripts   first-load JS (gzip)   budget   ratio');
let over = false;
for (const page of ['/', '/klacht', '/en/klacht', '/en']) {
  const { scripts, kb } = await firstLoadKb(page);
  const budget = BUDGET_KB[page];
  const ratio = budget ? kb / budget : null;
  if (ratio && ratio > 1) over = true;
  console.log(
    `${page.padEnd(16)}${String(scripts).padStart(7)}   ${`${kb.toFixed(1)} kB`.padStart(20)}   ${budget ? `${budget} kB`.padStart(6) : '     –'}   ${ratio ? ratio.toFixed(2) : '–'}`,
  );
}
console.log(over ? '\nOver budget.' : '\nWithin budget.');
stop();
process.exit(0);
