/**
 * Fills a fresh database with demo data: `npx tsx db/seed-cli.ts` (from the project root). Applies the migrations
 * first; does nothing when the database already has data.
 */
import { count } from 'drizzle-orm';
import { closeDb, getDb, getDriver } from './client';
import { runMigrations } from './migrate';
import { complaints, users } from './schema';
import { seedDemoData } from './seed';

async function main(): Promise<void> {
  await runMigrations();
  const db = await getDb();
  const { seeded } = await seedDemoData(db);
  const [complaintCount] = await db.select({ n: count() }).from(complaints);
  const [userCount] = await db.select({ n: count() }).from(users);
  const totals = `${complaintCount?.n ?? 0} complaints, ${userCount?.n ?? 0} users (${await getDriver()})`;
  console.log(seeded ? `Seeded demo data: ${totals}.` : `Database already has data, nothing seeded: ${totals}.`);
}

try {
  await main();
} catch (error) {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
