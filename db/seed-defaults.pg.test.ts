import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { closeDb, getDb, type Db } from './client';
import { runMigrations } from './migrate';
import { categories, complaints, procedureSettings, staff, users } from './schema';
import { seedProcedureDefaults } from './seed';
import { createThrowawayDatabase } from './testing';

describe('a production database (SEED_DEMO_DATA=false) gets only what every installation needs', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createThrowawayDatabase();
    drop = database.drop;
    process.env.DATABASE_URL = database.url;
    await runMigrations();
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
  });

  const count = async (table: typeof categories | typeof users | typeof staff | typeof complaints) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

  it('categories and the default terms, no demo people or complaints; once', async () => {
    expect(await seedProcedureDefaults(db)).toEqual({ seeded: true });
    expect(await seedProcedureDefaults(db)).toEqual({ seeded: false });
    expect(await count(categories)).toBe(5);
    expect(await count(users)).toBe(0);
    expect(await count(staff)).toBe(0);
    expect(await count(complaints)).toBe(0);
    const settings = await db.select({ preset: procedureSettings.preset, terms: procedureSettings.terms }).from(procedureSettings);
    expect(settings).toEqual([{ preset: 'bijstand-naar-werk', terms: DEFAULT_TERMS }]);
  });
});
