import { findParty, staffToTell } from '@/db/procedure';
import { organisationOrDefault } from '@/db/settings';
import { ruleViolation } from '@/lib/actions/pipeline';
import { dissatisfactionNoticeToStaff, forwardRequestToStaff } from '@/lib/mail/letters';
import { checkForwardRequest, checkJudgement, type SatisfactionFacts } from '@/lib/procedure/satisfaction';
import { appUrl } from '@/lib/server/env';
import { defineClientStep } from './define';
import { toOther } from './mail';
import { judgeOutcomeSchema, requestForwardSchema } from './schemas';
import type { LockedComplaint } from '@/db/procedure';

/**
 * The client's judgement of the outcome, on their status page (issue 10; rules in lib/procedure/satisfaction.ts):
 * satisfied or not (changeable within the term), and, when not, the request to forward the complaint to the
 * contracting party. The client's status link is their authority (./define.ts defineClientStep); each runs in one
 * transaction with its history entry and the mail to the handler. Neither moves the status: the handler escalates
 * with the escalation step.
 */

export function satisfactionFacts(
  complaint: Pick<LockedComplaint, 'status' | 'outcome' | 'resolvedOn' | 'clientSatisfied' | 'forwardRequestedAt'>,
): SatisfactionFacts {
  return {
    status: complaint.status,
    outcome: complaint.outcome,
    resolvedOn: complaint.resolvedOn,
    satisfied: complaint.clientSatisfied,
    forwardRequested: complaint.forwardRequestedAt !== null,
  };
}

const fileUrl = (complaintId: number) => `${appUrl()}/beheer/klachten/${complaintId}`;

/** "Ik ben tevreden" / "Ik ben niet tevreden": recorded once, changeable within the term. Not satisfied tells the handler. */
export const judgeOutcome = defineClientStep('judgeOutcome', judgeOutcomeSchema, async (tx, input, { complaint, today, now }) => {
  const satisfied = input.satisfied === 'yes';
  const refusal = checkJudgement(satisfactionFacts(complaint), satisfied, today);
  if (refusal) throw ruleViolation('_form', refusal);
  const previous = complaint.clientSatisfied;
  const messages = [];
  if (!satisfied) {
    const organisation = await organisationOrDefault(tx);
    for (const staff of await staffToTell(tx, complaint.handlerId)) {
      const letter = dissatisfactionNoticeToStaff({
        staffName: staff.name,
        reference: complaint.reference,
        outcome: complaint.outcome,
        changedFromSatisfied: previous === true,
        fileUrl: fileUrl(complaint.id),
        organisation,
      });
      messages.push(toOther('client_dissatisfied', staff, letter));
    }
  }
  return {
    changes: { clientSatisfied: satisfied, satisfactionAt: now },
    details: { satisfied, ...(previous === null ? {} : { previousSatisfied: previous }) },
    messages,
  };
});

/** "Vraag ons uw klacht door te sturen": recorded once; the handler is told and escalates. */
export const requestForward = defineClientStep('requestForward', requestForwardSchema, async (tx, _input, { complaint, today, now }) => {
  const refusal = checkForwardRequest(satisfactionFacts(complaint), today);
  if (refusal) throw ruleViolation('_form', refusal);
  const party = await findParty(tx, complaint.contractingPartyId);
  const organisation = await organisationOrDefault(tx);
  const messages = (await staffToTell(tx, complaint.handlerId)).map((staff) =>
    toOther(
      'forward_request',
      staff,
      forwardRequestToStaff({
        staffName: staff.name,
        reference: complaint.reference,
        party: party ? { name: party.name, type: party.type } : null,
        fileUrl: fileUrl(complaint.id),
        organisation,
      }),
    ),
  );
  return {
    changes: { forwardRequestedAt: now },
    details: party ? { contractingPartyName: party.name } : {},
    messages,
  };
});
