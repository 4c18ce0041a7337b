import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Db } from './client';

/** Test support: throwaway databases on the real PostgreSQL server, and a local WebSocket proxy for the Neon driver. */

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const POSTGRES_HELP =
  'PostgreSQL is not reachable at ' +
  ADMIN_DATABASE_URL +
  '. The test suite needs a real PostgreSQL server. Start it with:\n' +
  '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
  'or point TEST_DATABASE_URL at a server where the user may create databases.';

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`${POSTGRES_HELP}\n(${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type ThrowawayDatabase = { url: string; name: string; drop: () => Promise<void> };

/** Creates an empty database with a random name; `drop` removes it again. */
export async function createThrowawayDatabase(prefix = 'klachtloket_test'): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/**
 * For integration tests: a throwaway database with the migrations applied, which the app's own client (db/client.ts,
 * `getDb`) now talks to through DATABASE_URL (node-postgres). `close` ends the client and drops the database.
 */
export async function migratedThrowawayDatabase(): Promise<{ db: Db; close: () => Promise<void> }> {
  const database = await createThrowawayDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.DATABASE_DRIVER;
  const client = await import('./client');
  const close = async () => {
    await client.closeDb();
    await database.drop();
  };
  try {
    const { runMigrations } = await import('./migrate');
    await runMigrations();
    return { db: await client.getDb(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Recreates a database with a fixed name (for the e2e server). */
export async function recreateDatabase(name: string): Promise<string> {
  await withAdmin(async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A WebSocket-to-TCP proxy as Neon runs in front of its databases: `ws://127.0.0.1:PORT/v1?address=host:port`.
 * With `NEON_WS_PROXY=127.0.0.1:PORT` the app's Neon driver talks to a local PostgreSQL through it.
 */
export async function startNeonWsProxy(): Promise<{ address: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket, request) => {
    const target = new URL(request.url ?? '/', 'http://localhost').searchParams.get('address') ?? '';
    const [host, port] = target.split(':');
    const tcp = net.connect({ host: host === 'localhost' ? '127.0.0.1' : host, port: Number(port) });
    const stream = createWebSocketStream(socket);
    stream.pipe(tcp).pipe(stream);
    const end = () => {
      tcp.destroy();
      socket.terminate();
    };
    tcp.on('error', end);
    stream.on('error', end);
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

export type FakeResendRequest = { path: string; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> };

/**
 * A local stand-in for the resend HTTP API (`RESEND_BASE_URL`): records every request and answers with the queued
 * responses (default: 200 with a new e-mail id). The real resend SDK talks to it.
 */
export async function startFakeResend(onRequest?: (request: FakeResendRequest) => void) {
  const { createServer } = await import('node:http');
  const requests: FakeResendRequest[] = [];
  const queue: { status: number; body: unknown }[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} };
      requests.push(request);
      onRequest?.(request);
      const next = queue.shift() ?? { status: 200, body: { id: `fake-${++counter}` } };
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The next answers, in order. */
    respondWith: (...responses: { status: number; body: unknown }[]) => queue.push(...responses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
