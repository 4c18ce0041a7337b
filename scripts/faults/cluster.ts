// A throw-away PostgreSQL cluster for the fault tests (scripts/faults.ts): its own data folder, port and socket, so
// the test may stop and start it without touching the shared server on 5432. As root (CI, this machine) it runs as
// the `postgres` user, as PostgreSQL refuses to run as root.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type Cluster = {
  url: string;
  port: number;
  dir: string;
  /** Fast shutdown (sessions are ended, open transactions rolled back), then down for `downMs`, then up again. */
  restart: (downMs: number) => Promise<void>;
  remove: () => void;
};

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The newest installed PostgreSQL's bin folder (PG_BIN overrides), e.g. /usr/lib/postgresql/15/bin. */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`No PostgreSQL server binaries (initdb) under ${root}: apt-get install -y postgresql, or set PG_BIN.`);
  return path.join(root, versions[0], 'bin');
}

export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klachtloket-faults-'));
  const data = path.join(dir, 'pgdata');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const commandFor = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(...commandFor(tool, args), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  };
  // While the load runs, the restart must not block this process's event loop (it is also the load's client).
  const runAsync = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(...commandFor(tool, args), { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} failed (${code}):\n${output}`))));
    });
  const port = await freePort();
  // fsync off: a throw-away cluster on a shared disk. The restarts are clean shutdowns, so nothing depends on it.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const ctlArgs = (args: string[]) => ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', ...args];
  const ctl = (...args: string[]) => run('pg_ctl', ctlArgs(args));
  const remove = () => {
    try {
      ctl('-m', 'immediate', 'stop');
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    ctl('-o', options, 'start');
  } catch (error) {
    remove();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async restart(downMs: number) {
      await runAsync('pg_ctl', ctlArgs(['-m', 'fast', 'stop']));
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await runAsync('pg_ctl', ctlArgs(['-o', options, 'start']));
    },
    remove,
  };
}
