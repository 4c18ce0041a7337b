import { Resend } from 'resend';
import { getDb } from '@/db/client';
import { claimDueEmails, markAttemptFailed, markSent } from '@/db/outbox';
import { organisationOrDefault } from '@/db/settings';
import { DEFAULT_ORGANISATION, mailSender } from '@/lib/organisation';
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
  const from = mailSender(await organisationOrDefault(db).catch(() => DEFAULT_ORGANISATION), process.env.MAIL_FROM);
  for (const message of due) {
    let failure: SendFailure;
    try {
      const { data, error } = await resend.emails.send(
        { from, to: message.recipient, subject: message.subject, text: message.bodyText },
        { idempotencyKey: `outbox-${message.id}` },
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

/** Runs the worker without letting a mail problem reach the caller (used right after a state change). */
export async function deliverOutboxQuietly(): Promise<void> {
  try {
    await deliverOutbox();
  } catch (error) {
    console.error('[outbox] delivery failed:', error instanceof Error ? error.message : error);
  }
}
