import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { sql } from 'drizzle-orm';
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

/** A mail the fake resend server hands out through the receiving API (inbound mail), with its files' bytes. */
export type FakeInboundMail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  created_at: string;
  text: string | null;
  html: string | null;
  attachments?: { filename: string | null; content_type: string; content: Uint8Array | string; size?: number }[];
};

/**
 * A local stand-in for the resend HTTP API (`RESEND_BASE_URL`): records every request and answers with the queued
 * responses (default: 200 with a new e-mail id). The real resend SDK talks to it. It also serves inbound mail put in
 * with `receive` (or `POST /__fake/receiving`, for a fake in another process): `GET /emails/receiving/<id>`, its
 * attachments list and their downloads.
 */
export async function startFakeResend(onRequest?: (request: FakeResendRequest) => void) {
  const { createServer } = await import('node:http');
  const requests: FakeResendRequest[] = [];
  const queue: { status: number; body: unknown }[] = [];
  const inbound = new Map<string, FakeInboundMail>();
  let counter = 0;
  let base = '';
  const files = (mail: FakeInboundMail) =>
    (mail.attachments ?? []).map((file, i) => {
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content);
      return { id: `att-${i}`, filename: file.filename, content_type: file.content_type, size: file.size ?? bytes.byteLength, bytes };
    });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '';
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && url === '/__fake/receiving') {
        const mail = JSON.parse(raw) as FakeInboundMail;
        inbound.set(mail.id, mail);
        return send(200, { ok: true });
      }
      const download = /^\/__fake\/downloads\/([^/]+)\/([^/?]+)/.exec(url);
      if (req.method === 'GET' && download) {
        const file = inbound.has(download[1]!) ? files(inbound.get(download[1]!)!).find((f) => f.id === download[2]) : undefined;
        if (!file) return send(404, { message: 'not found' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.byteLength) });
        return res.end(file.bytes);
      }
      const receiving = /^\/emails\/receiving\/([^/?]+)(\/attachments)?(?:\?.*)?$/.exec(url);
      if (req.method === 'GET' && receiving) {
        requests.push({ path: url, headers: req.headers, body: {} });
        const mail = inbound.get(decodeURIComponent(receiving[1]!));
        if (!mail) return send(404, { name: 'not_found', message: 'Email not found', statusCode: 404 });
        const list = files(mail).map(({ bytes: _bytes, ...meta }) => ({ ...meta, content_disposition: 'attachment', content_id: null }));
        if (receiving[2]) {
          return send(200, {
            object: 'list',
            has_more: false,
            data: list.map((f) => ({ ...f, download_url: `${base}/__fake/downloads/${mail.id}/${f.id}`, expires_at: new Date(Date.now() + 3600_000).toISOString() })),
          });
        }
        const { attachments: _a, ...rest } = mail;
        return send(200, { object: 'email', bcc: null, cc: null, reply_to: null, received_for: [], headers: {}, message_id: `<${mail.id}@fake>`, ...rest, attachments: list });
      }
      const request = { path: url, headers: req.headers, body: raw ? JSON.parse(raw) : {} };
      requests.push(request);
      onRequest?.(request);
      const next = queue.shift() ?? { status: 200, body: { id: `fake-${++counter}` } };
      send(next.status, next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    requests,
    /** The next answers, in order. */
    respondWith: (...responses: { status: number; body: unknown }[]) => queue.push(...responses),
    /** A mail resend received, to be fetched through the receiving API. */
    receive: (mail: FakeInboundMail) => inbound.set(mail.id, mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Tables a refused action may legitimately write: the abuse counters and counted password attempts. */
const COUNTER_TABLES = new Set(['rate_limits', 'login_attempts', '__drizzle_migrations', 'test_write_counter']);

/**
 * For the property tests (lib/properties): a row trigger on every other table counts each row inserted, updated or
 * deleted, in the writing transaction (a rolled-back write leaves no count). `writeCount` the same before and after
 * an action means it changed nothing. Test databases only; not a migration.
 */
export async function installWriteCounter(db: Db): Promise<void> {
  await db.execute(sql.raw('create table test_write_counter (n bigint not null)'));
  await db.execute(sql.raw('insert into test_write_counter values (0)'));
  await db.execute(
    sql.raw('create function test_count_write() returns trigger language plpgsql as $$ begin update test_write_counter set n = n + 1; return null; end $$'),
  );
  const listed = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { table_name: string }[] };
  for (const { table_name: table } of listed.rows) {
    if (COUNTER_TABLES.has(table)) continue;
    await db.execute(sql.raw(`create trigger test_count_write after insert or update or delete on "${table}" for each row execute function test_count_write()`));
  }
}

export async function writeCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select n from test_write_counter`)) as unknown as { rows: { n: string | number }[] };
  return Number(result.rows[0]!.n);
}
