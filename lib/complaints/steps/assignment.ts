import { deleteInvolvement, findStaff, findUser, insertInvolvement } from '@/db/procedure';
import { ruleViolation } from '@/lib/actions/pipeline';
import { checkAssignment } from '@/lib/procedure/workflow';
import { defineStep } from './define';
import { addInvolvedSchema, assignSchema, recuseSchema, removeInvolvedSchema } from './schemas';

/**
 * Who handles a complaint, and who is involved in it (DESIGN rule 6): never the same person. The rule is checked here
 * with its own message, and again by the database (migration 0005) for any other code path.
 */

/** A manager assigns (or reassigns) a handler who is not involved in the complaint. */
export const assign = defineStep('assign', assignSchema, async (tx, input, { complaint, facts }) => {
  const candidate = await findUser(tx, input.handlerId);
  const refusal = checkAssignment(candidate, facts);
  if (refusal) throw ruleViolation('handlerId', refusal);
  const previous = complaint.handlerId === null ? null : await findUser(tx, complaint.handlerId);
  return {
    changes: { handlerId: candidate!.id },
    details: { handlerId: candidate!.id, handlerName: candidate!.name, ...(previous ? { previousHandlerName: previous.name } : {}) },
  };
});

/** The handler steps aside, with a reason; a manager assigns someone else. */
export const recuse = defineStep('recuse', recuseSchema, async (tx, input, { actor }) => ({
  changes: { handlerId: null },
  reason: input.reason,
  details: { previousHandlerName: actor.name },
}));

/**
 * Records someone involved: a staff member from the list or a name as given. When that is the complaint's own
 * handler, the complaint is blocked until a manager reassigns it.
 */
export const addInvolved = defineStep('addInvolved', addInvolvedSchema, async (tx, input, { complaint, involved }) => {
  let staffId: number | null = null;
  let name = input.name;
  let userId: number | null = null;
  if (input.staffId !== '') {
    const member = await findStaff(tx, Number(input.staffId));
    if (!member || !member.active) throw ruleViolation('staffId', 'staffUnknown');
    if (involved.some((person) => person.staffId === member.id)) throw ruleViolation('staffId', 'alreadyInvolved');
    staffId = member.id;
    name = member.name;
    userId = member.userId;
  }
  await insertInvolvement(tx, { complaintId: complaint.id, staffId, name, involvement: input.involvement });
  const blocksHandler = userId !== null && userId === complaint.handlerId;
  return {
    details: { name, involvement: input.involvement, staffId, ...(blocksHandler ? { blocksHandler: true } : {}) },
    warnings: blocksHandler ? ['handlerNowInvolved'] : [],
  };
});

/** Removes someone recorded as involved by mistake, with a reason (the history keeps both). */
export const removeInvolved = defineStep('removeInvolved', removeInvolvedSchema, async (tx, input, { complaint }) => {
  const removed = await deleteInvolvement(tx, complaint.id, input.involvedId);
  if (!removed) throw ruleViolation('involvedId', 'involvedUnknown');
  return { reason: input.reason, details: { name: removed.name, involvement: removed.involvement, staffId: removed.staffId } };
});
