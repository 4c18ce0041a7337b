import type * as z from 'zod/mini';
import { getDb, type Tx } from '@/db/client';

/**
 * The one action pipeline: (role) → zod validation → rule checks → one transaction (change + history + outbox) →
 * (revalidate), returning a typed result. Every server action is built with `defineAction`.
 *
 * Error texts are message keys (`errors.<key>`), translated where they are shown, so one schema serves both
 * languages in the browser and on the server.
 */
export type FieldErrors = Record<string, string[]>;

export type ActionFailure = {
  ok: false;
  /** invalid: bad input (see fieldErrors); unavailable: the database could not be reached or the write failed. */
  error: 'invalid' | 'unavailable';
  fieldErrors: FieldErrors;
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

export type ActionContext = { now: Date };

type ActionDefinition<S extends z.ZodMiniType, T> = {
  name: string;
  schema: S;
  /** Runs inside one transaction; throw `RuleViolation` to refuse. */
  run: (tx: Tx, input: z.output<S>, ctx: ActionContext) => Promise<T>;
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

export function defineAction<S extends z.ZodMiniType, T>(definition: ActionDefinition<S, T>) {
  return async function runAction(raw: unknown): Promise<ActionResult<T>> {
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error.issues) };
    const ctx: ActionContext = { now: new Date() };
    let data: T;
    try {
      const db = await getDb();
      data = await db.transaction((tx) => definition.run(tx, parsed.data, ctx));
    } catch (error) {
      if (error instanceof RuleViolation) return { ok: false, error: 'invalid', fieldErrors: error.fieldErrors };
      console.error(`[action ${definition.name}] failed:`, error instanceof Error ? error.message : error);
      return { ok: false, error: 'unavailable', fieldErrors: {} };
    }
    await definition.after?.(data);
    return { ok: true, data };
  };
}
