import type * as z from 'zod/mini';
import type { Tx } from '@/db/client';
import { appendHistory, enqueueMessage, type NewOutboxMessage } from '@/db/complaints';
import {
  type ComplaintChanges,
  involvedPeople,
  type InvolvedPerson,
  lastChange,
  type LockedComplaint,
  lockComplaint,
  lockComplaintByTokenHash,
  updateComplaint,
} from '@/db/procedure';
import { Conflict, defineAction, Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { canSeeComplaint } from '@/lib/auth/policy';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import type { Status } from '@/lib/procedure/vocabulary';
import { CLIENT_ACTOR, checkStep, nextStatus, type Step, TRANSITIONS, type WorkflowFacts } from '@/lib/procedure/workflow';
import { hashToken } from '@/lib/server/tokens';

/**
 * Every step on a complaint file runs here, inside the one action pipeline (lib/actions/pipeline.ts):
 * role → zod → lock the complaint → same version as the user saw (else "changed by X at T") → may see it →
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

/** Writes a step's outcome: the row's changes with the new status and version, the history entry and the mail. */
async function commitStep(
  tx: Tx,
  step: Step,
  complaint: LockedComplaint,
  to: Status,
  effect: StepEffect,
  who: { actorUserId: number } | { actorLabel: 'client' },
  now: Date,
): Promise<number> {
  const newVersion = await updateComplaint(tx, complaint.id, { ...effect.changes, status: to }, now);
  await appendHistory(tx, {
    complaintId: complaint.id,
    at: now,
    ...who,
    action: TRANSITIONS[step].history,
    fromStatus: complaint.status,
    toStatus: to,
    reason: effect.reason ?? null,
    details: effect.details ?? null,
  });
  for (const message of effect.messages ?? []) await enqueueMessage(tx, { ...message, complaintId: complaint.id, createdAt: now });
  return newVersion;
}

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
      const complaint = await lockComplaint(tx, complaintId);
      // A complaint one may not see answers like one that does not exist.
      if (!complaint || !canSeeComplaint(actor, { handlerId: complaint.handlerId, registeredBy: complaint.registeredBy })) throw new Forbidden();
      if (complaint.version !== version) {
        const last = await lastChange(tx, complaint.id);
        throw new Conflict(last?.actorName ?? last?.actorLabel ?? 'onbekend', last?.at ?? complaint.updatedAt);
      }
      const involved = await involvedPeople(tx, complaint.id);
      const facts = workflowFacts(complaint, involved);
      const refusal = checkStep(step, facts, actor);
      if (refusal) throw ruleViolation('_form', refusal);

      const to = nextStatus(step, complaint.status);
      const ctx: StepContext = { now, today: amsterdamDate(now), actor, complaint, involved, facts, to };
      const effect = await run(tx, input, ctx);

      const newVersion = await commitStep(tx, step, complaint, to, effect, { actorUserId: actor.id }, now);
      return { id: complaint.id, version: newVersion, status: to, warnings: effect.warnings ?? [] };
    },
    after: deliverOutboxAfterResponse,
  });
}

// -------------------------------------------------------------------------------------------------------------------
// The client's own steps (their judgement of the outcome, their forward request).

/** The client's secret status link token: their only authority. */
export type ClientStepTarget = { token: string };

export type ClientStepContext = Omit<StepContext, 'actor'>;

/** What a client step returns to the status page: nothing about the complaint the page does not already show. */
export type ClientStepResult = { status: Status };

/**
 * A step the client takes on their status page. The same transaction as a staff step (lib/procedure/workflow.ts's
 * table and guards with the client as actor, the step's own checks, status, version, history with actor "client",
 * mail), but the authority is the status link: the complaint is found (and locked) by the hash of its token, and an
 * unknown or replaced token is refused like a complaint one may not see. There is no version check: the client's
 * judgement does not depend on what else changed on the file; the step's own rules decide on the locked row.
 */
export function defineClientStep<S extends z.ZodMiniType<ClientStepTarget>>(
  step: Step,
  schema: S,
  run: (tx: Tx, input: z.output<S>, ctx: ClientStepContext) => Promise<StepEffect>,
) {
  if (TRANSITIONS[step].by !== 'client') throw new Error(`step ${step} is not the client's`);
  return defineAction({
    name: step,
    access: 'public',
    schema,
    async run(tx, input, { now }): Promise<ClientStepResult> {
      const complaint = await lockComplaintByTokenHash(tx, hashToken(input.token));
      if (!complaint) throw new Forbidden();
      const involved = await involvedPeople(tx, complaint.id);
      const facts = workflowFacts(complaint, involved);
      const refusal = checkStep(step, facts, CLIENT_ACTOR);
      if (refusal) throw ruleViolation('_form', refusal);

      const to = nextStatus(step, complaint.status);
      const effect = await run(tx, input, { now, today: amsterdamDate(now), complaint, involved, facts, to });
      await commitStep(tx, step, complaint, to, effect, { actorLabel: 'client' }, now);
      return { status: to };
    },
    after: deliverOutboxAfterResponse,
  });
}
