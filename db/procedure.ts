import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import type { ComplaintFileInvolved as InvolvedPerson } from './complaint-file';
import {
  complaintHistory,
  complaintInvolved,
  complaintMeasures,
  complaints,
  contractingParties,
  informationRequests,
  measures,
  staff,
  users,
} from './schema';

type Executor = Db | Tx;

/** The procedure's writes and the reads its guards need (lib/complaints/steps). */

/** The complaint row, locked until the transaction ends: concurrent steps on one complaint take turns. */
export async function lockComplaint(tx: Tx, id: number) {
  const [row] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  return row ?? null;
}
export type LockedComplaint = NonNullable<Awaited<ReturnType<typeof lockComplaint>>>;

/**
 * The complaint row locked as `lockComplaint` does, with the people involved in it (as `involvedPeople` gives them), in
 * one statement. The involved people are read as of the start of the statement: when it had to wait for another
 * step's lock, what that step changed shows in the row's version, and a step that checks the version refuses then
 * (lib/complaints/steps/define.ts). Steps without that check (the client's) lock first and read after.
 */
export async function lockComplaintWithInvolved(tx: Tx, id: number): Promise<{ complaint: LockedComplaint; involved: InvolvedPerson[] } | null> {
  const [row] = await tx
    .select({
      complaint: complaints,
      involved: sql<InvolvedPerson[]>`(select coalesce(json_agg(json_build_object(
          'id', ci.id, 'name', ci.name, 'involvement', ci.involvement, 'staffId', ci.staff_id, 'team', s.team,
          'staffActive', s.active, 'userId', s.user_id, 'userEmail', u.email) order by ci.id), '[]'::json)
        from ${complaintInvolved} ci left join ${staff} s on s.id = ci.staff_id left join ${users} u on u.id = s.user_id
        where ci.complaint_id = ${complaints}.id)`,
    })
    .from(complaints)
    .where(eq(complaints.id, id))
    .for('update', { of: complaints });
  if (!row) return null;
  const involved = typeof row.involved === 'string' ? (JSON.parse(row.involved) as InvolvedPerson[]) : row.involved;
  return { complaint: row.complaint, involved };
}

/** The complaint behind a client's status link (by the hash of its token), locked like `lockComplaint`; null when none. */
export async function lockComplaintByTokenHash(tx: Tx, tokenHash: string): Promise<LockedComplaint | null> {
  const [row] = await tx.select().from(complaints).where(eq(complaints.statusTokenHash, tokenHash)).for('update');
  return row ?? null;
}

/** What a step may change on the complaint row itself. */
export type ComplaintChanges = Partial<
  Pick<
    typeof complaints.$inferInsert,
    | 'status'
    | 'handlerId'
    | 'resolutionExtendedTo'
    | 'extensionCount'
    | 'copySentOn'
    | 'hearingState'
    | 'hearingOn'
    | 'outcome'
    | 'notAdmissibleGround'
    | 'contractingPartyId'
    | 'statusTokenHash'
    | 'clientSatisfied'
    | 'satisfactionAt'
    | 'forwardRequestedAt'
  >
>;

/** Applies a step's changes and raises the version (optimistic locking); returns the new version. */
export async function updateComplaint(tx: Tx, id: number, changes: ComplaintChanges, now: Date): Promise<number> {
  const [row] = await tx
    .update(complaints)
    .set({ ...changes, version: sql`${complaints.version} + 1`, updatedAt: now })
    .where(eq(complaints.id, id))
    .returning({ version: complaints.version });
  if (!row) throw new Error(`complaint ${id} vanished during the update`);
  return row.version;
}

/** Who changed the complaint last, and when: its newest history entry. */
export async function lastChange(db: Executor, complaintId: number) {
  const [row] = await db
    .select({ at: complaintHistory.at, actorName: users.name, actorLabel: complaintHistory.actorLabel })
    .from(complaintHistory)
    .leftJoin(users, eq(users.id, complaintHistory.actorUserId))
    .where(eq(complaintHistory.complaintId, complaintId))
    .orderBy(desc(complaintHistory.id))
    .limit(1);
  return row ?? null;
}

/** The people involved in a complaint, with the user each staff record belongs to (for the conflict rule). */
export { complaintFileInvolved as involvedPeople } from './complaint-file';
export type { ComplaintFileInvolved as InvolvedPerson } from './complaint-file';

export async function insertInvolvement(tx: Tx, values: typeof complaintInvolved.$inferInsert) {
  const [row] = await tx.insert(complaintInvolved).values(values).returning({ id: complaintInvolved.id });
  return row!;
}

export async function deleteInvolvement(tx: Tx, complaintId: number, involvedId: number) {
  const [row] = await tx
    .delete(complaintInvolved)
    .where(and(eq(complaintInvolved.id, involvedId), eq(complaintInvolved.complaintId, complaintId)))
    .returning({ name: complaintInvolved.name, involvement: complaintInvolved.involvement, staffId: complaintInvolved.staffId });
  return row ?? null;
}

