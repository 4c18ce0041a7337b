import { randomBytes } from 'node:crypto';
import { lockComplaintByReferenceAndEmail, replaceStatusToken } from '@/db/client-status';
import { appendHistory, enqueueMessage } from '@/db/complaints';
import { organisationOrDefault } from '@/db/settings';
import { type ActionResult, defineAction } from '@/lib/actions/pipeline';
import { statusLinkLetter } from '@/lib/mail/letters';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { hashToken } from '@/lib/server/tokens';
import { statusPath } from './links';
import { lostLinkSchema } from './lost-link-schema';
import { appUrl } from '@/lib/server/env';

/**
 * A client who lost the link to their status page asks for a new one with the reference and their e-mail address. When
 * both match a complaint, a fresh link is mailed (outbox, in the same transaction) and the old one stops working (its
 * hash is replaced), recorded in the history as the client's act (internal: not on the client's timeline). The answer
 * is the same whether they match or not, and so is the time it takes (`LOST_LINK_MIN_MS`): the form does not tell
 * anyone whether a reference belongs to an address. Only the e-mail address on file gets the link.
 *
 * Rate-limited per client address and globally (lib/server/rate-limit.ts, `lostLink`).
 */

/** Every answer takes at least this long, a match (which writes and composes a letter) or not. */
export const LOST_LINK_MIN_MS = 600;

/** What the page shows: always the same. */
export type LostLinkReceipt = { requested: true };

export const renewStatusLink = defineAction({
  name: 'renewStatusLink',
  access: 'public',
  limit: 'lostLink',
  schema: lostLinkSchema,
  async run(tx, input, { now }): Promise<LostLinkReceipt> {
    // The token is made whether or not anything matches: the same work either way.
    const token = randomBytes(32).toString('base64url');
    const complaint = await lockComplaintByReferenceAndEmail(tx, input.reference, input.email);
    if (!complaint || !complaint.complainantEmail) return { requested: true };

    await replaceStatusToken(tx, complaint.id, hashToken(token));
    await appendHistory(tx, { complaintId: complaint.id, at: now, actorLabel: 'client', action: 'status_link_renewed', details: { medium: 'email' } });
    const letter = statusLinkLetter({
      locale: complaint.locale,
      name: complaint.complainantName,
      reference: complaint.reference,
      organisation: await organisationOrDefault(tx),
      statusUrl: appUrl() + statusPath(token, complaint.locale),
    });
    await enqueueMessage(tx, {
      complaintId: complaint.id,
      kind: 'status_link',
      medium: 'email',
      recipient: complaint.complainantEmail,
      subject: letter.subject,
      bodyText: letter.text,
      createdAt: now,
    });
    return { requested: true };
  },
  after: deliverOutboxAfterResponse,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `renewStatusLink`, answered no sooner than `LOST_LINK_MIN_MS` after the request came in, whatever happened. */
export async function requestStatusLink(raw: unknown, minMs = LOST_LINK_MIN_MS): Promise<ActionResult<LostLinkReceipt>> {
  const started = Date.now();
  const result = await renewStatusLink(raw);
  await sleep(Math.max(0, minMs - (Date.now() - started)));
  return result;
}
