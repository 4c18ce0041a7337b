import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { categories, complaintHistory, complaints, outbox, staff } from './schema';
import { CATEGORY_ROWS } from './seed';
import type { Status } from '@/lib/procedure/vocabulary';
import { forgetSettings } from '@/lib/settings/cache';

/** Minimal reference data for integration tests: the categories every installation gets, and two advisers. */
export async function insertTestReferenceData(db: Db) {
  await db.insert(categories).values(CATEGORY_ROWS.map((c) => ({ ...c }))).onConflictDoNothing();
  const advisers = await db
    .insert(staff)
    .values([
      { name: 'Sanne de Vries', team: 'Team Oss' },
      { name: 'Pieter Jansen', team: 'Team Den Bosch', active: false },
    ])
    .returning({ id: staff.id, name: staff.name, active: staff.active });
  forgetSettings();
  return { activeAdviser: advisers[0]!, inactiveAdviser: advisers[1]! };
}

export async function setCategoryActive(db: Db, code: string, active: boolean) {
  await db.update(categories).set({ active }).where(eq(categories.code, code));
  // Behind the settings actions' back: tell the settings cache, as they do (lib/settings/cache.ts).
  forgetSettings();
}

/** Row counts of everything a submission writes. */
export async function countRows(db: Db) {
  const count = async (table: typeof complaints | typeof complaintHistory | typeof outbox) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return { complaints: await count(complaints), history: await count(complaintHistory), outbox: await count(outbox) };
}

export async function complaintByReference(db: Db, reference: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.reference, reference));
  return row ?? null;
}

/** Makes every outbox insert fail, to prove that a failing step leaves nothing half-written. */
export async function breakOutbox(db: Db, broken: boolean) {
  if (broken) {
    await db.execute(sql`create or replace function test_break_outbox() returns trigger language plpgsql as $$
      begin raise exception 'outbox is broken (test)'; end; $$`);
    await db.execute(sql`create trigger test_break_outbox before insert on outbox for each row execute function test_break_outbox()`);
  } else {
    await db.execute(sql`drop trigger if exists test_break_outbox on outbox`);
  }
}

export async function tryRewriteHistory(db: Db, how: 'update' | 'delete'): Promise<string | null> {
  try {
    if (how === 'update') await db.update(complaintHistory).set({ reason: 'rewritten' });
    else await db.delete(complaintHistory);
    return null;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return String(cause instanceof Error ? cause.message : error instanceof Error ? error.message : error);
  }
}

/**
 * The procedure facts the database requires of a complaint in this status (its CHECK constraints): an outcome once it
 * was resolved, a ground when it was not admissible, an extension count when its term was extended.
 */
export function factsForStatus(status: Status, resolutionExtendedTo: string | null = null) {
  return {
    outcome: status === 'resolved' || status === 'escalated' || status === 'closed_by_party' ? ('not_upheld' as const) : null,
    notAdmissibleGround: status === 'not_admissible' ? ('incident_older_than_limit' as const) : null,
    extensionCount: resolutionExtendedTo ? 1 : 0,
  };
}
