import { Resend } from 'resend';
import { getDb } from '@/db/client';
import { claimWebhookEvent, lockOutboxByProviderId, recordDelivery, webhookEventSeen } from '@/db/inbound';
import { readBoundedBody } from '@/lib/server/bounded-body';
import { fetchInboundMail, InboundFetchError, storeInboundMail } from './inbound';
import { nextDeliveryStatus, parseWebhookEvent } from './inbound-rules';
import { deliverOutboxAfterResponse } from './schedule';

/**
 * POST /api/webhooks/resend: resend tells us what became of our e-mails (delivered, delayed, bounced, complained)
 * and hands us mail that came in (`email.received`). The signature is checked with the SDK (`webhooks.verify`,
 * standard webhooks, secret RESEND_WEBHOOK_SECRET) before anything else; each event id is recorded in the transaction
 * of its effect, so a replayed event does nothing twice. Answers: 503 not configured (or resend's API unreachable:
 * resend retries), 413 too large, 401 not signed by resend, 400 not an event, 200 otherwise (unknown types included).
 */

/** Webhook payloads carry metadata only (the body of an inbound mail is fetched): a few kB; this is ample. */
export const WEBHOOK_MAX_BYTES = 256 * 1024;

const json = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });

/** The SDK's verifier; the constructor wants a key even though verifying needs none. */
function sdk(): Resend {
  return new Resend(process.env.RESEND_API_KEY || 're_webhook_verify_only');
}

export async function handleResendWebhook(request: Request, now = new Date()): Promise<Response> {
  const secret = process.env.RESEND_WEBHOOK_SECRET;
  if (!secret) return json(503, { error: 'not configured' });
  const body = await readBoundedBody(request, WEBHOOK_MAX_BYTES);
  if (body === 'tooLarge') return json(413, { error: 'too large' });
  const payload = new TextDecoder().decode(body);
  const headers = { id: request.headers.get('webhook-id') ?? '', timestamp: request.headers.get('webhook-timestamp') ?? '', signature: request.headers.get('webhook-signature') ?? '' };
  if (!headers.id || !headers.timestamp || !headers.signature) return json(401, { error: 'signature missing' });
  let verified: unknown;
  try {
    verified = sdk().webhooks.verify({ payload, headers, webhookSecret: secret });
  } catch {
    return json(401, { error: 'signature invalid' });
  }
  if (headers.id.length > 200) return json(400, { error: 'invalid event id' });
  const event = parseWebhookEvent(verified, now);
  if (event.kind === 'invalid') return json(400, { error: 'invalid event' });
  if (event.kind === 'ignored') return json(200, { ok: true, ignored: event.type });

  const db = await getDb();
  if (event.kind === 'delivery') {
    const result = await db.transaction(async (tx) => {
      if (!(await claimWebhookEvent(tx, headers.id, event.type, now))) return 'replay';
      const row = await lockOutboxByProviderId(tx, event.providerId);
      if (!row) return 'unknown e-mail';
      const status = nextDeliveryStatus(row.deliveryStatus, event.status);
      if (status !== event.status) return 'older report';
      // A bounce of an e-mail that was sent: it did not arrive, so it is failed again (the post room shows it).
      await recordDelivery(tx, row.id, status, event.at, event.detail, status === 'bounced' && row.medium === 'email' && row.status === 'sent');
      return status;
    });
    return json(200, { ok: true, result });
  }

  // email.received: a replay is found before fetching anything; the claim in the transaction settles races.
  if (await webhookEventSeen(db, headers.id)) return json(200, { ok: true, result: 'replay' });
  const key = process.env.RESEND_API_KEY;
  if (!key) return json(503, { error: 'RESEND_API_KEY not configured' });
  let mail;
  try {
    mail = await fetchInboundMail(sdk(), event.emailId, now);
  } catch (error) {
    console.error('[webhook] inbound mail not fetched:', error instanceof InboundFetchError ? error.message : error instanceof Error ? error.name : 'error');
    return json(503, { error: 'mail not fetched' });
  }
  const result = await db.transaction(async (tx) => {
    if (!(await claimWebhookEvent(tx, headers.id, event.type, now))) return { state: 'replay' as const };
    return storeInboundMail(tx, mail, now);
  });
  if (result.state === 'reply') deliverOutboxAfterResponse();
  return json(200, { ok: true, result: result.state });
}
