/**
 * Prepares the database: `npx tsx db/seed-cli.ts` (from the project root). Applies the migrations, then fills an
 * empty database with demo data — or, with SEED_DEMO_DATA=false (production), only the categories and the
 * procedure's default terms. Does nothing when the database already has data.
 */
import { count } from 'drizzle-orm';
import { closeDb, getDb, getDriver } from './client';
import { runMigrations } from './migrate';
import { complaints, users } from './schema';
import { seedDemoData, seedProcedureDefaults } from './seed';

async function main(): Promise<void> {
  await runMigrations();
  const db = await getDb();
  const demo = process.env.SEED_DEMO_DATA !== 'false';
  const { seeded } = demo ? await seedDemoData(db) : await seedProcedureDefaults(db);
  const [complaintCount] = await db.select({ n: count() }).from(complaints);
  const [userCount] = await db.select({ n: count() }).from(users);
  const totals = `${complaintCount?.n ?? 0} complaints, ${userCount?.n ?? 0} users (${await getDriver()})`;
  const what = demo ? 'demo data' : 'categories and default procedure terms (no demo data)';
  console.log(seeded ? `Seeded ${what}: ${totals}.` : `Database already has data, nothing seeded: ${totals}.`);
}

try {
  await main();
} catch (error) {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
