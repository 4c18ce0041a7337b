import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedPolicy, hashPolicy, inlineScriptHashes, newNonce, noncePolicy, servedOverHttps } from './headers';
import { internalRoute } from './static-pages';

const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src '))!;

describe('Content-Security-Policy', () => {
  it.each([
    ['nonce', noncePolicy('abc')],
    ['hashes', hashPolicy(["sha256-xyz"])],
    ['fixed', fixedPolicy()],
  ])('%s: no unsafe-inline or unsafe-eval for scripts in production; frames, objects and base refused', (_name, policy) => {
    expect(scriptSrc(policy)).not.toContain('unsafe-inline');
    expect(scriptSrc(policy)).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    // Tremor and Recharts set inline style attributes: allowed for styles only.
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('a page rendered per request: its nonce and strict-dynamic', () => {
    expect(scriptSrc(noncePolicy('n0nce=='))).toBe("script-src 'self' 'nonce-n0nce==' 'strict-dynamic'");
  });

  it('a prerendered page: its script files and the hashes of its inline scripts', () => {
    expect(scriptSrc(hashPolicy(['sha256-a', 'sha256-b']))).toBe("script-src 'self' 'sha256-a' 'sha256-b'");
  });

  it('nonces are fresh, 128 bits', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it('hashes exactly the inline scripts, as the browser does', () => {
    const body = 'self.__next_f.push([1,"x"])';
    const html = `<html><script src="/_next/static/a.js" async></script><script>${body}</script><script id="j" type="application/json">{}</script><script></script></html>`;
    const expected = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([expected(body), expected('{}')]);
  });

  it('maps a public path to the route that renders it', () => {
    expect(internalRoute('/', ['nl', 'en'], 'nl')).toBe('/nl');
    expect(internalRoute('/klacht', ['nl', 'en'], 'nl')).toBe('/nl/klacht');
    expect(internalRoute('/en', ['nl', 'en'], 'nl')).toBe('/en');
    expect(internalRoute('/en/klacht', ['nl', 'en'], 'nl')).toBe('/en/klacht');
    expect(internalRoute('/beheer/inloggen', ['nl', 'en'], 'nl')).toBe('/beheer/inloggen');
  });
});

describe('HSTS only over https', () => {
  it.each([
    ['https://klachten.example/', null, true],
    ['http://127.0.0.1:3000/', 'https', true],
    ['http://127.0.0.1:3000/', 'https, http', true],
    ['http://127.0.0.1:3000/', 'http', false],
    ['http://127.0.0.1:3000/', null, false],
  ])('%s with x-forwarded-proto %s → %s', (url, proto, expected) => {
    expect(servedOverHttps(url, proto)).toBe(expected);
  });
});
