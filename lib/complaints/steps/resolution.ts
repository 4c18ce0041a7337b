import { createTranslator } from 'next-intl';
import { type ComplaintFileHistoryEntry, type ComplaintFileRecord, complaintFileHistory, complaintFileRecord } from '@/db/complaint-file';
import { appendMeasureHistory, insertComplaintLink, updateMeasure } from '@/db/measures';
import { activeParties, findActiveParty, findMeasures, findParty, insertMeasure } from '@/db/procedure';
import { organisationOrDefault } from '@/db/settings';
import { ruleViolation } from '@/lib/actions/pipeline';
import { creationDetails } from '@/lib/measures/rules';
import { beheerMessages } from '@/lib/i18n/beheer';
import { type DossierContent, escalationDossier, outcomeLetter } from '@/lib/mail/letters';
import { amsterdamDate } from '@/lib/procedure/dates';
import { checkPartyResponseDate } from '@/lib/procedure/workflow';
import { historyRow, type Translate } from '../file';
import { clientPartyDetails, compareWithClient } from '../party-match';
import { defineStep } from './define';
import { clientLetterBase, toClient, toOther } from './mail';
import { escalateSchema, linkPartySchema, recordPartyResponseSchema, resolveSchema } from './schemas';

/**
 * The end of the procedure (DESIGN rules 9–11): the reasoned outcome with its measures, the escalation to the
 * contracting party with a dossier, and the party's response. Whether a step may be taken at all (copy sent, hearing
 * decided, not resolved to the client's satisfaction) is decided by lib/procedure/workflow.ts before these run.
 */

/**
 * Resolve: outcome, findings and judgement, and the measures that follow from the complaint: new ones are recorded in
 * the measures register, existing ones (e.g. taken after an earlier complaint) are linked. The client gets the
 * outcome letter naming the contracting party as the route onward.
 */
export const resolve = defineStep('resolve', resolveSchema, async (tx, input, { complaint, actor, now }) => {
  const linkIds = [...new Set(input.linkMeasureIds)];
  const existing = await findMeasures(tx, linkIds);
  if (existing.length !== linkIds.length) throw ruleViolation('linkMeasureIds', 'measureUnknown');
  // A dropped measure is not taken: the outcome letter would tell the client it is.
  if (existing.some((m) => m.status === 'dropped')) throw ruleViolation('linkMeasureIds', 'measureDropped');

  const created = [];
  for (const m of input.measures) {
    const values = { description: m.description, owner: m.owner, dueOn: m.dueOn === '' ? null : m.dueOn, status: m.status };
    // A new measure aims at complaints like this one; one recorded as done was done today.
    const doneOn = m.status === 'done' ? amsterdamDate(now) : null;
    const row = { ...values, categoryId: complaint.categoryId, doneOn };
    const { id } = await insertMeasure(tx, { ...row, createdBy: actor.id, createdAt: now, updatedAt: now });
    // The measures register's history starts here, in the same transaction (lib/measures/commands.ts writes the rest).
    await appendMeasureHistory(tx, { measureId: id, at: now, actorUserId: actor.id, action: 'created', details: creationDetails(row) });
    created.push({ id, ...values });
  }
  // Oldest first, as the file page lists them: the existing measures, then the new ones in the order entered.
  const linked = [...[...existing].sort((a, b) => a.id - b.id), ...created];
  const createdIds = new Set(created.map((m) => m.id));
  for (const m of linked) {
    if (!(await insertComplaintLink(tx, complaint.id, m.id, now))) continue;
    // Linking changes an existing measure: its version goes up, so a manager editing it at the same time is told.
    if (!createdIds.has(m.id)) await updateMeasure(tx, m.id, {}, now);
    const details = { complaintId: complaint.id, reference: complaint.reference };
    await appendMeasureHistory(tx, { measureId: m.id, at: now, actorUserId: actor.id, action: 'linked', details });
  }

  const party = await findParty(tx, complaint.contractingPartyId);
  const letter = outcomeLetter({
    ...(await clientLetterBase(tx, complaint)),
    outcome: input.outcome,
    findings: input.findings,
    judgement: input.judgement,
    measures: linked.map((m) => ({ description: m.description, dueOn: m.dueOn, done: m.status === 'done' })),
    party: party ? { name: party.name, type: party.type } : null,
  });
  return {
    changes: { outcome: input.outcome },
    reason: input.findings,
    details: {
      outcome: input.outcome,
      judgement: input.judgement,
      measures: linked.map((m) => m.description),
      // The measures as the outcome letter states them, for the client's status page (lib/complaints/client-view.ts).
      measureStates: linked.map((m) => ({ description: m.description, dueOn: m.dueOn, done: m.status === 'done' })),
    },
    messages: [toClient(complaint, 'outcome', letter)],
  };
});

/** The back-office texts in Dutch, for the dossier's history lines (the same labels as the file page). */
function dossierTranslator(): Translate {
  return createTranslator({ locale: 'nl', messages: { beheer: beheerMessages }, namespace: 'beheer' }) as unknown as Translate;
}

/** The newest "resolved" entry: its reason is the findings, its details hold the judgement and the measures as the outcome letter stated them. */
export function resolutionEntry(history: readonly Pick<ComplaintFileHistoryEntry, 'action' | 'reason' | 'details'>[]) {
  const entry = history.findLast((h) => h.action === 'resolved');
  if (!entry) return { findings: null, judgement: null, measures: [] };
  const judgement = entry.details?.judgement;
  const states = entry.details?.measureStates;
  const measures = Array.isArray(states)
    ? states.flatMap((m: unknown) => {
        const { description, dueOn, done } = (m ?? {}) as Record<string, unknown>;
        return typeof description === 'string' ? [{ description, dueOn: typeof dueOn === 'string' ? dueOn : null, done: done === true }] : [];
      })
    : [];
  return { findings: entry.reason, judgement: typeof judgement === 'string' ? judgement : null, measures };
}

