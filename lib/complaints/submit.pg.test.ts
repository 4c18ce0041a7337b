import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { createThrowawayDatabase } from '@/db/testing';
import { submitComplaint } from './public-submit';
import { describeSubmission, validComplaint } from './submit.contract';

describeSubmission('PostgreSQL via node-postgres', async () => {
  const database = await createThrowawayDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.DATABASE_DRIVER;
  return database.drop;
});

describe('when the database cannot be reached', () => {
  afterAll(() => closeDb());
  it('the client gets a clear "try again" result, not an exception', async () => {
    await closeDb();
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nowhere';
    const result = await submitComplaint(validComplaint());
    expect(result).toEqual({ ok: false, error: 'unavailable', fieldErrors: {} });
  });
});
