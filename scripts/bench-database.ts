// A benchmark's throwaway PostgreSQL database: created on the test server, the app pointed at it (DATABASE_URL, set
// before the app's db modules are imported), the migrations and the demo data as `npm start` makes them, and dropped
// again at the end (or kept with --keep).
import { createThrowawayDatabase } from '../db/testing';

export async function benchDatabase(prefix: string) {
  const database = await createThrowawayDatabase(prefix);
  process.env.DATABASE_URL = database.url;
  delete process.env.DATABASE_DRIVER;
  process.env.KLACHTLOKET_DATA_DIR ??= '.data-bench';

  const { closeDb, getDb } = await import('../db/client');
  const { runMigrations } = await import('../db/migrate');
  const { seedDemoData } = await import('../db/seed');
  return {
    url: database.url,
    /** The app's migrations and its demo data, on the day `now`; gives the app's database handle. */
    async prepare(now: Date) {
      await runMigrations();
      const db = await getDb();
      await seedDemoData(db, now);
      return db;
    },
    async close(keep: boolean) {
      await closeDb();
      if (keep) console.log(`Kept database ${database.name} (${database.url}); drop it with: dropdb -h 127.0.0.1 -U postgres ${database.name}`);
      else await database.drop();
    },
  };
}
