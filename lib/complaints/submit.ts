import { createHash } from 'node:crypto';
import type { Tx } from '@/db/client';
import { hitCounter } from '@/db/rate-limits';
import { acknowledgementsPerRecipientPerDay } from '@/lib/server/rate-limit';
import { defineAction } from '@/lib/actions/pipeline';
import { acknowledgementMessage } from '@/lib/mail/acknowledgement';
import { recipientFor } from '@/lib/mail/recipient';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { nextStatus, TRANSITIONS } from '@/lib/procedure/workflow';
import { appUrl } from '@/lib/server/env';
import { recordComplaint } from './intake';
import { statusPath } from './links';
import { complaintSchema } from './schema';

/** Why an acknowledgement was not sent (shown to staff on the file and in the post room). */
export const HELD_ACKNOWLEDGEMENT = `Vastgehouden: te veel ontvangstbevestigingen naar dit e-mailadres vandaag (grens tegen misbruik). Bekijk de klacht en kies Opnieuw versturen als hij echt is.`;

/** Counts this acknowledgement against its recipient's daily number; the address is stored only as a hash. */
async function acknowledgementsToday(tx: Tx, email: string, day: string, now: Date): Promise<number> {
  const key = `ack:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}:${day}`;
  return (await hitCounter(tx, key, 48 * 60 * 60_000, now)).points;
}

export type Receipt = { reference: string; receivedOn: IsoDate; token: string };

/**
 * A client files a complaint online. One transaction: the complaint, the staff it is about, its first history
 * entry (./intake.ts), and the acknowledgement in the outbox — online complaints are acknowledged at once (DESIGN rule 2),
 * so the complaint is inserted already past the transition table's "acknowledge" step, with that step's history entry
 * by the system. The same idempotency key always yields the same complaint.
 */
export const submitComplaint = defineAction({
  name: 'submitComplaint',
  access: 'public',
  limit: 'submit',
  schema: complaintSchema,
  async run(tx, input, { now }): Promise<Receipt> {
    const acknowledged = nextStatus('acknowledge', 'received');
    const recorded = await recordComplaint(tx, input, {
      channel: 'online',
      receivedOn: amsterdamDate(now),
      registeredBy: null,
      now,
      settings: 'cached',
      // Inserted already acknowledged, its two history entries in one statement (./intake.ts).
      async acknowledge({ reference, receivedOn, token, terms, olderThanLimit, contact, settings }) {
        const message = acknowledgementMessage({
          locale: input.locale,
          name: input.name,
          reference,
          receivedOn,
          terms,
          statusUrl: appUrl() + statusPath(token, input.locale),
          olderThanLimit,
          organisation: settings.organisation,
        });
        const recipient = recipientFor(contact);
        // Never a relay: past a few acknowledgements to one e-mail address a day, the complaint is saved but its mail
        // is held for a handler — a failed e-mail with the reason, on the file and in the post room, where "Opnieuw
        // versturen" sends it after a look at the complaint.
        const held = recipient.medium === 'email' && (await acknowledgementsToday(tx, recipient.recipient, receivedOn, now)) > acknowledgementsPerRecipientPerDay();
        return {
          history: {
            at: now,
            actorLabel: 'system',
            action: TRANSITIONS.acknowledge.history,
            fromStatus: 'received',
            toStatus: acknowledged,
            details: { medium: recipient.medium, ...(held ? { held: true } : {}) },
          },
          message: {
            kind: 'acknowledgement',
            ...recipient,
            subject: message.subject,
            bodyText: message.text,
            letter: message.doc,
            createdAt: now,
            ...(held ? { status: 'failed' as const, lastError: HELD_ACKNOWLEDGEMENT } : {}),
          },
        };
      },
    });
    const { reference, receivedOn, token } = recorded;
    return { reference, receivedOn, token };
  },
  after: deliverOutboxAfterResponse,
});
