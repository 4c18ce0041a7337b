import { loggableError } from '@/lib/server/log-error';
import type * as z from 'zod/mini';
import { getDb, type Tx } from '@/db/client';
import { type Actor, currentActor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/policy';
import { atInstant } from '@/lib/server/chosen-now';
import { requestAddress } from '@/lib/server/client-address';
import { consumeLimit, type LimitName } from '@/lib/server/rate-limit';
import { controlCharErrors } from '@/lib/validation';

/**
 * The one action pipeline: role → zod validation → rule checks → one transaction (change + history + outbox) →
 * (revalidate), returning a typed result. Every server action is built with `defineAction`.
 *
 * Error texts are message keys (`errors.<key>`), translated where they are shown, so one schema serves both
 * languages in the browser and on the server.
 */
export type FieldErrors = Record<string, string[]>;

export type ActionFailure = {
  ok: false;
  /**
   * invalid: bad input (see fieldErrors); forbidden: not signed in, or the role or this record is not the user's;
   * unavailable: the database could not be reached or the write failed; conflict: someone else changed the record since
   * the user loaded it (see `conflict`), nothing was written.
   */
  error: 'invalid' | 'forbidden' | 'unavailable' | 'conflict' | 'limited';
  fieldErrors: FieldErrors;
  /** With error 'limited' (too many attempts from this address, or from everyone): try again after this many minutes. */
  retryAfterMinutes?: number;
  /** With error 'conflict': who changed the record last, and when (ISO instant). */
  conflict?: { by: string; at: string };
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** Thrown by a rule check inside an action: the transaction is rolled back and the user sees the field errors. */
export class RuleViolation extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`rule violated: ${Object.keys(fieldErrors).join(', ')}`);
  }
}

export function ruleViolation(field: string, key: string): RuleViolation {
  return new RuleViolation({ [field]: [key] });
}

/** Thrown inside an action when the actor may not touch this record (e.g. a complaint not assigned to them). */
export class Forbidden extends Error {
  constructor() {
    super('forbidden');
  }
}

/** Thrown inside an action when the record changed since the user saw it (optimistic locking). */
export class Conflict extends Error {
  constructor(
    readonly by: string,
    readonly at: Date,
  ) {
    super(`changed by ${by} at ${at.toISOString()}`);
  }
}

/**
 * Database guards that stand behind the rule checks (so no code path can bypass them): when one fires, the user gets
 * the same message as from the rule check in lib/.
 */
const CONSTRAINT_ERRORS: Record<string, FieldErrors> = {
  complaint_handler_not_involved: { handlerId: ['handlerInvolved'] },
  complaint_blocked_while_handler_involved: { _form: ['complaintBlocked'] },
};

function constraintOf(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
  }
  return null;
}

/** Who may run an action: anyone (the public complaint form) or signed-in users with a permission. */
export type Access = 'public' | Permission;

/** Public actions run without looking up a session: their actor is null. */
export type ActionContext<A extends Access = Access> = { now: Date; actor: A extends 'public' ? null : Actor };

type ActionDefinition<S extends z.ZodMiniType, T, A extends Access> = {
  name: string;
  access: A;
  schema: S;
  /** Runs inside one transaction; throw `RuleViolation` to refuse with field errors, `Forbidden` to refuse access. */
  run: (tx: Tx, input: z.output<S>, ctx: ActionContext<A>) => Promise<T>;
  /**
   * Whether a user who must still replace a one-time password may run this action (only the password change
   * itself); every other action refuses them, as the pages do (lib/auth/page.ts).
   */
  allowedBeforePasswordChange?: boolean;
  /** A public action counts against this abuse limit (lib/server/rate-limit.ts), per client address and globally. */
  limit?: LimitName;
  /** After commit: e.g. revalidatePath. */
  after?: (data: T) => void | Promise<void>;
};

export function fieldErrorsOf(issues: readonly { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_form';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

export const FORBIDDEN: ActionFailure = { ok: false, error: 'forbidden', fieldErrors: { _form: ['forbidden'] } };
export const PASSWORD_CHANGE_REQUIRED: ActionFailure = { ok: false, error: 'forbidden', fieldErrors: { _form: ['passwordChangeRequired'] } };
export function limited(retryAfterMinutes: number): ActionFailure {
  return { ok: false, error: 'limited', fieldErrors: { _form: ['rateLimited'] }, retryAfterMinutes };
}
const UNAVAILABLE: ActionFailure = { ok: false, error: 'unavailable', fieldErrors: {} };

export function defineAction<S extends z.ZodMiniType, T, A extends Access>(definition: ActionDefinition<S, T, A>) {
  /**
   * The same action for a trusted server-side caller that replays the procedure (the demo seed, db/seed.ts): the role
   * check, the schema and the action's own rules, inside the caller's transaction, as `actor`, at the moment `now` (also
   * the schemas' "today": lib/server/chosen-now.ts). A refusal throws (RuleViolation, Forbidden, Conflict); nothing is
   * delivered afterwards, the outbox rows are the caller's to handle.
   */
  async function runIn(tx: Tx, raw: unknown, ctx: ActionContext<A>): Promise<T> {
    if (definition.access !== 'public' && (!ctx.actor || !can(ctx.actor.role, definition.access))) throw new Forbidden();
    return atInstant(ctx.now, async () => {
      const parsed = definition.schema.safeParse(raw);
      if (!parsed.success) throw new RuleViolation(fieldErrorsOf(parsed.error.issues));
      return definition.run(tx, parsed.data, ctx);
    });
  }

  return Object.assign(runAction, { runIn });

  async function runAction(raw: unknown): Promise<ActionResult<T>> {
    let actor: Actor | null = null;
    try {
      if (definition.access !== 'public') actor = await currentActor();
    } catch (error) {
      console.error(`[action ${definition.name}] could not identify the user:`, loggableError(error));
      return UNAVAILABLE;
    }
    if (definition.access !== 'public' && (!actor || !can(actor.role, definition.access))) return FORBIDDEN;
    if (actor?.mustChangePassword && !definition.allowedBeforePasswordChange) return PASSWORD_CHANGE_REQUIRED;

    if (definition.limit) {
      try {
        const decision = await consumeLimit(definition.limit, await requestAddress());
        if (!decision.ok) return limited(decision.retryAfterMinutes);
      } catch (error) {
        console.error(`[action ${definition.name}] rate limit unavailable:`, loggableError(error));
        return UNAVAILABLE;
      }
    }
    // No NUL bytes or other control characters in any text, in any form (they failed as an insert error before).
    const controlChars = controlCharErrors(raw);
    if (controlChars) return { ok: false, error: 'invalid', fieldErrors: controlChars };
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error.issues) };
    const ctx = { now: new Date(), actor } as ActionContext<A>;
    let data: T;
    try {
      const db = await getDb();
      data = await db.transaction((tx) => definition.run(tx, parsed.data, ctx));
    } catch (error) {
      if (error instanceof RuleViolation) return { ok: false, error: 'invalid', fieldErrors: error.fieldErrors };
      if (error instanceof Forbidden) return FORBIDDEN;
      if (error instanceof Conflict) {
        return { ok: false, error: 'conflict', fieldErrors: { _form: ['conflict'] }, conflict: { by: error.by, at: error.at.toISOString() } };
      }
      const guarded = CONSTRAINT_ERRORS[constraintOf(error) ?? ''];
      if (guarded) return { ok: false, error: 'invalid', fieldErrors: guarded };
      console.error(`[action ${definition.name}] failed:`, loggableError(error));
      return UNAVAILABLE;
    }
    await definition.after?.(data);
    return { ok: true, data };
  }
}
