import { answerInformationRequest, insertInformationRequest, type LockedComplaint, openInformationRequest } from '@/db/procedure';
import type { Tx } from '@/db/client';
import { ruleViolation } from '@/lib/actions/pipeline';
import { hearingInvitationLetter, infoRequestLetter } from '@/lib/mail/letters';
import { amsterdamDate, compareIsoDates, type IsoDate } from '@/lib/procedure/dates';
import { dueDateOf } from '@/lib/procedure/deadlines';
import type { ContactMedium } from '@/lib/procedure/vocabulary';
import { checkAnswerDate, checkNotBeforeReceipt } from '@/lib/procedure/workflow';
import { clockInputOf } from '../file';
import { defineStep } from './define';
import { clientLetterBase, toClient } from './mail';
import { planHearingSchema, recordAnswerSchema, recordHearingSchema, requestInfoSchema, sendCopySchema, skipHearingSchema } from './schemas';

/**
 * Looking into the complaint: questions to the client and their answers (DESIGN rule 8), the copy of the complaint to
 * the person it is about and the hearing (rule 7, Awb 9:9 and 9:10). Whether a step is possible at all (a copy only
 * once, no hearing after it was held or skipped …) is decided by the transition table; here only what depends on the
 * input. The resolution clock keeps running throughout: none of these steps touches the due date.
 */

/** The resolution due date now in force. */
const resolutionDueOf = (complaint: LockedComplaint): IsoDate => dueDateOf('resolution', clockInputOf(complaint));

/** Asks the client a question by e-mail or letter; the complaint waits for the answer, its clock does not. */
export const requestInfo = defineStep('requestInfo', requestInfoSchema, async (tx, input, { complaint, actor, now }) => {
  const answerBy = input.answerBy === '' ? null : input.answerBy;
  await insertInformationRequest(tx, { complaintId: complaint.id, question: input.question, answerBy, askedAt: now, askedBy: actor.id });
  const letter = infoRequestLetter({ ...(await clientLetterBase(tx, complaint)), question: input.question, answerBy });
  const message = toClient(complaint, 'info_request', letter);
  const afterDue = answerBy !== null && compareIsoDates(answerBy, resolutionDueOf(complaint)) > 0;
  return {
    details: { question: input.question, answerBy, medium: message.medium },
    messages: [message],
    warnings: afterDue ? ['answerByAfterDue'] : [],
  };
});

/** An answer to the open question, as staff type it in or as the client gives it on their status page. */
export type AnswerToRecord = {
  answer: string;
  answeredOn: IsoDate;
  /** How it came in; null: the client answered on their status page. */
  via: ContactMedium | null;
  /** Who typed it in; null: the client themself. */
  recordedBy: number | null;
  /** The question the client saw; the answer is refused when another one is open now. */
  questionId?: number;
  /** The key of the client's form, so a re-post finds this answer. */
  idempotencyKey?: string;
};

/**
 * The recordAnswer step's own work, whoever records the answer: the open question gets its answer (never before it was
 * asked). Returns the question answered and what the history says.
 */
export async function answerOpenQuestion(tx: Tx, complaint: LockedComplaint, input: AnswerToRecord) {
  const open = await openInformationRequest(tx, complaint.id);
  if (!open || (input.questionId !== undefined && open.id !== input.questionId)) throw ruleViolation('_form', 'noOpenQuestion');
  const refusal = checkAnswerDate(input.answeredOn, amsterdamDate(open.askedAt));
  if (refusal) throw ruleViolation('answeredOn', refusal);
  await answerInformationRequest(tx, open.id, {
    answer: input.answer,
    answeredOn: input.answeredOn,
    answerVia: input.via,
    answerRecordedBy: input.recordedBy,
    answerIdempotencyKey: input.idempotencyKey ?? null,
  });
  const details: Record<string, unknown> = { question: open.question, answer: input.answer, answeredOn: input.answeredOn };
  if (input.via) details.via = input.via;
  return { question: open, details };
}

/** Staff type in the answer the client gave by phone, post, e-mail or in person; the handling goes on. */
export const recordAnswer = defineStep('recordAnswer', recordAnswerSchema, async (tx, input, { complaint, actor }) => {
  const { details } = await answerOpenQuestion(tx, complaint, { answer: input.answer, answeredOn: input.answeredOn, via: input.via, recordedBy: actor.id });
  return { details };
});

/**
 * Records that the person complained about got a copy of the complaint (Awb 9:9). No mail is queued: staff send the
 * copy themselves, by the route they say, and the file records the fact.
 */
export const sendCopy = defineStep('sendCopy', sendCopySchema, async (_tx, input, { complaint, involved }) => {
  const refusal = checkNotBeforeReceipt(input.sentOn, complaint.receivedOn);
  if (refusal) throw ruleViolation('sentOn', refusal);
  const recipient = involved
    .filter((person) => person.involvement === 'subject')
    .map((person) => person.name)
    .join(', ');
  return { changes: { copySentOn: input.sentOn }, details: { sentOn: input.sentOn, via: input.via, recipient } };
});

/** Plans the hearing and invites the client; planning again moves it (and sends a new invitation). */
export const planHearing = defineStep('planHearing', planHearingSchema, async (tx, input, { complaint }) => {
  const time = input.time === '' ? null : input.time;
  const place = input.place === '' ? null : input.place;
  const letter = hearingInvitationLetter({ ...(await clientLetterBase(tx, complaint)), on: input.on, time, place, participants: input.participants });
  const message = toClient(complaint, 'hearing_invitation', letter);
  const moved = complaint.hearingState === 'planned' && complaint.hearingOn !== null;
  const afterDue = compareIsoDates(input.on, resolutionDueOf(complaint)) > 0;
  return {
    changes: { hearingState: 'planned', hearingOn: input.on },
    details: { on: input.on, time, place, participants: input.participants, medium: message.medium, ...(moved ? { previousOn: complaint.hearingOn } : {}) },
    messages: [message],
    warnings: afterDue ? ['hearingAfterDue'] : [],
  };
});

/** The hearing was held: who took part and the report (Awb 9:10). */
export const recordHearing = defineStep('recordHearing', recordHearingSchema, async (_tx, input, { complaint }) => {
  const refusal = checkNotBeforeReceipt(input.heldOn, complaint.receivedOn);
  if (refusal) throw ruleViolation('heldOn', refusal);
  return {
    changes: { hearingState: 'held', hearingOn: input.heldOn },
    details: { heldOn: input.heldOn, participants: input.participants, report: input.report },
  };
});

/** No hearing, on one of the grounds of Awb 9:10 (2), explained. */
export const skipHearing = defineStep('skipHearing', skipHearingSchema, async (_tx, input) => ({
  changes: { hearingState: 'skipped', hearingOn: null },
  reason: input.explanation,
  details: { ground: input.ground },
}));
