import type * as z from 'zod/mini';
import { anonymiseComplaint } from '@/db/anonymise';
import type { Tx } from '@/db/client';
import { appendHistory, currentTerms } from '@/db/complaints';
import {
  appendPrivacyEvent,
  countPrivacyEvents,
  enqueuePrivacyMail,
  existingComplaintIds,
  insertPrivacyRequest,
  lastPrivacyEvent,
  linkPrivacyComplaints,
  lockComplaints,
  lockPrivacyRequest,
  markExported,
  personalDataOf,
  privacyRequestComplaintsOf,
  type PrivacyRequestRow,
  suggestComplaints,
  updateComplaintContact,
  updatePrivacyRequest,
} from '@/db/privacy';
import { organisationOrDefault } from '@/db/settings';
import { Conflict, defineAction, RuleViolation, ruleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { normalizePostcode } from '@/lib/mail/recipient';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { type AccessExport, buildAccessExport } from './export';
import { privacyExtensionNotice, privacyRefusalNotice } from './letters';
import {
  checkReceivedOn,
  type ContactDetails,
  contactChanges,
  erasureBlockers,
  extendedDueOn,
  mayComplete,
  mayExtend,
  privacyDueOn,
  type PrivacyStep,
  reachable,
  transition,
} from './requests';
import {
  completePrivacySchema,
  correctPrivacySchema,
  erasePrivacySchema,
  exportPrivacySchema,
  extendPrivacySchema,
  refusePrivacySchema,
  registerPrivacySchema,
  suggestSchema,
} from './schemas';

/**
 * The privacy requests' server actions (managers and admins: 'privacy.manage'), each through `defineAction`: role →
 * zod → lock the request → same version as the user saw → the rules of ./requests.ts → the change, its event row and
 * its mail (outbox) in one transaction. Every step is an event on the request (who, when, what); steps that change a
 * complaint (correction, erasure) also write the complaint's own history.
 */

export type PrivacyResult = { id: number; version: number };

export const registerPrivacyRequest = defineAction({
  name: 'registerPrivacyRequest',
  access: 'privacy.manage',
  schema: registerPrivacySchema,
  async run(tx, input, { now, actor }): Promise<PrivacyResult> {
    const receivedError = checkReceivedOn(input.receivedOn, amsterdamDate(now));
    if (receivedError) throw ruleViolation('receivedOn', 'privacyReceivedInFuture');
    const complaintIds = [...new Set(input.complaintIds)];
    const found = await existingComplaintIds(tx, complaintIds);
    if (found.length !== complaintIds.length) throw ruleViolation('complaintIds', 'privacyComplaintUnknown');
    const terms = await currentTerms(tx);
    const dueOn = privacyDueOn(input.receivedOn, terms.dataRequestMonths);
    const id = await insertPrivacyRequest(tx, {
      kind: input.kind,
      requesterName: input.requesterName,
      requesterEmail: input.requesterEmail,
      receivedOn: input.receivedOn,
      receivedVia: input.receivedVia,
      requestText: input.requestText,
      dueOn,
      registeredBy: actor.id,
      at: now,
    });
    await linkPrivacyComplaints(tx, id, complaintIds);
    const complaints = await privacyRequestComplaintsOf(tx, id);
    await appendPrivacyEvent(tx, {
      requestId: id,
      at: now,
      actorUserId: actor.id,
      action: 'registered',
      details: { kind: input.kind, receivedOn: input.receivedOn, dueOn, months: terms.dataRequestMonths, complaints: complaints.map((c) => c.reference) },
    });
    return { id, version: 1 };
  },
});

/** Complaints that may be the requester's (by e-mail address or name): a suggestion; staff confirm which. */
export const suggestPrivacyComplaints = defineAction({
  name: 'suggestPrivacyComplaints',
  access: 'privacy.manage',
  schema: suggestSchema,
  async run(tx, input) {
    const rows = await suggestComplaints(tx, { name: input.requesterName, email: input.requesterEmail });
    return rows.map((r) => ({ ...r, matchedOn: r.complainantEmail && input.requesterEmail && r.complainantEmail.toLowerCase() === input.requesterEmail.toLowerCase() ? 'email' : 'name' }));
  },
});

type Target = { requestId: number; version: number };
type StepContext = { now: Date; today: IsoDate; actor: Actor; request: PrivacyRequestRow };
type StepOutcome = { changes?: Partial<PrivacyRequestRow>; event: string; details: Record<string, unknown> };

/** A step on an existing request: locked, version-checked, allowed from its state, written with its event. */
function definePrivacyStep<S extends z.ZodMiniType<Target>>(
  name: string,
  step: PrivacyStep,
  schema: S,
  run: (tx: Tx, input: z.output<S>, ctx: StepContext) => Promise<StepOutcome>,
) {
  return defineAction({
    name,
    access: 'privacy.manage',
    schema,
    async run(tx, input, { now, actor }): Promise<PrivacyResult> {
      const request = await lockPrivacyRequest(tx, input.requestId);
      if (!request) throw ruleViolation('_form', 'notFound');
      if (request.version !== input.version) {
        const last = await lastPrivacyEvent(tx, request.id);
        throw new Conflict(last?.actorName ?? 'onbekend', last?.at ?? request.updatedAt);
      }
      if (step !== 'extend' && transition(request.status, step, request.kind) === null) {
        throw ruleViolation('_form', request.status === 'completed' || request.status === 'refused' ? 'privacyClosed' : 'privacyStepNotAllowed');
      }
      const outcome = await run(tx, input, { now, today: amsterdamDate(now), actor, request });
      const version = await updatePrivacyRequest(tx, request.id, outcome.changes ?? {}, now);
      await appendPrivacyEvent(tx, { requestId: request.id, at: now, actorUserId: actor.id, action: outcome.event, details: outcome.details });
      return { id: request.id, version };
    },
  });
}

/** One extension by 1 or 2 months with a written reason; the requester is told by mail in the same transaction. */
export const extendPrivacyRequest = definePrivacyStep('extendPrivacyRequest', 'extend', extendPrivacySchema, async (tx, input, { now, today, request }) => {
  const refusal = mayExtend(request, input.months, input.reason, today);
  if (refusal) throw new RuleViolation({ [refusal.field]: [refusal.key] });
  const newDue = extendedDueOn(request.dueOn, input.months);
  const letter = privacyExtensionNotice({
    name: request.requesterName,
    kind: request.kind,
    receivedOn: request.receivedOn,
    previousDue: request.dueOn,
    newDue,
    reason: input.reason,
    organisation: await organisationOrDefault(tx),
  });
  const outboxId = await enqueuePrivacyMail(tx, { kind: 'privacy_extension', recipient: request.requesterEmail, subject: letter.subject, bodyText: letter.text, letter: letter.doc, at: now });
  return {
    changes: { status: 'extended', extendedTo: newDue, extensionReason: input.reason },
    event: 'extended',
    details: { months: input.months, previousDue: request.dueOn, newDue, reason: input.reason, outboxId },
  };
});

/** Refused with a reason (e.g. not the person, manifestly unfounded, art. 17 (3)); the requester is told by mail. */
export const refusePrivacyRequest = definePrivacyStep('refusePrivacyRequest', 'refuse', refusePrivacySchema, async (tx, input, { now, request }) => {
  const letter = privacyRefusalNotice({ name: request.requesterName, kind: request.kind, receivedOn: request.receivedOn, reason: input.reason, organisation: await organisationOrDefault(tx) });
  const outboxId = await enqueuePrivacyMail(tx, { kind: 'privacy_refusal', recipient: request.requesterEmail, subject: letter.subject, bodyText: letter.text, letter: letter.doc, at: now });
  return { changes: { status: 'refused', outcomeReason: input.reason, closedAt: now }, event: 'refused', details: { reason: input.reason, outboxId } };
});

/** Access or correction done (access: after the export; correction: after a correction). */
export const completePrivacyRequest = definePrivacyStep('completePrivacyRequest', 'complete', completePrivacySchema, async (tx, input, { now, request }) => {
  const refusal = mayComplete(request, request.kind === 'correction' ? await countPrivacyEvents(tx, request.id, 'corrected') : 0);
  if (refusal) throw ruleViolation('_form', refusal);
  return {
    changes: { status: 'completed', outcomeReason: input.note === '' ? null : input.note, closedAt: now },
    event: 'completed',
    details: input.note === '' ? {} : { note: input.note },
  };
});

const CONTACT_LABELS: Record<keyof ContactDetails, string> = {
  complainantName: 'naam',
  complainantEmail: 'e-mailadres',
  complainantPhone: 'telefoon',
  addressStreet: 'straat',
  addressPostcode: 'postcode',
  addressCity: 'plaats',
};

/** The corrected contact details, written on each chosen complaint with a history entry there. */
export const correctPrivacyContacts = definePrivacyStep('correctPrivacyContacts', 'correct', correctPrivacySchema, async (tx, input, { now, actor, request }) => {
  const linked = new Set((await privacyRequestComplaintsOf(tx, request.id)).map((c) => c.id));
  const ids = [...new Set(input.complaintIds)];
  if (ids.some((id) => !linked.has(id))) throw ruleViolation('complaintIds', 'privacyComplaintNotLinked');
  const hasAddress = input.street !== '';
  const after: ContactDetails = {
    complainantName: input.name,
    complainantEmail: input.email === '' ? null : input.email,
    complainantPhone: input.phone === '' ? null : input.phone,
    addressStreet: hasAddress ? input.street : null,
    addressPostcode: hasAddress ? normalizePostcode(input.postcode) : null,
    addressCity: hasAddress ? input.city : null,
  };
  if (!reachable(after)) throw ruleViolation('email', 'contactRequired');
  const complaints = await lockComplaints(tx, ids);
  const changed: string[] = [];
  for (const complaint of complaints) {
    if (complaint.anonymisedAt) throw ruleViolation('complaintIds', 'privacyComplaintAnonymised');
    const changes = contactChanges(complaint, after);
    if (Object.keys(changes).length === 0) continue;
    await updateComplaintContact(tx, complaint.id, after, now);
    const details: Record<string, unknown> = { privacyRequestId: request.id };
    for (const [field, change] of Object.entries(changes)) details[field] = `${change.from ?? '—'} → ${change.to ?? '—'}`;
    await appendHistory(tx, { complaintId: complaint.id, at: now, actorUserId: actor.id, action: 'contact_corrected', reason: 'Verzoek tot correctie (AVG art. 16)', details });
    changed.push(complaint.reference);
  }
  if (changed.length === 0) throw ruleViolation('_form', 'nothingChanged');
  const fields = [...new Set(complaints.flatMap((c) => Object.keys(contactChanges(c, after))))] as (keyof ContactDetails)[];
  return { event: 'corrected', details: { complaints: changed, fields: fields.map((f) => CONTACT_LABELS[f]) } };
});

/**
 * Erasure: every complaint of the request anonymised now (db/anonymise.ts, reason 'erasure'), and the request
 * completed, in one transaction. Refused while any of them is still being handled: those are named, nothing changes.
 */
export const erasePrivacyComplaints = definePrivacyStep('erasePrivacyComplaints', 'erase', erasePrivacySchema, async (tx, input, { now, actor, request }) => {
  const linked = await privacyRequestComplaintsOf(tx, request.id);
  const blockers = erasureBlockers(linked);
  if (blockers.length > 0) throw ruleViolation('_form', 'privacyErasureOpenComplaints');
  const note = input.note === '' ? `Verzoek tot verwijdering #${request.id}` : `Verzoek tot verwijdering #${request.id}: ${input.note}`;
  const erased: string[] = [];
  for (const complaint of linked) {
    const { anonymised } = await anonymiseComplaint(tx, complaint.id, { now, reason: 'erasure', actor, note });
    if (anonymised) erased.push(complaint.reference);
  }
  return {
    changes: { status: 'completed', outcomeReason: input.note === '' ? null : input.note, closedAt: now },
    event: 'erased',
    details: { complaints: erased, alreadyAnonymised: linked.length - erased.length, ...(input.note === '' ? {} : { note: input.note }) },
  };
});

/**
 * The access export: the personal data as it is now, recorded on the request (when, which format, which complaints).
 * Returns the document; the route (app/beheer/(app)/privacy/[id]/export) sends it as JSON or renders the PDF.
 */
export const makeAccessExport = defineAction({
  name: 'makeAccessExport',
  access: 'privacy.manage',
  schema: exportPrivacySchema,
  async run(tx, input, { now, actor }): Promise<AccessExport> {
    const request = await lockPrivacyRequest(tx, input.requestId);
    if (!request) throw ruleViolation('_form', 'notFound');
    if (transition(request.status, 'export', request.kind) === null) throw ruleViolation('_form', 'privacyStepNotAllowed');
    const linked = await privacyRequestComplaintsOf(tx, request.id);
    const data = await personalDataOf(tx, linked.map((c) => c.id));
    await markExported(tx, request.id, now);
    await appendPrivacyEvent(tx, { requestId: request.id, at: now, actorUserId: actor.id, action: 'exported', details: { format: input.format, complaints: linked.map((c) => c.reference) } });
    return buildAccessExport(request, data, now);
  },
});
