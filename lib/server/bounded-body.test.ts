import { describe, expect, it } from 'vitest';
import { readBoundedBody, readBoundedStream } from './bounded-body';

const streamOf = (...sizes: number[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of sizes) controller.enqueue(new Uint8Array(size).fill(7));
      controller.close();
    },
  });

describe('readBoundedStream', () => {
  it.each([
    { sizes: [], max: 10, expected: 0 },
    { sizes: [4, 6], max: 10, expected: 10 },
    { sizes: [4, 7], max: 10, expected: null },
    { sizes: [11], max: 10, expected: null },
  ])('chunks $sizes with max $max → $expected bytes', async ({ sizes, max, expected }) => {
    const bytes = await readBoundedStream(streamOf(...sizes), max);
    expect(bytes === null ? null : bytes.byteLength).toBe(expected);
  });

  it('reads no stream as empty', async () => {
    expect((await readBoundedStream(null, 1))?.byteLength).toBe(0);
  });
});

describe('readBoundedBody', () => {
  it.each([
    { declared: '5', body: 5, max: 10, expected: 5 },
    { declared: '11', body: 5, max: 10, expected: 'tooLarge' },
    { declared: null, body: 11, max: 10, expected: 'tooLarge' },
    { declared: '2', body: 11, max: 10, expected: 'tooLarge' },
  ])('declared $declared, sent $body, max $max → $expected', async ({ declared, body, max, expected }) => {
    const headers: Record<string, string> = declared ? { 'content-length': declared } : {};
    const request = new Request('http://x/', { method: 'POST', body: streamOf(body), headers, duplex: 'half' } as RequestInit);
    const result = await readBoundedBody(request, max);
    expect(result === 'tooLarge' ? result : result.byteLength).toBe(expected);
  });
});
