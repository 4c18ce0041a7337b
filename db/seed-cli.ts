/**
 * Prepares the database: `npx tsx db/seed-cli.ts` (from the project root). Applies the migrations, then fills an
 * empty database with demo data — or, with SEED_DEMO_DATA=false (production), only the categories, the procedure's
 * default terms and the organisation details, plus a first admin (`ADMIN_EMAIL`) with a one-time password.
 * Does nothing when the database already has data.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { dataDir } from '@/lib/server/env';
import { closeDb, getDb, getDriver } from './client';
import { runMigrations } from './migrate';
import { complaints, users } from './schema';
import { createFirstAdmin, type DemoLogin, seedDemoData, seedProcedureDefaults } from './seed';

const ROLE_NAMES = { admin: 'beheerder', manager: 'kwaliteitsmanager', handler: 'klachtbehandelaar' } as const;

function loginsText(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map(
    (l) => `    ${l.email.padEnd(width)}  ${l.password}  ${l.name}, ${ROLE_NAMES[l.role]}${l.active ? '' : ' (gedeactiveerd: kan niet inloggen)'}`,
  );
  return ['  Demo logins (back-office: /beheer), e-mail and password:', ...lines, ''].join('\n');
}

async function main(): Promise<void> {
  await runMigrations();
  const db = await getDb();
  const demo = process.env.SEED_DEMO_DATA !== 'false';
  let seeded: boolean;
  if (demo) {
    const result = await seedDemoData(db);
    seeded = result.seeded;
    // Random passwords per installation, kept in the (never committed) data folder so `npm start` can show them.
    if (seeded) writeFileSync(path.join(dataDir(), 'demo-logins.txt'), loginsText(result.logins), { mode: 0o600 });
  } else {
    seeded = (await seedProcedureDefaults(db)).seeded;
    const admin = await createFirstAdmin(db, process.env.ADMIN_EMAIL);
    if (admin === 'missing-email') console.log('No users yet: set ADMIN_EMAIL to create the first admin account.');
    else if (admin) console.log(`First admin created: ${admin.email} with one-time password ${admin.password} (to be changed at the first sign-in).`);
  }
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
