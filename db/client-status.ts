import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { CLIENT_HISTORY_ACTIONS, type ClientFacts, type ClientHistoryRow } from '@/lib/complaints/client-view';
import { openQuestionId } from './attachments';
import type { Db, Tx } from './client';
import { complaintHistory, complaints, contractingParties } from './schema';

type Executor = Db | Tx;

/** What the client's status page loads: the complaint's current facts and the history entries a client may see. */
export type ClientStatusData = {
  facts: ClientFacts;
  reference: string;
  byEmail: boolean;
  history: ClientHistoryRow[];
  /** The question the client may answer on the page now (migration 0009), or null. */
  openQuestionId: number | null;
};

/** The complaint behind a status link (by the hash of its token), or null when there is none. */
export async function loadClientStatus(db: Executor, tokenHash: string): Promise<ClientStatusData | null> {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      receivedOn: complaints.receivedOn,
      terms: complaints.terms,
      incidentDate: complaints.incidentDate,
      incidentOngoing: complaints.incidentOngoing,
      resolutionExtendedTo: complaints.resolutionExtendedTo,
      outcome: complaints.outcome,
      notAdmissibleGround: complaints.notAdmissibleGround,
      complainantEmail: complaints.complainantEmail,
      resolvedOn: complaints.resolvedOn,
      clientSatisfied: complaints.clientSatisfied,
      forwardRequestedAt: complaints.forwardRequestedAt,
      partyName: contractingParties.name,
      partyType: contractingParties.type,
    })
    .from(complaints)
    .leftJoin(contractingParties, eq(contractingParties.id, complaints.contractingPartyId))
    .where(eq(complaints.statusTokenHash, tokenHash));
  if (!row) return null;
  // Only the actions a client may see leave the database; lib/complaints/client-view.ts filters again, field by field.
  const history = await db
    .select({ action: complaintHistory.action, at: complaintHistory.at, reason: complaintHistory.reason, details: complaintHistory.details })
    .from(complaintHistory)
    .where(and(eq(complaintHistory.complaintId, row.id), inArray(complaintHistory.action, [...CLIENT_HISTORY_ACTIONS])))
    .orderBy(asc(complaintHistory.at), asc(complaintHistory.id));
  return {
    reference: row.reference,
    byEmail: row.complainantEmail !== null,
    facts: {
      status: row.status,
      receivedOn: row.receivedOn,
      terms: row.terms,
      incidentDate: row.incidentDate,
      incidentOngoing: row.incidentOngoing,
      resolutionExtendedTo: row.resolutionExtendedTo,
      outcome: row.outcome,
      notAdmissibleGround: row.notAdmissibleGround,
      party: row.partyName && row.partyType ? { name: row.partyName, type: row.partyType } : null,
      resolvedOn: row.resolvedOn,
      satisfied: row.clientSatisfied,
      forwardRequested: row.forwardRequestedAt !== null,
    },
    history,
    openQuestionId: row.status === 'info_requested' ? await openQuestionId(db, row.id) : null,
  };
}

// --- a lost status link (lib/complaints/lost-link.ts) ---------------------------------------------------------------

/**
 * The complaint with this reference whose client gave this e-mail address (compared without case), locked until the
 * transaction ends; null when there is none. One query whatever matches, so a miss costs the same as a hit.
 */
export async function lockComplaintByReferenceAndEmail(tx: Tx, reference: string, email: string) {
  const [row] = await tx
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      locale: complaints.locale,
      complainantName: complaints.complainantName,
      complainantEmail: complaints.complainantEmail,
    })
    .from(complaints)
    .where(and(eq(complaints.reference, reference), sql`lower(${complaints.complainantEmail}) = lower(${email})`))
    .for('update');
  return row ?? null;
}

/** Replaces the complaint's status link: the old token's hash is gone, so the old link stops working at once. */
export async function replaceStatusToken(tx: Tx, complaintId: number, tokenHash: string): Promise<void> {
  await tx.update(complaints).set({ statusTokenHash: tokenHash }).where(eq(complaints.id, complaintId));
}
