import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { PERMISSIONS } from '@/lib/auth/policy';
import type { DigestComplaint, DigestRecipient } from '@/lib/mail/digest';
import type { IsoDate } from '@/lib/procedure/dates';
import type { Db, Tx } from './client';
import { complaints, deadlineDigests, outbox, users } from './schema';

/** The morning deadline digest's SQL (lib/mail/digest.ts has the rules, lib/mail/digest-worker.ts the run). */

type Executor = Db | Tx;

export type DigestUser = DigestRecipient & { email: string };

/** Active users with access to complaints who have no digest for this day yet (inactive users and admins get none). */
export async function usersWithoutDigest(db: Executor, day: IsoDate): Promise<DigestUser[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .leftJoin(deadlineDigests, and(eq(deadlineDigests.userId, users.id), eq(deadlineDigests.day, day)))
    .where(and(eq(users.active, true), inArray(users.role, [...PERMISSIONS['complaints.read']]), isNull(deadlineDigests.userId)))
    .orderBy(asc(users.id));
}

/**
 * The open complaints whose nearest deadline falls on or before `until` (lib/mail/digest.ts dueSoonUntil): only
 * these can have a clock due soon or overdue. Reads the partial index on next_due; which clocks go in the mail is
 * decided in lib/mail/digest.ts.
 */
export async function digestCandidates(db: Executor, until: IsoDate): Promise<DigestComplaint[]> {
  const rows = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      receivedOn: complaints.receivedOn,
      terms: complaints.terms,
      incidentDate: complaints.incidentDate,
      incidentOngoing: complaints.incidentOngoing,
      resolutionExtendedTo: complaints.resolutionExtendedTo,
      handlerId: complaints.handlerId,
      handlerName: users.name,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.handlerId))
    .where(and(sql`${complaints.nextDue} is not null`, lte(complaints.nextDue, until)))
    .orderBy(asc(complaints.nextDue), asc(complaints.id));
  return rows.map(({ incidentDate, incidentOngoing, ...row }) => ({
    ...row,
    incident: incidentOngoing || incidentDate === null ? { ongoing: true as const } : { ongoing: false as const, date: incidentDate },
  }));
}

export type DigestMail = { recipient: string; subject: string; bodyText: string; letter: (typeof outbox.$inferInsert)['letter'] };

/**
 * Records a user's digest for the day and, when there is something to list, its mail in the outbox, in one
 * transaction. The primary key (user, day) decides who wins when two instances make the same digest: the other
 * waits for the first to commit, then inserts nothing and writes no mail. Returns whether this call recorded it.
 */
export async function recordDigest(db: Db, input: { userId: number; day: IsoDate; mail: DigestMail | null; at: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(deadlineDigests)
      .values({ userId: input.userId, day: input.day, createdAt: input.at })
      .onConflictDoNothing()
      .returning({ userId: deadlineDigests.userId });
    if (claimed.length === 0) return false;
    if (input.mail) {
      const [row] = await tx
        .insert(outbox)
        .values({ complaintId: null, kind: 'deadline_digest', medium: 'email', ...input.mail, nextAttemptAt: input.at, createdAt: input.at })
        .returning({ id: outbox.id });
      await tx
        .update(deadlineDigests)
        .set({ outboxId: row!.id })
        .where(and(eq(deadlineDigests.userId, input.userId), eq(deadlineDigests.day, input.day)));
    }
    return true;
  });
}
