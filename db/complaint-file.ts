import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client';
import {
  categories,
  complaintHistory,
  complaintInvolved,
  complaintMeasures,
  complaints,
  contractingParties,
  informationRequests,
  measures,
  outbox,
  staff,
  users,
} from './schema';

type Executor = Db | Tx;

/** Read model of the complaint file (/beheer/klachten/[id]): the complaint with its names, people, history and outbox. */

const registrar = alias(users, 'registrar');
const handler = alias(users, 'handler');
const concernsStaff = alias(staff, 'concerns_staff');
const involvedUser = alias(users, 'involved_user');
const asker = alias(users, 'asker');

/** Who may see a complaint (lib/auth/policy.ts canSeeComplaint): asked first, before any personal data is read. */
export async function complaintAccessFacts(db: Executor, id: number) {
  const [row] = await db
    .select({ handlerId: complaints.handlerId, registeredBy: complaints.registeredBy })
    .from(complaints)
    .where(eq(complaints.id, id));
  return row ?? null;
}

export async function complaintFileRecord(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      channel: complaints.channel,
      receivedOn: complaints.receivedOn,
      registeredById: complaints.registeredBy,
      registeredByName: registrar.name,
      locale: complaints.locale,
      complainantName: complaints.complainantName,
      anonymisedAt: complaints.anonymisedAt,
      anonymisedReason: complaints.anonymisedReason,
      complainantEmail: complaints.complainantEmail,
      complainantPhone: complaints.complainantPhone,
      addressStreet: complaints.addressStreet,
      addressPostcode: complaints.addressPostcode,
      addressCity: complaints.addressCity,
      categoryCode: categories.code,
      categoryName: categories.nameNl,
      concernsStaffName: concernsStaff.name,
      concernsStaffText: complaints.concernsStaffText,
      description: complaints.description,
      incidentDate: complaints.incidentDate,
      incidentOngoing: complaints.incidentOngoing,
      desiredOutcome: complaints.desiredOutcome,
      partyChoice: complaints.partyChoice,
      partyName: complaints.partyName,
      contractingPartyName: contractingParties.name,
      contractingPartyType: contractingParties.type,
      terms: complaints.terms,
      handlerId: complaints.handlerId,
      handlerName: handler.name,
      resolutionExtendedTo: complaints.resolutionExtendedTo,
      extensionCount: complaints.extensionCount,
      copySentOn: complaints.copySentOn,
      hearingState: complaints.hearingState,
      hearingOn: complaints.hearingOn,
      outcome: complaints.outcome,
      notAdmissibleGround: complaints.notAdmissibleGround,
      contractingPartyId: complaints.contractingPartyId,
      clientSatisfied: complaints.clientSatisfied,
      satisfactionAt: complaints.satisfactionAt,
      forwardRequestedAt: complaints.forwardRequestedAt,
      version: complaints.version,
      consentAt: complaints.consentAt,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
    })
    .from(complaints)
    .innerJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(registrar, eq(registrar.id, complaints.registeredBy))
    .leftJoin(handler, eq(handler.id, complaints.handlerId))
    .leftJoin(contractingParties, eq(contractingParties.id, complaints.contractingPartyId))
    .leftJoin(concernsStaff, eq(concernsStaff.id, complaints.concernsStaffId))
    .where(eq(complaints.id, id));
  return row ?? null;
}

/** The people involved, with their staff record and the user it belongs to (the conflict-of-interest rule compares users). */
export async function complaintFileInvolved(db: Executor, complaintId: number) {
  return db
    .select({
      id: complaintInvolved.id,
      name: complaintInvolved.name,
      involvement: complaintInvolved.involvement,
      staffId: complaintInvolved.staffId,
      team: staff.team,
      staffActive: staff.active,
      userId: staff.userId,
      userEmail: involvedUser.email,
    })
    .from(complaintInvolved)
    .leftJoin(staff, eq(staff.id, complaintInvolved.staffId))
    .leftJoin(involvedUser, eq(involvedUser.id, staff.userId))
    .where(eq(complaintInvolved.complaintId, complaintId))
    .orderBy(asc(complaintInvolved.id));
}

export async function complaintFileHistory(db: Executor, complaintId: number) {
  return db
    .select({
      id: complaintHistory.id,
      at: complaintHistory.at,
      actorUserId: complaintHistory.actorUserId,
      actorName: users.name,
      actorLabel: complaintHistory.actorLabel,
      action: complaintHistory.action,
      fromStatus: complaintHistory.fromStatus,
      toStatus: complaintHistory.toStatus,
      reason: complaintHistory.reason,
      details: complaintHistory.details,
    })
    .from(complaintHistory)
    .leftJoin(users, eq(users.id, complaintHistory.actorUserId))
    .where(eq(complaintHistory.complaintId, complaintId))
    .orderBy(asc(complaintHistory.at), asc(complaintHistory.id));
}

export async function complaintFileOutbox(db: Executor, complaintId: number) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      medium: outbox.medium,
      recipient: outbox.recipient,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      nextAttemptAt: outbox.nextAttemptAt,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
      postedOn: outbox.postedOn,
    })
    .from(outbox)
    .where(eq(outbox.complaintId, complaintId))
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
}

/** The questions asked to the client and their answers, oldest first. */
export async function complaintFileQuestions(db: Executor, complaintId: number) {
  return db
    .select({
      id: informationRequests.id,
      question: informationRequests.question,
      answerBy: informationRequests.answerBy,
      askedAt: informationRequests.askedAt,
      askedByName: asker.name,
      answer: informationRequests.answer,
      answeredOn: informationRequests.answeredOn,
      answerVia: informationRequests.answerVia,
    })
    .from(informationRequests)
    .leftJoin(asker, eq(asker.id, informationRequests.askedBy))
    .where(eq(informationRequests.complaintId, complaintId))
    .orderBy(asc(informationRequests.askedAt), asc(informationRequests.id));
}

/** The measures linked to the complaint (DESIGN rule 10), oldest first. */
export async function complaintFileMeasures(db: Executor, complaintId: number) {
  return db
    .select({ id: measures.id, description: measures.description, owner: measures.owner, dueOn: measures.dueOn, status: measures.status })
    .from(complaintMeasures)
    .innerJoin(measures, eq(measures.id, complaintMeasures.measureId))
    .where(eq(complaintMeasures.complaintId, complaintId))
    .orderBy(asc(complaintMeasures.linkedAt), asc(measures.id));
}

export type ComplaintFileRecord = NonNullable<Awaited<ReturnType<typeof complaintFileRecord>>>;
export type ComplaintFileInvolved = Awaited<ReturnType<typeof complaintFileInvolved>>[number];
export type ComplaintFileHistoryEntry = Awaited<ReturnType<typeof complaintFileHistory>>[number];
export type ComplaintFileMessage = Awaited<ReturnType<typeof complaintFileOutbox>>[number];
export type ComplaintFileQuestion = Awaited<ReturnType<typeof complaintFileQuestions>>[number];
export type ComplaintFileMeasure = Awaited<ReturnType<typeof complaintFileMeasures>>[number];
