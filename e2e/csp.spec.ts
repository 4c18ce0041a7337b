import { type Page, expect, test } from '@playwright/test';
import { expectHashPolicy, expectHydrated, expectNoncePolicy, visit, watch } from './csp-support';
import { NL, USERS, amsterdamToday, fillComplaint, formReady, query, signIn, uniqueName } from './support';

/**
 * Content-Security-Policy (issue 12, review item 10): every kind of page hydrates in Chromium under its policy with no
 * violation. Scripts never get 'unsafe-inline'; pages rendered per request carry a nonce with 'strict-dynamic'; the
 * public start page and complaint form are served from Next's cache (issue 13) and carry the hashes of their inline
 * scripts instead (a nonce in a cached page would block all its scripts).
 * Violations are caught twice: Chromium's console errors and the page's `securitypolicyviolation` events.
 */

const CACHED_PAGES = ['/', '/en', '/klacht', '/en/klacht'];

test('public pages: start, complaint form (typing updates the counter), English, status page', async ({ page }) => {
  const csp = await watch(page);
  for (const path of ['/', '/en', '/en/klacht', '/klacht']) await visit(page, path, 'hashes');
  // The form is hydrated: its own validation answers an empty submission in the browser.
  await formReady(page);
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByLabel(NL.name)).toHaveAttribute('aria-invalid', 'true');
  await page.reload();

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

test('the start page and the complaint form come from the cache, the same for everyone; status pages do not', async ({ request }) => {
  for (const path of CACHED_PAGES) {
    await request.get(path);
    const [a, b] = await Promise.all([request.get(path), request.get(path)]);
    expect(a.headers()['x-nextjs-cache'], path).toMatch(/^(HIT|STALE)$/);
    expect(a.headers()['cache-control'], path).toContain('s-maxage=');
    expect(a.headers()['content-security-policy']).toBe(b.headers()['content-security-policy']);
    expectHashPolicy(a.headers()['content-security-policy']);
    expect(await a.text()).not.toContain('nonce=');
  }
  // Per request, with a fresh nonce each time.
  const [a, b] = await Promise.all([request.get('/status/kwijt'), request.get('/status/kwijt')]);
  expect(a.headers()['x-nextjs-cache']).toBeUndefined();
  expectNoncePolicy(a.headers()['content-security-policy']);
  expect(a.headers()['content-security-policy']).not.toBe(b.headers()['content-security-policy']);
  // The form's bot stamp is per request: never cached.
  const stamp = await request.get('/api/form-stamp');
  expect(stamp.headers()['cache-control']).toContain('no-store');
  expect((await stamp.json()).stamp).toMatch(/^\d+\.[\w-]+$/);
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
