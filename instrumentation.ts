/**
 * Server start: in a long-running Node server, retry due e-mails every minute, every five minutes make the morning
 * deadline digests when they are due, and once a day anonymise the complaints past their retention period (serverless
 * hosts use the cron routes).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { runRetentionQuietly } = await import('@/lib/privacy/retention-run');
  // Retention needs no mail: checked hourly, it runs once per calendar day (the first tick an hour after start).
  setInterval(() => void runRetentionQuietly(), 60 * 60_000).unref();
  if (!process.env.RESEND_API_KEY) return;
  const { deliverOutboxQuietly } = await import('@/lib/mail/worker');
  const { sendDeadlineDigestsQuietly } = await import('@/lib/mail/digest-worker');
  setInterval(() => void deliverOutboxQuietly(), 60_000).unref();
  setInterval(() => void sendDeadlineDigestsQuietly(), 5 * 60_000).unref();
}
