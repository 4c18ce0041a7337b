import { loggableError } from '@/lib/server/log-error';
import { Resend } from 'resend';
import { getDb } from '@/db/client';
import { claimDueEmails, markAttemptFailed, markSent, type OutboxMessage } from '@/db/outbox';
import { organisationOrDefault } from '@/db/settings';
import { DEFAULT_ORGANISATION, mailSender } from '@/lib/organisation';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { dossierPdf } from './dossier-pdf';
import { letterHtml } from './html';
import { docFromText, isLetterDoc } from './letter';
import { nextAttemptAt, type SendFailure } from './retry';

/** How long a claimed e-mail is reserved for one worker before another may retry it. */
const LEASE_MS = 2 * 60_000;

let client: Resend | null = null;

/** The resend client, created only when there is a key (`new Resend()` throws without one). */
function mailer(): Resend | null {
  const key = process.env.RESEND_API_KEY;
  if (!key) return null;
  client ??= new Resend(key);
  return client;
}

export type DeliveryReport = { skipped?: 'no-api-key'; sent: number; retrying: number; failed: number };

/**
 * Sends the e-mails in the outbox that are due. Letters (medium post) stay for staff to print. Without
 * RESEND_API_KEY nothing is sent and every mail waits, visible in the back-office. Safe to run in several
 * processes at once: each e-mail is claimed by one worker, and resend's idempotency key stops a double send.
 */
export async function deliverOutbox({ now = new Date(), limit = 20 } = {}): Promise<DeliveryReport> {
  const resend = mailer();
  if (!resend) return { skipped: 'no-api-key', sent: 0, retrying: 0, failed: 0 };
  const db = await getDb();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const due = await claimDueEmails(db, now, limit, LEASE_MS);
  if (due.length === 0) return report;
  // The sender's name is the organisation's stored name (see mailSender for MAIL_FROM).
  const organisation = await organisationOrDefault(db).catch(() => DEFAULT_ORGANISATION);
  const from = mailSender(organisation, process.env.MAIL_FROM);
  for (const message of due) {
    let failure: SendFailure;
    try {
      const { data, error } = await resend.emails.send(
        { from, to: message.recipient, ...(await mailParts(message, organisation.name)) },
        { idempotencyKey: idempotencyKey(message) },
      );
      if (!error) {
        await markSent(db, message.id, data?.id ?? null, new Date());
        report.sent++;
        continue;
      }
      failure = { statusCode: (error as { statusCode?: number | null }).statusCode ?? null, message: error.message };
    } catch (error) {
      failure = { statusCode: null, message: error instanceof Error ? error.message : String(error) };
    }
    const retryAt = nextAttemptAt(message.attempts, failure, new Date());
    await markAttemptFailed(db, message.id, `${failure.statusCode ?? 'network'}: ${failure.message}`.slice(0, 500), retryAt);
    if (retryAt) report.retrying++;
    else report.failed++;
  }
  return report;
}

/**
 * What a mail says: the stored subject and text, the HTML rendered from the stored letter (lib/mail/html.tsx) and, for
 * the escalation, its dossier as a PDF. Both are made here rather than when the step is taken, so the step's
 * transaction stays short; a row without a letter (an invitation, an older row) gets HTML made from its text.
 */
export async function mailParts(message: Pick<OutboxMessage, 'subject' | 'bodyText' | 'letter'>, organisation: string) {
  const doc = isLetterDoc(message.letter) ? message.letter : docFromText(message.bodyText, 'nl', organisation);
  // The text says it all: a letter whose HTML cannot be made still goes out, as text only.
  const html = await letterHtml(doc, message.subject).catch((error: unknown) => {
    console.error('[outbox] HTML part not made, sending text only:', loggableError(error));
    return null;
  });
  // The dossier is promised in the letter: when it cannot be made, the send fails and is retried.
  const dossier = doc.attachment?.kind === 'dossier' ? doc.attachment : null;
  const attachment = dossier ? { filename: dossier.filename, content: Buffer.from(await dossierPdf(doc, dossier, await dejaVuSans())) } : null;
  return { subject: message.subject, text: message.bodyText, ...(html ? { html } : {}), ...(attachment ? { attachments: [attachment] } : {}) };
}

/**
 * The key that stops resend from sending one e-mail twice: the outbox row. An e-mail sent again after a bounce (the
 * post room's "Opnieuw versturen") is a new send, so it gets a key of its own (the time of the bounce report);
 * otherwise resend would answer from its 24-hour idempotency cache and send nothing.
 */
export function idempotencyKey(message: Pick<OutboxMessage, 'id' | 'deliveryAt'>): string {
  return message.deliveryAt ? `outbox-${message.id}-${message.deliveryAt.getTime()}` : `outbox-${message.id}`;
}

/** Runs the worker without letting a mail problem reach the caller (used right after a state change). */
export async function deliverOutboxQuietly(): Promise<void> {
  try {
    await deliverOutbox();
  } catch (error) {
    console.error('[outbox] delivery failed:', loggableError(error));
  }
}
