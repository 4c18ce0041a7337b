import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { USERS, expectAccessible, sentMails, signIn, uniqueName } from './support';

/**
 * The settings history (issue 12, review item 9): an admin makes a change and finds it on the history page, newest
 * first and by kind; a new manager account is mailed to the admins. Accessible, on a desktop and on a phone.
 */
const SHOTS = '/tmp/shots-audit';
mkdirSync(SHOTS, { recursive: true });

test('a settings change appears in the history; a new manager is mailed to the admins', async ({ page }) => {
  await signIn(page, USERS.admin);
  const name = uniqueName('Historie');
  await page.goto('/beheer/instellingen/opdrachtgevers/nieuw');
  await page.getByLabel('Soort').selectOption({ label: 'Gemeente' });
  await page.getByLabel('Naam').fill(name);
  await page.getByRole('button', { name: 'Opdrachtgever toevoegen' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  await page.getByRole('navigation', { name: 'Onderdelen van de instellingen' }).getByRole('link', { name: 'Geschiedenis' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geschiedenis van de instellingen');
  // Its own row (other specs change settings at the same time, so it need not be the newest by the time the page loads).
  const first = page.getByTestId('history-row').filter({ hasText: name });
  await expect(first).toContainText('Opdrachtgevers: Toegevoegd');
  await expect(first).toContainText(name);
  await expect(first).toContainText('Annemiek de Vries'); // the demo admin
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/history-desktop.png`, fullPage: true });

  await page.getByLabel('Soort wijziging').selectOption('user');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/soort=user/);
  for (const row of await page.getByTestId('history-row').all()) await expect(row).toContainText('Gebruikers:');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/beheer/instellingen/geschiedenis');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/history-phone.png`, fullPage: true });
});

test('a new manager account is mailed to every active admin', async ({ page }) => {
  await signIn(page, USERS.admin);
  const name = uniqueName('Manager');
  await page.goto('/beheer/instellingen/gebruikers/nieuw');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('E-mailadres').fill(`${name.replace(/\W+/g, '-').toLowerCase()}@example.test`);
  await page.getByLabel('Rol').selectOption({ label: 'Kwaliteitsmanager' });
  await page.getByLabel('Eenmalig wachtwoord').check();
  await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(page.getByRole('heading', { name: `${name} is aangemaakt` })).toBeVisible();
  await expect.poll(async () => (await sentMails()).filter((m) => m.subject === `${name} kan nu klachten inzien (kwaliteitsmanager)`).length).toBeGreaterThan(0);
});
