import { describe, expect, it } from 'vitest';
import { addressSettings, clientAddressFrom } from './client-address';

const h = (entries: Record<string, string>) => new Headers(entries);
const direct = { vercel: false, trustedProxyHops: 0 };
const oneProxy = { vercel: false, trustedProxyHops: 1 };
const twoProxies = { vercel: false, trustedProxyHops: 2 };
const vercel = { vercel: true, trustedProxyHops: 0 };

describe('clientAddressFrom', () => {
  it.each([
    ['next start, no header from the client: the socket address', h({ 'x-forwarded-for': '203.0.113.7' }), direct, '203.0.113.7'],
    ['a spoofed first hop behind one proxy is ignored', h({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), oneProxy, '203.0.113.7'],
    ['many spoofed hops behind one proxy', h({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.7' }), oneProxy, '203.0.113.7'],
    ['two proxies: the second entry from the right', h({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }), twoProxies, '203.0.113.7'],
    ['fewer entries than hops: the leftmost', h({ 'x-forwarded-for': '203.0.113.7' }), twoProxies, '203.0.113.7'],
    ['IPv4-mapped IPv6 socket address', h({ 'x-forwarded-for': '::ffff:127.0.0.1' }), direct, '127.0.0.1'],
    ['IPv6', h({ 'x-forwarded-for': '2001:DB8::1' }), direct, '2001:db8::1'],
    ['garbage is not an address', h({ 'x-forwarded-for': '<script>' }), direct, 'unknown'],
    ['no header at all', h({}), direct, 'unknown'],
    ['x-real-ip is not trusted off Vercel', h({ 'x-real-ip': '6.6.6.6' }), direct, 'unknown'],
    ['Vercel: its own header, not X-Forwarded-For', h({ 'x-forwarded-for': '6.6.6.6', 'x-vercel-forwarded-for': '203.0.113.7' }), vercel, '203.0.113.7'],
    ['Vercel: x-real-ip as fallback', h({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '203.0.113.8' }), vercel, '203.0.113.8'],
  ])('%s', (_name, headers, settings, expected) => {
    expect(clientAddressFrom(headers, settings)).toBe(expected);
  });
});

describe('addressSettings', () => {
  it.each([
    [{}, { vercel: false, trustedProxyHops: 0 }],
    [{ TRUSTED_PROXY_HOPS: '2' }, { vercel: false, trustedProxyHops: 2 }],
    [{ TRUSTED_PROXY_HOPS: 'x' }, { vercel: false, trustedProxyHops: 0 }],
    [{ TRUSTED_PROXY_HOPS: '-1' }, { vercel: false, trustedProxyHops: 0 }],
    [{ VERCEL: '1' }, { vercel: true, trustedProxyHops: 0 }],
  ])('%j', (env, expected) => {
    expect(addressSettings(env)).toEqual(expected);
  });
});
