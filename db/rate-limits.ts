import { lt, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { rateLimits } from './schema';

type Executor = Db | Tx;

/**
 * Counts one hit on a fixed-window counter and returns the count in the current window and when it ends. One
 * statement (insert … on conflict do update … returning), so concurrent requests on any instance each get their own
 * count, on pg, Neon and PGlite alike.
 */
export async function hitCounter(db: Executor, key: string, windowMs: number, now: Date): Promise<{ points: number; resetsAt: Date }> {
  const resetsAt = new Date(now.getTime() + windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, points: 1, expiresAt: resetsAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${rateLimits.expiresAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.points} + 1 end`,
        expiresAt: sql`case when ${rateLimits.expiresAt} <= ${now.toISOString()}::timestamptz then excluded.expires_at else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ points: rateLimits.points, expiresAt: rateLimits.expiresAt });
  if (!row) throw new Error('rate limit counter returned no row');
  return { points: row.points, resetsAt: new Date(row.expiresAt) };
}

/**
 * Counts one hit on each of several fixed-window counters (distinct keys) in one statement, as `hitCounter` does for
 * one: the abuse limits check a client's own window and everyone's together on every public action.
 */
export async function hitCounters(
  db: Executor,
  counters: readonly { key: string; windowMs: number }[],
  now: Date,
): Promise<{ key: string; points: number; resetsAt: Date }[]> {
  if (counters.length === 0) return [];
  const rows = await db
    .insert(rateLimits)
    .values(counters.map(({ key, windowMs }) => ({ key, points: 1, expiresAt: new Date(now.getTime() + windowMs) })))
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${rateLimits.expiresAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.points} + 1 end`,
        expiresAt: sql`case when ${rateLimits.expiresAt} <= ${now.toISOString()}::timestamptz then excluded.expires_at else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ key: rateLimits.key, points: rateLimits.points, expiresAt: rateLimits.expiresAt });
  return rows.map((row) => ({ key: row.key, points: row.points, resetsAt: new Date(row.expiresAt) }));
}

/** Removes counters whose window ended before `before`. */
export async function sweepCounters(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expiresAt, before));
}
