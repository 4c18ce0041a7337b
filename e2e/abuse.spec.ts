import { expect, test } from '@playwright/test';
import { amsterdamToday, complaintsNamed, expectAccessible, fillComplaint, NL, query, screenshot, uniqueName } from './support';

// Issue 12, review items 2 and 11 against the built app: the bot checks do not bother a person, and a malformed
// server-action call is answered 400/413 (before: 500), whatever action it names.

test('the honeypot is invisible to people and screen readers; a person who takes their time gets through', async ({ page }) => {
  await page.goto('/klacht');
  const honeypot = page.locator('input[name="website"]');
  await expect(honeypot).toHaveCount(1);
  await expect(honeypot).not.toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Website' })).toHaveCount(0);
  await expectAccessible(page);
  await fillComplaint(page, NL, { name: uniqueName('Geduldig Mens'), date: amsterdamToday() });
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
});

test('a link in the name is refused with a clear message at the field', async ({ page }) => {
  await page.goto('/klacht');
  await fillComplaint(page, NL, { name: 'Log in op https://evil.example nu', date: amsterdamToday() });
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByText('Vul hier alleen uw naam in, zonder link of webadres.').first()).toBeVisible();
  await screenshot(page, 'abuse-name-link');
});

test('malformed server-action calls get 400 or 413, never 500', async ({ page }) => {
  // The real action id of the lost-link form, taken from the browser's own call (which is then stopped).
  await page.goto('/status/kwijt');
  await page.getByRole('textbox', { name: 'Referentienummer' }).fill('KL-2026-0001');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill('iemand@example.test');
  const captured = new Promise<Record<string, string>>((resolve) => {
    void page.route('**/status/kwijt', async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && request.headers()['next-action']) {
        resolve(request.headers());
        await route.abort();
      } else await route.continue();
    });
  });
  await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).click();
  const headers = await captured;
  const action = headers['next-action']!;
  expect(action).toMatch(/^[0-9a-f]{20,}$/);

  const post = (data: string | Buffer, contentType = 'text/plain;charset=UTF-8') =>
    page.request.post('/status/kwijt', { headers: { 'Next-Action': action, 'Content-Type': contentType, Accept: 'text/x-component' }, data, failOnStatusCode: false });

  const cases: [string, Promise<{ status(): number }>, number][] = [
    ['not JSON', post('dit is geen json'), 400],
    ['10,000-deep arrays', post('['.repeat(10_000) + ']'.repeat(10_000)), 400],
    ['over 1 MB', post(JSON.stringify([{ description: 'x'.repeat(1_100_000) }])), 413],
    ['a content type React never sends', post('{}', 'application/json'), 400],
  ];
  for (const [name, response, status] of cases) expect((await response).status(), name).toBe(status);
});

test('the complaint form’s route refuses malformed posts with 400, 413 or 403, never 500', async ({ page, baseURL }) => {
  const post = (data: string, headers: Record<string, string> = {}) =>
    page.request.post('/api/klachten', { headers: { 'Content-Type': 'application/json', ...headers }, data, failOnStatusCode: false });
  const cases: [string, Promise<{ status(): number }>, number][] = [
    ['not JSON', post('dit is geen json'), 400],
    ['10,000-deep arrays', post('['.repeat(10_000) + ']'.repeat(10_000)), 400],
    ['over 64 kB', post(JSON.stringify({ description: 'x'.repeat(70_000) })), 413],
    ['no form stamp (a bot)', post(JSON.stringify({ name: 'Bot' })), 422],
    ['from another site', post(JSON.stringify({ name: 'Bot' }), { Origin: 'https://evil.example' }), 403],
    ['from this site', post(JSON.stringify({ name: 'Bot' }), { Origin: baseURL! }), 422],
  ];
  for (const [name, response, status] of cases) expect((await response).status(), name).toBe(status);
});

test('over the limit, the status page says when to try again (200, not an error), in Dutch and English', async ({ page }) => {
  // This address has used up its window (as after 120 views in ten minutes); TRUSTED_PROXY_HOPS is 0 here, so the
  // rightmost X-Forwarded-For entry is the address.
  const address = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  await query(`insert into rate_limits (key, points, expires_at) values ($1, 100000, now() + interval '7 minutes')
    on conflict (key) do update set points = 100000, expires_at = now() + interval '7 minutes'`, [`statusPage:addr:${address}`]);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  const response = await page.goto(`/status/${'a'.repeat(43)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('rate-limited')).toHaveText('Er zijn nu te veel verzoeken binnengekomen. Probeer het over 7 minuten opnieuw.');
  await expectAccessible(page);
  await screenshot(page, 'abuse-status-limited-desktop');
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/en/status/${'a'.repeat(43)}`);
  await expect(page.getByTestId('rate-limited')).toContainText('Please try again in');
  await screenshot(page, 'abuse-status-limited-phone');
});

test('over the limit, the complaint form says when to try again instead of sending a form the server would refuse', async ({ page }) => {
  // This address has fetched too many form stamps (as after 60 forms in ten minutes: lib/server/rate-limit.ts).
  const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  await query(`insert into rate_limits (key, points, expires_at) values ($1, 100000, now() + interval '5 minutes')
    on conflict (key) do update set points = 100000, expires_at = now() + interval '5 minutes'`, [`formStamp:addr:${address}`]);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  await page.goto('/klacht');
  const name = uniqueName('Te Vaak');
  await fillComplaint(page, NL, { name, date: amsterdamToday() });
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByTestId('form-alert')).toContainText('Er zijn nu te veel verzoeken binnengekomen. Probeer het over 5 minuten opnieuw.');
  expect(await complaintsNamed(name)).toHaveLength(0);
  await screenshot(page, 'abuse-form-limited');
});

test('when the form could not fetch its stamp as it was shown, sending fetches it and waits the few seconds the check asks', async ({ page }) => {
  let refused = 0;
  await page.route('**/api/form-stamp', (route) => (refused++ === 0 ? route.abort('connectionreset') : route.continue()));
  await page.goto('/klacht');
  const name = uniqueName('Traag Netwerk');
  await fillComplaint(page, NL, { name, date: amsterdamToday() });
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
  expect(refused).toBe(2);
  expect(await complaintsNamed(name)).toHaveLength(1);
});
