import { type APIRequestContext, type Page, expect } from '@playwright/test';
import { inlineScriptHashes } from '../lib/security/headers';

/**
 * Content-Security-Policy checks shared by e2e/csp.spec.ts and e2e/settings.spec.ts: the page's policy (a nonce with
 * 'strict-dynamic', or the hashes of a cached page's inline scripts), hydration under it, and no violation reported.
 */

export type Watch = { violations: () => Promise<string[]> };

export async function watch(page: Page): Promise<Watch> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    violations: async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))],
  };
}

/** React has taken over the page (hydrated): its fibers hang on the DOM nodes. */
export async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber') || key.startsWith('__reactProps'))))
    .toBe(true);
}

/** The page's policy: a nonce and strict-dynamic for scripts, no unsafe-inline or unsafe-eval. */
export function expectNoncePolicy(header: string | undefined) {
  expect(header).toBeTruthy();
  const scripts = header!.split('; ').find((d) => d.startsWith('script-src'))!;
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(scripts).not.toContain('unsafe-inline');
  expect(scripts).not.toContain('unsafe-eval');
}

/** A cached page's policy: 'self' and the sha256 hashes of its inline scripts; no nonce, no strict-dynamic, no unsafe-*. */
export function expectHashPolicy(header: string | undefined) {
  expect(header).toBeTruthy();
  const scripts = header!.split('; ').find((d) => d.startsWith('script-src'))!;
  expect(scripts).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
  expect(scripts).not.toContain('nonce-');
}

export async function visit(page: Page, path: string, policy: 'nonce' | 'hashes' = 'nonce') {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  (policy === 'nonce' ? expectNoncePolicy : expectHashPolicy)(response?.headers()['content-security-policy']);
  await expectHydrated(page);
}

/**
 * Asks for a cached page `n` times at once and notes in `problems` each answer whose policy does not allow every inline
 * script in that same answer: while Next renders the page again in the background, old and new pages are served side
 * by side. (Noted, not thrown: expect.poll would retry a throw and hide it.) Answers whether every answer shows `text`.
 */
export async function consistentAnswers(request: APIRequestContext, path: string, n: number, text: string, problems: string[]): Promise<boolean> {
  const answers = await Promise.all(Array.from({ length: n }, () => request.get(path)));
  let showing = 0;
  for (const answer of answers) {
    const policy = answer.headers()['content-security-policy'] ?? '';
    const scripts = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    if (!/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/.test(scripts)) problems.push(`${path}: not a hash policy: ${scripts}`);
    const allowed = new Set(scripts.split(' ').slice(1));
    const body = await answer.text();
    const blocked = inlineScriptHashes(body).filter((hash) => !allowed.has(`'${hash}'`));
    if (blocked.length > 0) problems.push(`${path}: ${blocked.length} inline script(s) its policy does not allow`);
    if (body.includes(text)) showing += 1;
  }
  return showing === n;
}
