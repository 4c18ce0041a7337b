/**
 * Server-action requests the app refuses before Next reads them (issue 12, review item 11): Next answers a body over
 * its 1 MB limit, a body that is not the JSON React sends, or one nested thousands deep with a 500 (and a stack trace
 * in the log). proxy.ts runs these checks first and answers 413 or 400, without reading or logging the body beyond
 * what the check needs.
 */
import { readBoundedStream } from './bounded-body';

export const ACTION_BODY_MAX_BYTES = 1024 * 1024;
export const ACTION_MAX_DEPTH = 64;

export type ActionRefusal = { status: 400 | 413; reason: string };

const ALLOWED_TYPES = ['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/** The checks on the headers alone; `null` when the request may go on (to the body check for text/plain). */
export function checkActionHeaders(headers: Headers): ActionRefusal | null {
  const length = headers.get('content-length');
  // Without a length (chunked: Next itself forwards an action to the worker that holds it that way) the body is read
  // with a bound instead (readBoundedText).
  if (length !== null) {
    if (!/^\d{1,15}$/.test(length.trim())) return { status: 400, reason: 'bad content-length' };
    if (Number(length) > ACTION_BODY_MAX_BYTES) return { status: 413, reason: 'too large' };
  }
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_TYPES.includes(type)) return { status: 400, reason: 'content type' };
  return null;
}

/** Whether the body (text/plain: React's JSON encoding of the arguments) needs parsing: only then is it read. */
export function needsBodyCheck(headers: Headers): boolean {
  return (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'text/plain';
}

/** A text/plain action body: JSON, nested no deeper than ACTION_MAX_DEPTH, at most the limit in bytes. */
export function checkActionBody(body: string): ActionRefusal | null {
  if (new TextEncoder().encode(body).length > ACTION_BODY_MAX_BYTES) return { status: 413, reason: 'too large' };
  // Depth first, by a linear scan (JSON.parse itself would recurse).
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > ACTION_MAX_DEPTH) return { status: 400, reason: 'too deep' };
    } else if (c === ']' || c === '}') depth--;
  }
  try {
    JSON.parse(body);
  } catch {
    return { status: 400, reason: 'not JSON' };
  }
  return null;
}

/** The body as text, or null when it is longer than `max` bytes (reading stops there). */
export async function readBoundedText(body: ReadableStream<Uint8Array> | null, max = ACTION_BODY_MAX_BYTES): Promise<string | null> {
  const bytes = await readBoundedStream(body, max);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}
