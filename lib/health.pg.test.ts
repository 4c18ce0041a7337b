import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { closeDb } from '@/db/client';
import { createThrowawayDatabase } from '@/db/testing';

describe('GET /api/health', () => {
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createThrowawayDatabase();
    drop = database.drop;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
  });

  const SECRET = 'health-test-secret';
  const asked = (authorization?: string) => new NextRequest('http://localhost/api/health', { headers: authorization ? { authorization } : {} });

  it('tells the public only up or down', async () => {
    process.env.CRON_SECRET = SECRET;
    const response = await GET(asked());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(await (await GET(asked('Bearer wrong'))).json()).toEqual({ status: 'ok' });
  });

  it('answers 200 with the database status when PostgreSQL answers, to whoever has the CRON_SECRET', async () => {
    process.env.CRON_SECRET = SECRET;
    const response = await GET(asked(`Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', app: { name: 'klachtloket' }, database: { status: 'ok', driver: 'pg' } });
  });

  it('answers 503, without details of the failure, when the database is down', async () => {
    await closeDb();
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nowhere';
    const response = await GET(asked(`Bearer ${SECRET}`));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', app: expect.objectContaining({ name: 'klachtloket' }), database: { status: 'unavailable' } });
    const open = await GET(asked());
    expect(open.status).toBe(503);
    expect(await open.json()).toEqual({ status: 'unavailable' });
  });
});
