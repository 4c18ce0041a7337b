import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './client';
import { outbox } from './schema';

export type OutboxMessage = typeof outbox.$inferSelect;

/**
 * Takes up to `limit` e-mails that are due, for one worker: the rows are locked while they are taken (other workers
 * skip them), get one more attempt counted and a lease (`next_attempt_at = now + lease`), so a worker that dies
 * mid-send leaves them to be retried later instead of lost.
 */
export async function claimDueEmails(db: Db, now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), eq(outbox.medium, 'email'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(outbox.id, due.map((row) => row.id)))
      .returning();
  });
}

export async function markSent(db: Db, id: number, providerId: string | null, now: Date): Promise<void> {
  await db.update(outbox).set({ status: 'sent', providerId, sentAt: now, lastError: null }).where(eq(outbox.id, id));
}

/** Records a failed attempt: retried at `retryAt`, or given up on (status failed) when it is null. */
export async function markAttemptFailed(db: Db, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(outbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, status: 'failed' })
    .where(eq(outbox.id, id));
}
