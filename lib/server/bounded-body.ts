/**
 * Reads a request's body, but never more than `max` bytes: a declared length over the limit is refused before reading,
 * and a body that grows past it (no or a false Content-Length) is cut off there. Public uploads stay bounded in memory.
 */
export async function readBoundedBody(request: Request, max: number): Promise<Uint8Array | 'tooLarge'> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return 'tooLarge';
  return (await readBoundedStream(request.body, max)) ?? 'tooLarge';
}

/** A stream's bytes, or null as soon as it grows past `max` bytes (reading stops there and the stream is cancelled). */
export async function readBoundedStream(stream: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A browser's cross-site POST is refused: when the request names its Origin, it must be this site (the host the
 * request came to, or the one a proxy forwarded). Requests without an Origin (no browser) carry no cookies that matter.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host.split(',')[0]!.trim();
  } catch {
    return false;
  }
}
