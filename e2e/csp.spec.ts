import { type Page, expect, test } from '@playwright/test';
import { NL, USERS, amsterdamToday, fillComplaint, query, signIn, uniqueName } from './support';

/**
 * Content-Security-Policy (issue 12, review item 10): every kind of page hydrates in Chromium under its policy with no
 * violation. Scripts never get 'unsafe-inline'; pages rendered per request carry a nonce with 'strict-dynamic'.
 * Violations are caught twice: Chromium's console errors and the page's `securitypolicyviolation` events.
 */

type Watch = { violations: () => Promise<string[]> };

async function watch(page: Page): Promise<Watch> {
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
async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber') || key.startsWith('__reactProps'))))
    .toBe(true);
}

/** The page's policy: a nonce and strict-dynamic for scripts, no unsafe-inline or unsafe-eval. */
function expectNoncePolicy(header: string | undefined) {
  expect(header).toBeTruthy();
  const scripts = header!.split('; ').find((d) => d.startsWith('script-src'))!;
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(scripts).not.toContain('unsafe-inline');
  expect(scripts).not.toContain('unsafe-eval');
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  expectNoncePolicy(response?.headers()['content-security-policy']);
  await expectHydrated(page);
}

test('public pages: start, complaint form (typing updates the counter), English, status page', async ({ page }) => {
  const csp = await watch(page);
  await visit(page, '/');
  await visit(page, '/en');
  await visit(page, '/klacht');
  // Two requests, two nonces.
  const [a, b] = await Promise.all([page.request.get('/klacht'), page.request.get('/klacht')]);
  expect(a.headers()['content-security-policy']).not.toBe(b.headers()['content-security-policy']);

  const name = uniqueName('CSP');
  await fillComplaint(page, NL, { name, date: amsterdamToday(-3) });
  const counter = page.getByTestId('description-count');
  const before = await counter.textContent();
  await page.getByLabel(NL.description).pressSequentially(' Nog een zin.');
  await expect(counter).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
  await page.getByTestId('status-link').click();
  await expect(page.getByTestId('status')).toBeVisible();
  await expectHydrated(page);
  expectNoncePolicy((await page.request.get(page.url())).headers()['content-security-policy']);
  expect(await csp.violations()).toEqual([]);
});

test('back-office: sign-in, inbox, complaint file, dashboard with charts', async ({ page }) => {
  const csp = await watch(page);
  await visit(page, '/beheer/inloggen');
  await signIn(page, USERS.manager);
  await visit(page, '/beheer');
  const [complaint] = await query<{ id: number }>('select id from complaints order by id limit 1');
  await visit(page, `/beheer/klachten/${complaint!.id}`);
  await visit(page, '/beheer/rapportage');
  // The charts are drawn in the browser (Recharts, inline styles): drawn means the scripts ran.
  await expect(page.locator('[data-chart] svg').first()).toBeVisible();
  expect(await csp.violations()).toEqual([]);
});

test('back-office: settings and their history', async ({ page }) => {
  const csp = await watch(page);
  await signIn(page, USERS.admin);
  await visit(page, '/beheer/instellingen');
  await visit(page, '/beheer/instellingen/gebruikers');
  await visit(page, '/beheer/instellingen/geschiedenis');
  expect(await csp.violations()).toEqual([]);
});

test('an unknown page, files and the API: no inline scripts either', async ({ page, request }) => {
  const csp = await watch(page);
  const response = await page.goto('/bestaat-niet');
  expect(response?.status()).toBe(404);
  expectNoncePolicy(response?.headers()['content-security-policy']);
  await expectHydrated(page);
  expect(await csp.violations()).toEqual([]);
  for (const path of ['/api/health', '/klachtenformulier.pdf', '/iets.txt']) {
    const scripts = (await request.get(path)).headers()['content-security-policy']!.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts, path).toBe("script-src 'self'");
  }
});

test('HSTS only when the request came over https; health tells the public only up or down', async ({ request }) => {
  expect((await request.get('/klacht')).headers()['strict-transport-security']).toBeUndefined();
  const https = await request.get('/klacht', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toContain('max-age=');
  const health = await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
  expect(health.headers()['strict-transport-security']).toContain('max-age=');
  expect(await health.json()).toEqual({ status: 'ok' });
});
