import { createHash } from 'node:crypto';

/**
 * The security headers, in one place (issue 12, review item 10). next.config.ts sends the fixed headers on every
 * response and the fixed policy on what the proxy does not handle (API routes, files); proxy.ts sends each page its own
 * Content-Security-Policy:
 *
 * - a page rendered per request gets a fresh nonce with 'strict-dynamic': Next reads the nonce from the request's
 *   Content-Security-Policy header and puts it on its own scripts; scripts those load are trusted in turn;
 * - a page served prerendered (static or from the cache) cannot carry a per-request nonce (its HTML is fixed): it gets
 *   the hashes of its own inline scripts instead, with 'self' for Next's script files (see staticPageHashes in
 *   lib/security/static-pages.ts).
 *
 * Scripts never get 'unsafe-inline'. Styles do: Tremor and Recharts set inline `style` attributes (the dashboard's
 * charts), which a nonce cannot cover. Style injection cannot run code; no third-party style is loaded.
 */

const common = (dev: boolean) => [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self'${dev ? ' ws:' : ''}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

/** The policy of a page rendered per request: only scripts with this nonce, and what they load. */
export function noncePolicy(nonce: string, dev = false): string {
  const scripts = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`;
  return [...common(dev), scripts].join('; ');
}

/** The policy of a prerendered page: Next's script files and exactly the inline scripts the page was built with. */
export function hashPolicy(hashes: readonly string[], dev = false): string {
  const scripts = `script-src 'self'${hashes.map((h) => ` '${h}'`).join('')}${dev ? " 'unsafe-eval'" : ''}`;
  return [...common(dev), scripts].join('; ');
}

/** For what is not a page (API answers, PDFs, icons): no inline script at all. */
export function fixedPolicy(dev = false): string {
  return hashPolicy([], dev);
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/** The CSP hashes ('sha256-…') of the inline scripts (those without src) in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue;
    hashes.add(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/** HSTS, only when the request reached us over https (directly or through a proxy that says so). */
export const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' } as const;

export function servedOverHttps(url: string, forwardedProto: string | null): boolean {
  return url.startsWith('https:') || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** The headers every response carries (next.config.ts). */
export const FIXED_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Status links carry a secret: never send them on to another site. (Not `no-referrer`: that makes browsers send
  // `Origin: null` with forms posted before JavaScript has loaded, which Next's server-action CSRF check refuses.)
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
] as const;
