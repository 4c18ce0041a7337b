import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { dataDir } from '@/lib/server/env';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Driver = 'pglite' | 'pg' | 'neon';

/**
 * Runs independent queries side by side on the pool, and one after the other inside a transaction: a transaction is
 * one connection, which takes one query at a time (node-postgres deprecates overlapping ones), and an error aborts
 * the transaction anyway.
 */
export async function together<T extends readonly unknown[] | []>(db: Db | Tx, jobs: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const list = jobs as readonly (() => Promise<unknown>)[];
  if (!('rollback' in db)) return (await Promise.all(list.map((job) => job()))) as T;
  const results: unknown[] = [];
  for (const job of list) results.push(await job());
  return results as T;
}

/**
 * Picks the driver from the environment: no `DATABASE_URL` → embedded PGlite in the data folder; a Neon host (or
 * `DATABASE_DRIVER=neon`) → @neondatabase/serverless Pool over WebSockets; any other postgres URL → node-postgres.
 */
export function resolveDriver(url: string | undefined, override: string | undefined): Driver {
  if (override === 'pglite' || override === 'pg' || override === 'neon') return override;
  if (!url) return 'pglite';
  const host = new URL(url).hostname;
  return host.endsWith('.neon.tech') || host.endsWith('.neon.build') ? 'neon' : 'pg';
}

type Connection = { db: Db; driver: Driver; close: () => Promise<void> };

async function connect(): Promise<Connection> {
  const url = process.env.DATABASE_URL || undefined;
  const driver = resolveDriver(url, process.env.DATABASE_DRIVER);
  if (driver === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = new PGlite(path.join(/*turbopackIgnore: true*/ dataDir(), 'pglite'));
    return { db: drizzle({ client, schema }) as unknown as Db, driver, close: () => client.close() };
  }
  if (driver === 'neon') {
    const { Pool, neonConfig } = await import('@neondatabase/serverless');
    const { drizzle } = await import('drizzle-orm/neon-serverless');
    const { default: WebSocket } = await import('ws');
    neonConfig.webSocketConstructor = WebSocket;
    const proxy = process.env.NEON_WS_PROXY; // e.g. 127.0.0.1:4444 for a local WebSocket-to-TCP proxy
    if (proxy) {
      neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineTLS = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = new Pool({ connectionString: url });
    pool.on('error', (error: Error) => console.error('[db] idle Neon connection failed:', error.message));
    return { db: drizzle({ client: pool, schema }) as unknown as Db, driver, close: () => pool.end() };
  }
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on('error', (error) => console.error('[db] idle connection failed:', error.message));
  return { db: drizzle({ client: pool, schema }) as unknown as Db, driver, close: () => pool.end() };
}

// One connection per process, kept on globalThis so that Next's separately bundled modules share it.
const store = globalThis as unknown as { __klachtloketDb?: Promise<Connection> };

function connection(): Promise<Connection> {
  store.__klachtloketDb ??= connect().catch((error) => {
    store.__klachtloketDb = undefined;
    throw error;
  });
  return store.__klachtloketDb;
}

export async function getDb(): Promise<Db> {
  return (await connection()).db;
}

export async function getDriver(): Promise<Driver> {
  return (await connection()).driver;
}

export async function closeDb(): Promise<void> {
  const pending = store.__klachtloketDb;
  store.__klachtloketDb = undefined;
  if (pending) await (await pending).close();
}
