/**
 * Server start: in a long-running Node server, retry due e-mails every minute, and every five minutes make the morning
 * deadline digests when they are due (serverless hosts use the cron routes).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.RESEND_API_KEY) return;
  const { deliverOutboxQuietly } = await import('@/lib/mail/worker');
  const { sendDeadlineDigestsQuietly } = await import('@/lib/mail/digest-worker');
  setInterval(() => void deliverOutboxQuietly(), 60_000).unref();
  setInterval(() => void sendDeadlineDigestsQuietly(), 5 * 60_000).unref();
}
