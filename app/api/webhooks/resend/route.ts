import { handleResendWebhook } from '@/lib/mail/webhooks';

export const dynamic = 'force-dynamic';

/** POST /api/webhooks/resend: delivery reports and inbound mail from resend (lib/mail/webhooks.ts). */
export async function POST(request: Request) {
  try {
    return await handleResendWebhook(request);
  } catch (error) {
    console.error('[webhook] failed:', error instanceof Error ? error.name : 'error');
    return new Response(JSON.stringify({ error: 'unavailable' }), { status: 503, headers: { 'Content-Type': 'application/json' } });
  }
}
