import { SUBMISSION_MAX_BYTES, submitComplaint } from '@/lib/complaints/public-submit';
import { readBoundedBody, sameOrigin } from '@/lib/server/bounded-body';

export const dynamic = 'force-dynamic';

/**
 * POST /api/klachten (JSON: the form's fields, its stamp, the honeypot and the idempotency key): a client files a
 * complaint. A route handler rather than a server action (issue 13): the public form is the app's busiest write, and a
 * route skips the proxy and the server-action runtime (React's reply decoding, the RSC answer) — measured in
 * bench/REPORT.md. The work itself is the same: the bot check, then the action pipeline (lib/complaints/public-submit.ts).
 *
 * 200 { ok: true, data } · 422 invalid (fieldErrors) · 429 too many (Retry-After) · 503 down · 413 too large ·
 * 400 not JSON · 403 another site. Never 500: every answer is one the form can show.
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameOrigin(request)) return json(403, { ok: false, error: 'forbidden', fieldErrors: { _form: ['forbidden'] } });
  const body = await readBoundedBody(request, SUBMISSION_MAX_BYTES).catch(() => null);
  if (body === 'tooLarge') return json(413, { ok: false, error: 'invalid', fieldErrors: { _form: ['invalid'] } });
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body ?? new Uint8Array()));
  } catch {
    input = undefined;
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return json(400, { ok: false, error: 'invalid', fieldErrors: { _form: ['invalid'] } });
  const result = await submitComplaint(input);
  if (result.ok) return json(200, result);
  if (result.error === 'limited') {
    const minutes = result.retryAfterMinutes ?? 1;
    return json(429, result, { 'Retry-After': String(minutes * 60) });
  }
  return json(result.error === 'unavailable' ? 503 : 422, result);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
