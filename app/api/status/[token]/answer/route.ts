import { ANSWER_REQUEST_MAX_BYTES } from '@/lib/complaints/attachments';
import { answerQuestion } from '@/lib/complaints/client-answer';
import { limited } from '@/lib/actions/pipeline';
import { readBoundedBody, sameOrigin } from '@/lib/server/bounded-body';
import { clientAddressFrom } from '@/lib/server/client-address';
import { consumeLimit, type LimitDecision } from '@/lib/server/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * POST /api/status/[token]/answer (multipart form: questionId, answer, idempotencyKey, attachments): the client answers
 * our question on their status page. A route rather than a server action, so the upload's size is bounded here (never
 * more than five files of 10 MB and the text are read; more is refused with 413, before anything is parsed) and every
 * refusal is a clear JSON answer. The work itself runs through the action pipeline (lib/complaints/client-answer.ts).
 *
 * 200 { ok: true, data } · 429 too many (Retry-After) · 413 too large · 422 invalid (fieldErrors) · 404 unknown link · 403 another site · 503 down.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!sameOrigin(request)) return json(403, { ok: false, error: 'forbidden', fieldErrors: { _form: ['forbidden'] } });
  // Abuse limit per client address and globally, before the upload is read (lib/server/rate-limit.ts).
  let limit: LimitDecision;
  try {
    limit = await consumeLimit('clientAnswer', clientAddressFrom(request.headers));
  } catch {
    return json(503, { ok: false, error: 'unavailable', fieldErrors: {} });
  }
  if (!limit.ok) {
    return json(429, limited(limit.retryAfterMinutes), { 'Retry-After': String(limit.retryAfterSeconds) });
  }
  const body = await readBoundedBody(request, ANSWER_REQUEST_MAX_BYTES);
  if (body === 'tooLarge') return json(413, { ok: false, error: 'invalid', fieldErrors: { attachments: ['requestTooLarge'] } });

  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return json(422, { ok: false, error: 'invalid', fieldErrors: { _form: ['invalid'] } });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  // An empty file input still sends a nameless, empty part: that is no attachment.
  const files = form.getAll('attachments').filter((value): value is File => typeof value !== 'string' && (value.name !== '' || value.size > 0));
  const attachments = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));

  const result = await answerQuestion({ token, questionId: text('questionId'), answer: text('answer'), idempotencyKey: text('idempotencyKey'), attachments });
  if (result.ok) return json(200, result);
  const status = result.error === 'forbidden' ? 404 : result.error === 'unavailable' ? 503 : 422;
  return json(status, result);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
