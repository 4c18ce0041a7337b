import { describe, expect, it } from 'vitest';
import { ACTION_MAX_DEPTH, checkActionBody, checkActionHeaders, needsBodyCheck, readBoundedText } from './action-request';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('checkActionHeaders', () => {
  it.each([
    ['a normal action call', { 'content-type': 'text/plain;charset=UTF-8', 'content-length': '120' }, null],
    ['a form with files', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '5000' }, null],
    ['over 1 MB', { 'content-type': 'text/plain', 'content-length': String(1024 * 1024 + 1) }, 413],
    ['a silly length', { 'content-type': 'text/plain', 'content-length': 'abc' }, 400],
    // Next forwards an action to the worker that holds it with a chunked body: the body is read with a bound instead.
    ['chunked, no length', { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, null],
    ['JSON content type', { 'content-type': 'application/json', 'content-length': '2' }, 400],
    ['no content type', { 'content-length': '2' }, 400],
  ])('%s', (_name, headers, status) => {
    expect(checkActionHeaders(h(headers))?.status ?? null).toBe(status);
  });

  it('only text/plain bodies are read for the JSON check', () => {
    expect(needsBodyCheck(h({ 'content-type': 'text/plain;charset=UTF-8' }))).toBe(true);
    expect(needsBodyCheck(h({ 'content-type': 'multipart/form-data; boundary=x' }))).toBe(false);
  });
});

describe('checkActionBody', () => {
  it.each([
    ['React arguments', '[{"name":"Fatima","description":"[[[[ in a string ]]]] \\" ["}]', null],
    ['$undefined', '["$undefined"]', null],
    ['not JSON', 'this is not json', 400],
    ['cut off', '[{"name":"Fat', 400],
    ['10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000), 400],
    ['just too deep', '['.repeat(ACTION_MAX_DEPTH + 1) + ']'.repeat(ACTION_MAX_DEPTH + 1), 400],
    ['as deep as allowed', '['.repeat(ACTION_MAX_DEPTH) + ']'.repeat(ACTION_MAX_DEPTH), null],
    ['over 1 MB', JSON.stringify(['x'.repeat(1024 * 1024)]), 413],
  ])('%s', (_name, body, status) => {
    expect(checkActionBody(body)?.status ?? null).toBe(status);
  });
});

describe('readBoundedText', () => {
  const stream = (...parts: string[]) => new Blob(parts).stream();
  it.each([
    ['no body', null, 10, ''],
    ['within the bound, in chunks', stream('[{"a":', '"é"}]'), 100, '[{"a":"é"}]'],
    ['exactly the bound', stream('12345'), 5, '12345'],
    ['one byte over', stream('123', '456'), 5, null],
  ] as const)('%s', async (_name, body, max, expected) => {
    expect(await readBoundedText(body, max)).toBe(expected);
  });
});