/** What the dossier is made from: the complaint as stored, with its category's name. */
export type DossierComplaint = Pick<
  ComplaintFileRecord,
  'reference' | 'complainantName' | 'complainantEmail' | 'addressStreet' | 'addressPostcode' | 'addressCity' | 'receivedOn' | 'description' | 'outcome' | 'categoryName'
>;

/**
 * The escalation dossier's content: the complaint, its history as the file shows it, the outcome with its measures and
 * what the client is not satisfied with. The escalate step mails it; the file page offers it as a PDF (the same
 * letter's dossier, lib/mail/dossier-pdf.ts).
 */
export function dossierContent<D extends string | null>(
  complaint: DossierComplaint,
  history: readonly ComplaintFileHistoryEntry[],
  dissatisfaction: D,
): DossierContent & { dissatisfaction: D } {
  const { findings, judgement, measures } = resolutionEntry(history);
  const address =
    complaint.addressStreet && complaint.addressPostcode && complaint.addressCity
      ? `${complaint.addressStreet}, ${complaint.addressPostcode} ${complaint.addressCity}`
      : null;
  return {
    reference: complaint.reference,
    complainant: { name: complaint.complainantName, email: complaint.complainantEmail, address },
    receivedOn: complaint.receivedOn,
    category: complaint.categoryName,
    description: complaint.description,
    outcome: complaint.outcome,
    findings,
    judgement,
    measures,
    dissatisfaction,
    history: dossierHistory(dossierTranslator(), history),
  };
}

/**
 * The history as the dossier lists it: one line per step (when, who, what, why). The findings are left out of the
 * "resolved" line: the dossier gives them in full under the outcome.
 */
export function dossierHistory(t: Translate, history: readonly ComplaintFileHistoryEntry[]) {
  return history.map((entry) => {
    const row = historyRow(t, entry);
    return { at: row.at, who: row.who, action: row.action, reason: entry.action === 'resolved' ? null : row.reason };
  });
}

/**
 * Link the complaint to the known contracting party the client meant (suggested on the file from what the client
 * named, lib/complaints/party-match.ts): the outcome letter then names it as the route onward and the escalation form
 * pre-selects it. Another party than the one the client named is allowed, with a warning and the client's words kept
 * in the history.
 */
export const linkParty = defineStep('linkParty', linkPartySchema, async (tx, input, { complaint }) => {
  const party = await findActiveParty(tx, input.contractingPartyId);
  if (!party) throw ruleViolation('contractingPartyId', 'partyUnknown');
  if (complaint.contractingPartyId === party.id) throw ruleViolation('contractingPartyId', 'partyAlreadyLinked');
  const previous = await findParty(tx, complaint.contractingPartyId);
  const stated = { choice: complaint.partyChoice, name: complaint.partyName };
  const differs = compareWithClient(stated, party, await activeParties(tx)) === 'differs';
  return {
    changes: { contractingPartyId: party.id },
    details: {
      contractingPartyId: party.id,
      contractingPartyName: party.name,
      ...(previous ? { previousPartyName: previous.name } : {}),
      ...(differs ? clientPartyDetails(stated) : {}),
    },
    warnings: differs ? ['partyDiffersFromClient'] : [],
  };
});

/**
 * Escalate: the client is not satisfied with the outcome and takes the complaint to the contracting party. The
 * complaint is linked to that party, which gets the dossier: the complaint, its history, the outcome and what the
 * client is not satisfied with. A party other than the one the client named on the form (lib/complaints/party-match.ts)
 * is allowed (the client may have been mistaken) but warned about and kept in the history with what the client said.
 */
export const escalate = defineStep('escalate', escalateSchema, async (tx, input, { complaint }) => {
  const party = await findActiveParty(tx, input.contractingPartyId);
  if (!party) throw ruleViolation('contractingPartyId', 'partyUnknown');
  const stated = { choice: complaint.partyChoice, name: complaint.partyName };
  const differs = compareWithClient(stated, party, await activeParties(tx)) === 'differs';

  const record = await complaintFileRecord(tx, complaint.id);
  const history = await complaintFileHistory(tx, complaint.id);
  const letter = escalationDossier({
    ...dossierContent({ ...complaint, categoryName: record!.categoryName }, history, input.dissatisfaction),
    party: { name: party.name, type: party.type },
    organisation: await organisationOrDefault(tx),
  });
  return {
    changes: { contractingPartyId: party.id },
    reason: input.dissatisfaction,
    details: { contractingPartyId: party.id, contractingPartyName: party.name, ...(differs ? clientPartyDetails(stated) : {}) },
    messages: [toOther('escalation', { name: party.name, email: party.contactEmail }, letter)],
    warnings: differs ? ['partyDiffersFromClient'] : [],
  };
});

/**
 * Record the contracting party's response: the complaint is closed by the party. The response cannot have come in
 * before the complaint was escalated.
 */
export const recordPartyResponse = defineStep('recordPartyResponse', recordPartyResponseSchema, async (tx, input, { complaint }) => {
  const escalated = (await complaintFileHistory(tx, complaint.id)).findLast((h) => h.action === 'escalated');
  const refusal = checkPartyResponseDate(input.receivedOn, escalated ? amsterdamDate(escalated.at) : null);
  if (refusal) throw ruleViolation('receivedOn', refusal);
  return { details: { response: input.response, receivedOn: input.receivedOn } };
});
