import { findParty } from '@/db/procedure';
import { ruleViolation } from '@/lib/actions/pipeline';
import { extensionNotice, extensionNoticeToStaff, notAdmissibleNotice, reopenNotice } from '@/lib/mail/letters';
import { calendarDaysBetween, compareIsoDates } from '@/lib/procedure/dates';
import { checkIncidentAge, describeDueDate, dueDateOf, notAdmissibleNoticeDue } from '@/lib/procedure/deadlines';
import { checkExtension, checkGround } from '@/lib/procedure/workflow';
import { clockInputOf } from '../file';
import { defineStep } from './define';
import { clientLetterBase, toClient, toOther } from './mail';
import { declareNotAdmissibleSchema, extendSchema, reopenSchema } from './schemas';

/**
 * Deciding on the course of a complaint: not handling it (DESIGN rules 3 and 4), extending the resolution term
 * (rule 5, Awb 9:11), and taking a resolved complaint up again (managers only).
 */

/**
 * Not admissible: a ground and a written reason; the client gets a notice naming where to go next (the complaint's
 * contracting party when it is linked). The one-year ground only when the recorded dates bear it out. Late (after
 * receipt + the notice term) is allowed but warned about and kept in the history.
 */
export const declareNotAdmissible = defineStep('declareNotAdmissible', declareNotAdmissibleSchema, async (tx, input, { complaint, today }) => {
  const clock = clockInputOf(complaint);
  const { olderThanLimit } = checkIncidentAge(clock.receivedOn, clock.incident, clock.terms);
  const refusal = checkGround(input.ground, olderThanLimit);
  if (refusal) throw ruleViolation('ground', refusal);

  const party = await findParty(tx, complaint.contractingPartyId);
  const letter = notAdmissibleNotice({
    ...(await clientLetterBase(tx, complaint)),
    receivedOn: complaint.receivedOn,
    ground: input.ground,
    reason: input.reason,
    incidentLimitMonths: complaint.terms.incidentLimitMonths,
    party: party ? { name: party.name, type: party.type } : null,
  });
  const late = compareIsoDates(today, notAdmissibleNoticeDue(complaint.receivedOn, complaint.terms)) > 0;
  return {
    changes: { notAdmissibleGround: input.ground },
    reason: input.reason,
    details: { ground: input.ground, late },
    messages: [toClient(complaint, 'not_admissible', letter)],
    warnings: late ? ['noticeLate'] : [],
  };
});

/**
 * Extend the resolution term: a later date and a written reason, within the terms' limits unless the client's consent
 * is recorded (lib/procedure/workflow.ts checkExtension). The client and the person complained about are told: staff
 * with an account by e-mail, anyone else through a letter in the outbox that staff pass on.
 */
export const extend = defineStep('extend', extendSchema, async (tx, input, { complaint, involved, today }) => {
  const previousDue = dueDateOf('resolution', clockInputOf(complaint));
  const refusal = checkExtension({
    currentDue: previousDue,
    newDue: input.newDue,
    extensionCount: complaint.extensionCount,
    withConsent: input.consent,
    terms: complaint.terms,
    today,
  });
  if (refusal) throw ruleViolation('newDue', refusal);

  const base = await clientLetterBase(tx, complaint);
  const facts = { previousDue, newDue: input.newDue, reason: input.reason };
  const messages = [toClient(complaint, 'extension', extensionNotice({ ...base, ...facts, withConsent: input.consent }))];
  for (const person of involved.filter((p) => p.involvement === 'subject')) {
    const letter = extensionNoticeToStaff({ ...facts, staffName: person.name, reference: complaint.reference, organisation: base.organisation });
    messages.push(toOther('extension_staff', { name: person.name, email: person.userEmail ?? null }, letter));
  }
  return {
    changes: { resolutionExtendedTo: input.newDue, extensionCount: complaint.extensionCount + 1 },
    reason: input.reason,
    details: {
      previousDue,
      newDue: input.newDue,
      days: calendarDaysBetween(previousDue, input.newDue),
      consent: input.consent,
      consentOn: input.consent ? input.consentOn : null,
      consentHow: input.consent ? input.consentHow : null,
    },
    messages,
    warnings: describeDueDate(input.newDue).nonWorkingDay ? ['newDueNotWorkingDay'] : [],
  };
});

/** A manager takes a resolved complaint up again, with a reason: its outcome is cleared and the client is told. */
export const reopen = defineStep('reopen', reopenSchema, async (tx, input, { complaint }) => {
  const letter = reopenNotice({ ...(await clientLetterBase(tx, complaint)), reason: input.reason });
  return {
    // The client's judgement was of the outcome that is withdrawn now (the history keeps it); they judge the next one.
    changes: { outcome: null, clientSatisfied: null, satisfactionAt: null, forwardRequestedAt: null },
    reason: input.reason,
    details: {},
    messages: [toClient(complaint, 'reopened', letter)],
  };
});
