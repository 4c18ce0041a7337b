import path from 'node:path';
import { getDb, getDriver } from './client';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed drizzle-kit migrations with the migrator of the driver in use. */
export async function runMigrations(): Promise<void> {
  const db = await getDb();
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  switch (await getDriver()) {
    case 'pglite':
      await (await import('drizzle-orm/pglite/migrator')).migrate(db as never, config);
      break;
    case 'neon':
      await (await import('drizzle-orm/neon-serverless/migrator')).migrate(db as never, config);
      break;
    case 'pg':
      await (await import('drizzle-orm/node-postgres/migrator')).migrate(db as never, config);
      break;
  }
}
