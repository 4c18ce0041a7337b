import type * as z from 'zod/mini';
import type { Tx } from '@/db/client';
import { appendHistoryAndMessages, type NewOutboxMessage } from '@/db/complaints';
import {
  type ComplaintChanges,
  involvedPeople,
  type InvolvedPerson,
  lastChange,
  type LockedComplaint,
  lockComplaintWithInvolved,
  lockComplaintByTokenHash,
  updateComplaint,
} from '@/db/procedure';
import { Conflict, defineAction, Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { canSeeComplaint } from '@/lib/auth/policy';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import type { Status } from '@/lib/procedure/vocabulary';
import { CLIENT_ACTOR, checkStep, isClientStep, nextStatus, type Step, TRANSITIONS, type WorkflowFacts } from '@/lib/procedure/workflow';
import { hashToken } from '@/lib/server/tokens';

/**
 * Every step on a complaint file runs here, inside the one action pipeline (lib/actions/pipeline.ts):
 * role → zod → lock the complaint (with the people involved, one round trip) → same version as the user saw (else "changed by X at T") → may see it →
 * transition table and guards (lib/procedure/workflow.ts) → the step's own checks and writes → the status change,
 * the new version, the history entry and the outgoing mail, all in one transaction → mail delivery after the response.
 */

export type StepTarget = { complaintId: number; version: number };

export type StepContext = {
  now: Date;
  today: IsoDate;
  actor: Actor;
  complaint: LockedComplaint;
  involved: InvolvedPerson[];
  facts: WorkflowFacts;
  /** The status the step leads to. */
  to: Status;
};

/** What a step does besides moving the status: changes to the row, what the history says, and mail to send. */
export type StepEffect = {
  changes?: ComplaintChanges;
  reason?: string | null;
  details?: Record<string, unknown>;
  messages?: Omit<NewOutboxMessage, 'complaintId'>[];
  /** Message keys (`beheer.steps.warnings.<key>`), e.g. a term that had already passed. */
  warnings?: string[];
};

export type StepResult = { id: number; version: number; status: Status; warnings: string[] };

export function workflowFacts(
  complaint: Pick<LockedComplaint, 'status' | 'handlerId' | 'copySentOn' | 'hearingState' | 'outcome'>,
  involved: readonly Pick<InvolvedPerson, 'userId' | 'involvement'>[],
): WorkflowFacts {
  return {
    status: complaint.status,
    handlerId: complaint.handlerId,
    involvedUserIds: involved.flatMap((person) => (person.userId === null ? [] : [person.userId])),
    hasSubject: involved.some((person) => person.involvement === 'subject'),
    copySent: complaint.copySentOn !== null,
    hearingState: complaint.hearingState,
    outcome: complaint.outcome,
  };
}

const ACCESS = { manager: 'complaints.assign', staff: 'complaints.read', handler: 'complaints.read', self: 'complaints.read' } as const;

/** A step's server action; `schema` (built with `stepSchema`, ./schemas.ts) is shared with the browser's form. */
export function defineStep<S extends z.ZodMiniType<StepTarget>>(
  step: Step,
  schema: S,
  run: (tx: Tx, input: z.output<S>, ctx: StepContext) => Promise<StepEffect>,
) {
  const rule = TRANSITIONS[step];
  if (rule.by === 'client') throw new Error(`step ${step} is the client's: use defineClientStep`);
  return defineAction({
    name: step,
    access: step === 'reopen' ? 'complaints.reopen' : ACCESS[rule.by],
    schema,
    async run(tx, input, { now, actor }): Promise<StepResult> {
      const { complaintId, version } = input;
      // The lock and the people involved in one round trip; a change to them by a step we waited for shows in the version.
      const locked = await lockComplaintWithInvolved(tx, complaintId);
      const complaint = locked?.complaint;
      // A complaint one may not see answers like one that does not exist.
      if (!locked || !complaint || !canSeeComplaint(actor, { handlerId: complaint.handlerId, registeredBy: complaint.registeredBy })) throw new Forbidden();
      if (complaint.version !== version) {
        const last = await lastChange(tx, complaint.id);
        throw new Conflict(last?.actorName ?? last?.actorLabel ?? 'onbekend', last?.at ?? complaint.updatedAt);
      }
      // Anonymised (db/anonymise.ts): its texts and contact details are gone; no step can make sense of it any more.
      if (complaint.anonymisedAt) throw ruleViolation('_form', 'complaintAnonymised');
      const { involved } = locked;
      const facts = workflowFacts(complaint, involved);
      const refusal = checkStep(step, facts, actor);
      if (refusal) throw ruleViolation('_form', refusal);

      const to = nextStatus(step, complaint.status);
      const ctx: StepContext = { now, today: amsterdamDate(now), actor, complaint, involved, facts, to };
      const effect = await run(tx, input, ctx);

      return finishStep(tx, step, complaint, to, effect, now, { actorUserId: actor.id });
    },
    after: deliverOutboxAfterResponse,
  });
}

/** Who took a step, as the history records it: a signed-in user, or the client through their status link. */
type StepAuthor = { actorUserId: number } | { actorLabel: 'client' };

/** The end of every step: the status, the new version, the history entry and the outgoing mail, in the step's transaction. */
async function finishStep(tx: Tx, step: Step, complaint: LockedComplaint, to: Status, effect: StepEffect, now: Date, author: StepAuthor): Promise<StepResult> {
  const newVersion = await updateComplaint(tx, complaint.id, { ...effect.changes, status: to }, now);
  // The history entry and all of the step's mail in one statement.
  await appendHistoryAndMessages(
    tx,
    [
      {
        complaintId: complaint.id,
        at: now,
        ...author,
        action: TRANSITIONS[step].history,
        fromStatus: complaint.status,
        toStatus: to,
        reason: effect.reason ?? null,
        details: effect.details ?? null,
      },
    ],
    (effect.messages ?? []).map((message) => ({ ...message, complaintId: complaint.id, createdAt: now })),
  );
  return { id: complaint.id, version: newVersion, status: to, warnings: effect.warnings ?? [] };
}

// -------------------------------------------------------------------------------------------------------------------
// The client's own steps (answering a question, judging the outcome, asking to forward): the same table and guards with
// the client as actor (CLIENT_ACTOR), the same end (status, version, history with actor "client", mail). The status
// link is the client's authority: the complaint is found and locked by the hash of its token.

export type ClientStepContext = Omit<StepContext, 'actor'>;

/**
 * A client step on a complaint already locked through the secret link, inside the caller's transaction (the answer
 * route, lib/complaints/client-answer.ts, stores the client's files in the same transaction). There is no version
 * check: what the client does does not depend on what else changed on the file; the step's own rules decide.
 */
export async function runClientStep(
  tx: Tx,
  step: Step,
  complaint: LockedComplaint,
  now: Date,
  run: (ctx: ClientStepContext) => Promise<StepEffect>,
): Promise<StepResult> {
  if (!isClientStep(step)) throw new Error(`step ${step} is not the client's`);
  const involved = await involvedPeople(tx, complaint.id);
  const facts = workflowFacts(complaint, involved);
  const refusal = checkStep(step, facts, CLIENT_ACTOR);
  if (refusal) throw ruleViolation('_form', refusal);
  const to = nextStatus(step, complaint.status);
  const effect = await run({ now, today: amsterdamDate(now), complaint, involved, facts, to });
  return finishStep(tx, step, complaint, to, effect, now, { actorLabel: 'client' });
}

/** The client's secret status link token: their only authority. */
export type ClientStepTarget = { token: string };

/** What a client step returns to the status page: nothing about the complaint the page does not already show. */
export type ClientStepResult = { status: Status };

/** A client step as a public action of the pipeline: an unknown or replaced token is refused like a complaint one may not see. */
export function defineClientStep<S extends z.ZodMiniType<ClientStepTarget>>(
  step: Step,
  schema: S,
  run: (tx: Tx, input: z.output<S>, ctx: ClientStepContext) => Promise<StepEffect>,
) {
  if (!isClientStep(step)) throw new Error(`step ${step} is not the client's`);
  return defineAction({
    name: step,
    access: 'public',
    limit: 'clientAction',
    schema,
    async run(tx, input, { now }): Promise<ClientStepResult> {
      const complaint = await lockComplaintByTokenHash(tx, hashToken(input.token));
      if (!complaint) throw new Forbidden();
      const { status } = await runClientStep(tx, step, complaint, now, (ctx) => run(tx, input, ctx));
      return { status };
    },
    after: deliverOutboxAfterResponse,
  });
}
