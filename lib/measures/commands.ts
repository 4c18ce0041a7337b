import type * as z from 'zod/mini';
import type { Tx } from '@/db/client';
import {
  appendMeasureHistory,
  categoryExists,
  deleteComplaintLink,
  findComplaintByReference,
  findComplaintReference,
  insertComplaintLink,
  lastMeasureChange,
  type LockedMeasure,
  lockMeasure,
  type MeasureUpdate,
  updateMeasure,
} from '@/db/measures';
import { insertMeasure } from '@/db/procedure';
import { Conflict, defineAction, RuleViolation, ruleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { checkDueOn, checkStatusChange, creationDetails, measureChanges, normaliseReference, statusFieldsAfter } from './rules';
import { changeMeasureStatusSchema, createMeasureSchema, linkComplaintSchema, unlinkComplaintSchema, updateMeasureSchema } from './schemas';

/**
 * The measures register's server actions (managers: 'measures.manage'), each through `defineAction`: role → zod →
 * lock the measure → same version as the user saw (else "changed by X at T", nothing written) → rules (./rules.ts) →
 * the change, the new version and one measure_history row (who, when, action, reason, what changed), in one transaction.
 */

export type MeasureResult = { id: number; version: number };

/** '' = no category; otherwise it must exist. */
async function categoryOf(tx: Tx, raw: string): Promise<number | null> {
  if (raw === '') return null;
  const id = Number(raw);
  if (!(await categoryExists(tx, id))) throw ruleViolation('categoryId', 'categoryUnknown');
  return id;
}

export const createMeasure = defineAction({
  name: 'createMeasure',
  access: 'measures.manage',
  schema: createMeasureSchema,
  async run(tx, input, { now, actor }): Promise<MeasureResult> {
    const today = amsterdamDate(now);
    const dueError = checkDueOn(input.dueOn, null, today);
    if (dueError) throw ruleViolation('dueOn', dueError);
    const values = {
      description: input.description,
      reason: input.reason === '' ? null : input.reason,
      owner: input.owner,
      dueOn: input.dueOn === '' ? null : input.dueOn,
      categoryId: await categoryOf(tx, input.categoryId),
      status: 'planned' as const,
    };
    const { id } = await insertMeasure(tx, { ...values, createdBy: actor.id, createdAt: now, updatedAt: now });
    await appendMeasureHistory(tx, { measureId: id, at: now, actorUserId: actor.id, action: 'created', details: creationDetails(values) });
    return { id, version: 1 };
  },
});

type Target = { measureId: number; version: number };
type ChangeContext = { now: Date; today: IsoDate; actor: Actor; measure: LockedMeasure };
/** What a change does: the columns it writes (if any), and its history row. */
type Change = { action: string; changes?: MeasureUpdate; reason?: string | null; details: Record<string, unknown> };

/** An action on an existing measure: locked, version-checked, written with its history row. */
function defineMeasureChange<S extends z.ZodMiniType<Target>>(name: string, schema: S, run: (tx: Tx, input: z.output<S>, ctx: ChangeContext) => Promise<Change>) {
  return defineAction({
    name,
    access: 'measures.manage',
    schema,
    async run(tx, input, { now, actor }): Promise<MeasureResult> {
      const measure = await lockMeasure(tx, input.measureId);
      if (!measure) throw ruleViolation('_form', 'notFound');
      if (measure.version !== input.version) {
        const last = await lastMeasureChange(tx, measure.id);
        throw new Conflict(last?.actorName ?? 'onbekend', last?.at ?? measure.updatedAt);
      }
      const change = await run(tx, input, { now, today: amsterdamDate(now), actor, measure });
      const version = await updateMeasure(tx, measure.id, change.changes ?? {}, now);
      await appendMeasureHistory(tx, {
        measureId: measure.id,
        at: now,
        actorUserId: actor.id,
        action: change.action,
        reason: change.reason ?? null,
        details: change.details,
      });
      return { id: measure.id, version };
    },
    });
}

/** Edit what / why / owner / due date / category. Saving without a change is refused (nothing to record). */
export const updateMeasureDetails = defineMeasureChange('updateMeasure', updateMeasureSchema, async (tx, input, { measure, today }) => {
  const dueError = checkDueOn(input.dueOn, measure.dueOn, today);
  if (dueError) throw ruleViolation('dueOn', dueError);
  const after = {
    description: input.description,
    reason: input.reason === '' ? null : input.reason,
    owner: input.owner,
    dueOn: input.dueOn === '' ? null : input.dueOn,
    categoryId: await categoryOf(tx, input.categoryId),
  };
  const details = measureChanges(measure, after);
  if (Object.keys(details).length === 0) throw ruleViolation('_form', 'nothingChanged');
  return { action: 'updated', changes: after, details };
});

/** planned → in progress → done (with its day) or dropped (with a reason); done/dropped can be reopened with a reason. */
export const changeMeasureStatus = defineMeasureChange('changeMeasureStatus', changeMeasureStatusSchema, async (_tx, input, { measure, today }) => {
  const refusal = checkStatusChange(measure.status, input, today);
  if (refusal) throw new RuleViolation({ [refusal.field]: [refusal.key] });
  const after = statusFieldsAfter(input);
  return { action: 'status_changed', changes: after, reason: input.reason === '' ? null : input.reason, details: measureChanges(measure, after) };
});

/** Link a complaint by its reference (KL-2026-0042). */
export const linkComplaint = defineMeasureChange('linkComplaint', linkComplaintSchema, async (tx, input, { measure, now }) => {
  const reference = normaliseReference(input.reference);
  // As typed (minus spaces) or in capitals: references are KL-2026-0042, but older ones may carry lower case.
  const complaint = reference ? await findComplaintByReference(tx, [reference, input.reference.replace(/\s+/g, '')]) : null;
  if (!complaint) throw ruleViolation('reference', 'complaintUnknown');
  if (!(await insertComplaintLink(tx, complaint.id, measure.id, now))) throw ruleViolation('reference', 'alreadyLinked');
  return { action: 'linked', details: { complaintId: complaint.id, reference: complaint.reference } };
});

export const unlinkComplaint = defineMeasureChange('unlinkComplaint', unlinkComplaintSchema, async (tx, input, { measure }) => {
  const complaint = await findComplaintReference(tx, input.complaintId);
  if (!complaint || !(await deleteComplaintLink(tx, complaint.id, measure.id))) throw ruleViolation('_form', 'notLinked');
  return { action: 'unlinked', details: { complaintId: complaint.id, reference: complaint.reference } };
});
