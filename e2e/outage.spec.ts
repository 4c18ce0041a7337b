import { expect, test } from '@playwright/test';
import { amsterdamToday, complaintsNamed, databaseOutage, fillComplaint, NL, screenshot, uniqueName } from './support';

// Runs on its own, after every other spec (the "outage" project in playwright.config.ts): it cuts the app off from
// its database, which would make any test running at the same time fail.
test('during a database outage the client is told to try again, nothing is half-written, and it works afterwards', async ({ page, request }) => {
  const name = uniqueName('Outage');
  await page.goto('/klacht');
  await fillComplaint(page, NL, { name, date: amsterdamToday() });
  const restore = await databaseOutage();
  try {
    expect((await request.get('/api/health')).status()).toBe(503);
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.getByTestId('form-alert')).toHaveText(
      'Het versturen is niet gelukt door een storing bij ons. Er is niets opgeslagen. Probeer het over een paar minuten opnieuw.',
    );
    await expect(page.getByTestId('form-alert')).toBeFocused();
    await screenshot(page, 'form-outage-nl');
  } finally {
    await restore();
  }
  expect(await complaintsNamed(name)).toHaveLength(0);
  expect((await request.get('/api/health')).status()).toBe(200);
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
  expect(await complaintsNamed(name)).toHaveLength(1);
});
