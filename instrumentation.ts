/** Server start: in a long-running Node server, retry due e-mails every minute (serverless hosts use the cron route). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.RESEND_API_KEY) return;
  const { deliverOutboxQuietly } = await import('@/lib/mail/worker');
  setInterval(() => void deliverOutboxQuietly(), 60_000).unref();
}
