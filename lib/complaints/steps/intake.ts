import { randomBytes } from 'node:crypto';
import { organisationOrDefault } from '@/db/settings';
import { acknowledgementMessage } from '@/lib/mail/acknowledgement';
import { withdrawalConfirmation } from '@/lib/mail/letters';
import { compareIsoDates } from '@/lib/procedure/dates';
import { acknowledgementDue, checkIncidentAge } from '@/lib/procedure/deadlines';
import { appUrl } from '@/lib/server/env';
import { hashToken, statusTokenFor } from '@/lib/server/tokens';
import { statusPath } from '../links';
import { defineStep } from './define';
import { clientLetterBase, toClient } from './mail';
import { acknowledgeSchema, withdrawSchema } from './schemas';

/**
 * Acknowledge (DESIGN rule 2): the written acknowledgement with the procedure, its terms and the right to be heard,
 * for complaints that came in by phone, e-mail or post (online ones get it at once). It carries the client's status
 * link: derived again from the complaint's key when possible, else a new link replaces the old one.
 */
export const acknowledge = defineStep('acknowledge', acknowledgeSchema, async (tx, _input, { complaint, today }) => {
  let token = complaint.idempotencyKey ? statusTokenFor(complaint.idempotencyKey) : null;
  const changes: { statusTokenHash?: string } = {};
  if (!token || hashToken(token) !== complaint.statusTokenHash) {
    token = randomBytes(32).toString('base64url');
    changes.statusTokenHash = hashToken(token);
  }
  const incident = complaint.incidentOngoing || !complaint.incidentDate ? { ongoing: true as const } : { ongoing: false as const, date: complaint.incidentDate };
  const letter = acknowledgementMessage({
    locale: complaint.locale,
    name: complaint.complainantName,
    reference: complaint.reference,
    receivedOn: complaint.receivedOn,
    terms: complaint.terms,
    statusUrl: appUrl() + statusPath(token, complaint.locale),
    olderThanLimit: checkIncidentAge(complaint.receivedOn, incident, complaint.terms).olderThanLimit,
    organisation: await organisationOrDefault(tx),
  });
  const message = toClient(complaint, 'acknowledgement', letter);
  const late = compareIsoDates(today, acknowledgementDue(complaint.receivedOn, complaint.terms)) > 0;
  return {
    changes,
    details: { medium: message.medium, late },
    messages: [message],
    warnings: late ? ['acknowledgementLate'] : [],
  };
});

/** Withdraw: the client withdrew the complaint (by phone, mail or letter); they get a confirmation. */
export const withdraw = defineStep('withdraw', withdrawSchema, async (tx, input, { complaint }) => {
  const letter = withdrawalConfirmation({ ...(await clientLetterBase(tx, complaint)), withdrawnOn: input.withdrawnOn, reason: input.reason });
  return { reason: input.reason, details: { withdrawnOn: input.withdrawnOn }, messages: [toClient(complaint, 'withdrawal', letter)] };
});