export async function findUser(db: Executor, id: number) {
  const [row] = await db.select({ id: users.id, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findStaff(db: Executor, id: number) {
  const [row] = await db.select({ id: staff.id, name: staff.name, active: staff.active, userId: staff.userId }).from(staff).where(eq(staff.id, id));
  return row ?? null;
}

/**
 * Everyone a complaint could be assigned to (active handlers and managers), each with their open workload and whether
 * they are involved in this complaint; the suggestion is the non-involved ones, least busy first.
 */
export async function handlerCandidates(db: Executor, complaintId: number) {
  // Qualified by hand: in a single-table select drizzle writes `${users.id}` as a bare "id", which the subqueries'
  // own tables would make ambiguous.
  const userId = sql`${users}.${sql.identifier('id')}`;
  const open = sql<number>`(select count(*)::int from ${complaints} c
    where c.handler_id = ${userId} and c.status in ('received', 'acknowledged', 'in_progress', 'info_requested'))`;
  const involved = sql<boolean>`exists (select 1 from ${complaintInvolved} ci join ${staff} s on s.id = ci.staff_id
    where ci.complaint_id = ${complaintId} and s.user_id = ${userId})`;
  return db
    .select({ id: users.id, name: users.name, role: users.role, openComplaints: open, involved })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['handler', 'manager'])))
    // Handlers first: managers take a complaint only when no handler can.
    .orderBy(sql`${users.role} = 'manager'`, asc(open), asc(users.name));
}
export type HandlerCandidate = Awaited<ReturnType<typeof handlerCandidates>>[number];

// --- information requests ------------------------------------------------------------------------------------------

export async function insertInformationRequest(tx: Tx, values: typeof informationRequests.$inferInsert) {
  const [row] = await tx.insert(informationRequests).values(values).returning({ id: informationRequests.id });
  return row!;
}

export async function openInformationRequest(db: Executor, complaintId: number) {
  const [row] = await db
    .select()
    .from(informationRequests)
    .where(and(eq(informationRequests.complaintId, complaintId), isNull(informationRequests.answeredOn)))
    .orderBy(desc(informationRequests.id))
    .limit(1);
  return row ?? null;
}

export async function answerInformationRequest(
  tx: Tx,
  id: number,
  answer: Pick<typeof informationRequests.$inferInsert, 'answer' | 'answeredOn' | 'answerVia' | 'answerRecordedBy' | 'answerIdempotencyKey'>,
) {
  await tx.update(informationRequests).set(answer).where(eq(informationRequests.id, id));
}

// --- measures -----------------------------------------------------------------------------------------------------

export async function insertMeasure(tx: Tx, values: typeof measures.$inferInsert) {
  const [row] = await tx.insert(measures).values(values).returning({ id: measures.id });
  return row!;
}

export async function findMeasures(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.select().from(measures).where(inArray(measures.id, [...ids]));
}

/** Measures recorded so far that can still be linked (not dropped), newest first. */
export async function measureChoices(db: Executor) {
  return db
    .select({ id: measures.id, description: measures.description, owner: measures.owner, dueOn: measures.dueOn, status: measures.status })
    .from(measures)
    .where(ne(measures.status, 'dropped'))
    .orderBy(desc(measures.id))
    .limit(200);
}

// --- contracting parties --------------------------------------------------------------------------------------------

export async function findActiveParty(db: Executor, id: number) {
  const [row] = await db
    .select({ id: contractingParties.id, name: contractingParties.name, type: contractingParties.type, contactEmail: contractingParties.contactEmail })
    .from(contractingParties)
    .where(and(eq(contractingParties.id, id), eq(contractingParties.active, true)));
  return row ?? null;
}

export async function findParty(db: Executor, id: number | null) {
  if (id === null) return null;
  const [row] = await db
    .select({ id: contractingParties.id, name: contractingParties.name, type: contractingParties.type, contactEmail: contractingParties.contactEmail })
    .from(contractingParties)
    .where(eq(contractingParties.id, id));
  return row ?? null;
}

export async function activeParties(db: Executor) {
  return db
    .select({ id: contractingParties.id, name: contractingParties.name, type: contractingParties.type, contactEmail: contractingParties.contactEmail })
    .from(contractingParties)
    .where(eq(contractingParties.active, true))
    .orderBy(asc(contractingParties.type), asc(contractingParties.name));
}

// --- the client's reactions (lib/complaints/steps/satisfaction.ts) --------------------------------------------------

/**
 * Who hears about what the client says on their status page: the complaint's handler, or, when it has none (or the
 * handler was deactivated), every active quality manager.
 */
export async function staffToTell(db: Executor, handlerId: number | null): Promise<{ name: string; email: string }[]> {
  if (handlerId !== null) {
    const handler = await db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.id, handlerId), eq(users.active, true)));
    if (handler.length > 0) return handler;
  }
  return db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'manager'), eq(users.active, true)))
    .orderBy(asc(users.id));
}
