import { expect, type Page, test } from '@playwright/test';
import { amsterdamToday, expectAccessible, query, screenshot, signIn, uniqueName, USERS } from './support';

/** Dutch long date as the file page writes due dates: "maandag 16 maart 2026". */
function dutchDate(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
function plusDays(iso: string, days: number) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function registerFormReady(page: Page) {
  await page.goto('/beheer/klachten/nieuw');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klacht registreren');
  await page.locator('form[data-ready]').waitFor();
}

test.describe('registering a postal complaint', () => {
  test('a handler registers a letter that arrived 10 days ago; the clocks on its file count from that day', async ({ page }) => {
    const name = uniqueName('Henk de Jong');
    const received = plusDays(amsterdamToday(), -10);
    await signIn(page, USERS.handler1);
    await page.getByRole('link', { name: 'Klacht registreren' }).click();
    await expect(page).toHaveURL(/\/beheer\/klachten\/nieuw$/);
    await page.locator('form[data-ready]').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'register-empty');

    // Nothing filled in: every problem shows next to its field, and nothing is stored.
    await page.getByRole('button', { name: 'Klacht registreren' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Controleer de gemarkeerde velden.');
    await expect(page.getByText('Vul dit veld in.').first()).toBeVisible();
    await expect(page.getByText('Maak een keuze.').first()).toBeVisible();
    await expect(page.getByText('Bevestig dat de klager weet dat wij de gegevens vastleggen')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Naam', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await screenshot(page, 'register-errors');

    // A received date in the future is refused.
    await page.getByRole('textbox', { name: 'Ontvangen op' }).fill(plusDays(amsterdamToday(), 2));
    await expect(page.getByText('De ontvangstdatum kan niet in de toekomst liggen.')).toBeVisible();

    await page.getByRole('radio', { name: 'Post', exact: true }).check();
    await page.getByRole('textbox', { name: 'Ontvangen op' }).fill(received);
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Straat en huisnummer' }).fill('Kerkstraat 12');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('5341ab');
    await page.getByRole('textbox', { name: 'Plaats' }).fill('Oss');
    await page.getByRole('combobox', { name: 'Onderwerp' }).selectOption({ label: 'Bejegening door adviseur' });
    await page.getByRole('combobox', { name: /^Over welke medewerker/ }).selectOption({ label: 'Ingrid Verhoeven' });
    await page.getByRole('textbox', { name: 'Wat is er gebeurd?' }).fill('In zijn brief schrijft de klager dat zijn adviseur twee afspraken niet nakwam.');
    await page.getByRole('radio', { name: 'Op een datum' }).check();
    await page.getByRole('textbox', { name: 'Datum van het voorval' }).fill(plusDays(received, -20));
    await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
    await page.getByRole('checkbox', { name: /De klager weet dat wij de gegevens vastleggen/ }).check();
    await page.getByRole('button', { name: 'Klacht registreren' }).click();

    // The new complaint's file.
    await expect(page).toHaveURL(/\/beheer\/klachten\/\d+\?geregistreerd=1$/);
    await expect(page.getByRole('status')).toContainText('Er is nog geen ontvangstbevestiging verstuurd');
    const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/KL-\d{4}-\d{4,}/)![0];
    expect(reference.slice(3, 7)).toBe(received.slice(0, 4));
    await expect(page.getByTestId('clock-acknowledgement').getByTestId('due')).toHaveText(dutchDate(plusDays(received, 14)));
    await expect(page.getByTestId('clock-resolution').getByTestId('due')).toHaveText(dutchDate(plusDays(received, 42)));
    await expect(page.getByTestId('clock-notAdmissibleNotice')).toHaveAttribute('data-phase', 'not_applicable');
    await expect(page.getByTestId('status')).toHaveText('Ontvangen');
    await expect(page.getByTestId('history')).toContainText('Klacht geregistreerd');
    await expect(page.getByTestId('history')).toContainText('Sanne Jansen');
    await expect(page.getByTestId('involved')).toContainText('Ingrid Verhoeven');
    await expect(page.getByText('Er zijn nog geen berichten over deze klacht.')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'file-registered');

    const [stored] = await query<{ id: number; channel: string; received_on: string; registered_by_email: string; outbox: number }>(
      `select c.id, c.channel, to_char(c.received_on, 'YYYY-MM-DD') as received_on, u.email as registered_by_email,
              (select count(*)::int from outbox o where o.complaint_id = c.id) as outbox
         from complaints c join users u on u.id = c.registered_by where c.reference = $1`,
      [reference],
    );
    expect(stored).toMatchObject({ channel: 'post', received_on: received, registered_by_email: USERS.handler1, outbox: 0 });

    // Another handler cannot open it: it does not exist for them.
    await page.context().clearCookies();
    await signIn(page, USERS.handler2);
    await page.goto(`/beheer/klachten/${stored!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
    await expect(page.getByText(name)).toHaveCount(0);
  });
});

test.describe('the file of a demo complaint', () => {
  test('shows the clocks with the extension, the history with the hearing, and the outbox', async ({ page }) => {
    const [rich] = await query<{ id: number; reference: string }>(
      `select c.id, c.reference from complaints c
        where exists (select 1 from complaint_history h where h.complaint_id = c.id and h.action = 'extended')
          and exists (select 1 from complaint_history h where h.complaint_id = c.id and h.action = 'hearing_held')
          and (select count(*) from outbox o where o.complaint_id = c.id) >= 2
        order by (c.status = 'in_progress') desc, c.id limit 1`,
    );
    expect(rich).toBeDefined();
    await signIn(page, USERS.manager);
    await page.goto(`/beheer/klachten/${rich!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(rich!.reference);
    await expect(page.getByTestId('clock-resolution')).toContainText('Verlengd; oorspronkelijk');
    const history = page.getByTestId('history');
    await expect(history.getByRole('heading', { name: 'Termijn verlengd' })).toBeVisible();
    await expect(history.getByRole('heading', { name: 'Hoorgesprek gehouden' })).toBeVisible();
    await expect(history.getByText('Reden:').first()).toBeVisible();
    const outbox = page.getByTestId('outbox');
    await expect(outbox.getByRole('heading', { name: /Ontvangstbevestiging/ })).toBeVisible();
    // The client's letter (the extend step also writes one to the adviser complained about).
    await expect(outbox.getByRole('heading', { name: /^Verlenging ·/ })).toBeVisible();
    // The text of a message opens on request.
    const body = outbox.locator('details').first();
    await body.locator('summary').click();
    await expect(body.locator('pre')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'file-demo-extended');

    // On a phone the columns stack and nothing sticks out sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'e2e/.screenshots/file-demo-phone.png' });
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/.screenshots/file-demo-phone-history.png' });
  });

  test('an acknowledgement that bounced shows as failed with its error', async ({ page }) => {
    const [bounced] = await query<{ id: number }>(`select complaint_id as id from outbox where status = 'failed' order by id limit 1`);
    await signIn(page, USERS.manager);
    await page.goto(`/beheer/klachten/${bounced!.id}`);
    const outbox = page.getByTestId('outbox');
    await expect(outbox.getByText('Mislukt')).toBeVisible();
    await expect(outbox.getByText(/Laatste fout: .*550/)).toBeVisible();
    // An online complaint is acknowledged on submission; the bounced mail is what the handler must follow up.
    await expect(page.getByTestId('clock-acknowledgement')).toContainText('Op tijd');
    await screenshot(page, 'file-demo-bounced');
  });

  test('an unknown or malformed id is not found', async ({ page }) => {
    await signIn(page, USERS.manager);
    for (const path of ['/beheer/klachten/999999', '/beheer/klachten/abc']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
    }
  });
});
