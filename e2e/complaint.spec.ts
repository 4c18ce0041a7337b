import { expect, test } from '@playwright/test';
import { amsterdamToday, complaintsNamed, EN, expectAccessible, fillComplaint, formReady, NL, query, screenshot, sentMails, uniqueName } from './support';

function longDate(iso: string, locale: 'nl-NL' | 'en-GB') {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
function plusDays(iso: string, days: number) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

test.describe('a client files a complaint', () => {
  test('in Dutch: sees the reference and the dates, and the complaint is stored with its history and acknowledgement', async ({ page }) => {
    const name = uniqueName('Noor Bakker');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet tevreden? Laat het ons weten.');
    await screenshot(page, 'home-nl');
    await page.getByRole('main').getByRole('link', { name: 'Klacht indienen' }).click();
    await expect(page).toHaveURL(/\/klacht$/);
    await screenshot(page, 'form-nl');

    await fillComplaint(page, NL, { name, date: plusDays(amsterdamToday(), -10) });
    await page.getByRole('button', { name: NL.submit }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
    const reference = (await page.getByTestId('reference').textContent())!.trim();
    expect(reference).toMatch(new RegExp(`^KL-${amsterdamToday().slice(0, 4)}-\\d{4,}$`));
    const today = amsterdamToday();
    await expect(page.getByTestId('date-received')).toContainText(longDate(today, 'nl-NL'));
    // Online complaints are acknowledged at submission: no "you will get a confirmation by …" promise.
    await expect(page.getByTestId('acknowledgement-note')).toHaveText(/Wij hebben u een bevestiging gestuurd per e-mail/);
    await expect(page.getByText(longDate(plusDays(today, 14), 'nl-NL'))).toHaveCount(0);
    await expect(page.getByTestId('date-ackSent')).toContainText(longDate(today, 'nl-NL'));
    await expect(page.getByText(longDate(plusDays(today, 42), 'nl-NL'))).toBeVisible();
    await expect(page.getByTestId('one-year-note')).toHaveCount(0);
    await screenshot(page, 'confirmation-nl');

    const [complaint] = await complaintsNamed(name);
    expect(complaint).toMatchObject({ reference, channel: 'online', status: 'acknowledged' });
    const history = await query('select action, actor_label from complaint_history where complaint_id = $1 order by id', [complaint!.id]);
    expect(history).toEqual([
      { action: 'received', actor_label: 'client' },
      { action: 'acknowledged', actor_label: 'system' },
    ]);
    // The acknowledgement went into the outbox in the same transaction, and out through resend right after.
    await expect
      .poll(() => query('select kind, medium, recipient, status from outbox where complaint_id = $1', [complaint!.id]))
      .toEqual([{ kind: 'acknowledgement', medium: 'email', recipient: 'e2e@example.test', status: 'sent' }]);
    const mail = (await sentMails()).find((m) => m.subject === `Wij hebben uw klacht ${reference} ontvangen`);
    expect(mail).toMatchObject({ to: 'e2e@example.test', from: 'Klachtloket e2e <klachten@example.test>' });
    expect(mail!.text).toContain(`/status/`);
    expect(mail!.text).toContain(longDate(today, 'nl-NL').replace(/^\w+ /, ''));

    // The secret link leads to the complaint.
    await page.getByTestId('status-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Uw klacht ${reference}`);
    await expect(page.getByTestId('status')).toHaveText('Ontvangst bevestigd');
    await expect(page.getByTestId('timeline').getByRole('listitem')).toHaveText([/Wij hebben uw klacht ontvangen\./, /ontvangst van uw klacht bevestigd per e-mail\./]);
    await expect(page.getByText(/binnenkort/i)).toHaveCount(0);

    // A handler extended the term (written as the step writes it): the page follows the new date, client text stays text.
    const newDue = plusDays(today, 70);
    await query("update complaints set resolution_extended_to = $2, extension_count = 1, status = 'in_progress' where id = $1", [complaint!.id, newDue]);
    await query(
      "insert into complaint_history (complaint_id, action, from_status, to_status, reason, details) values ($1, 'extended', 'acknowledged', 'in_progress', $2, $3)",
      [complaint!.id, 'Wij wachten op <script>alert(1)</script> het verslag.', JSON.stringify({ previousDue: plusDays(today, 42), newDue })],
    );
    await page.reload();
    await expect(page.getByTestId('date-decisionByExtended')).toContainText(longDate(newDue, 'nl-NL'));
    await expect(page.getByTestId('date-decisionByExtended')).toContainText('Eerst was dit');
    await expect(page.getByTestId('timeline-extended')).toContainText('Wij wachten op <script>alert(1)</script> het verslag.');
    await expectAccessible(page);
    await screenshot(page, 'status-nl');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'status-nl-phone');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Your complaint ${reference}`);
    await expect(page.getByTestId('timeline-acknowledged')).toContainText('We confirmed that we received your complaint by e-mail.');
    await expect(page.getByTestId('date-decisionByExtended')).toContainText(longDate(newDue, 'en-GB'));
    await expectAccessible(page);
    await screenshot(page, 'status-en');

    // The outcome, as the resolve step records it: the decision in plain words and the route onward to the named party.
    await query(
      "update complaints set status = 'resolved', outcome = 'partly_upheld', contracting_party_id = (select id from contracting_parties where active order by id limit 1) where id = $1",
      [complaint!.id],
    );
    await query(
      "insert into complaint_history (complaint_id, action, from_status, to_status, reason, details) values ($1, 'resolved', 'in_progress', 'resolved', $2, $3)",
      [
        complaint!.id,
        'Your adviser missed two appointments.',
        JSON.stringify({ outcome: 'partly_upheld', judgement: 'That should not happen.', measures: ['Text reminders'], measureStates: [{ description: 'Text reminders', dueOn: null, done: true }] }),
      ],
    );
    await page.reload();
    await expect(page.getByTestId('outcome')).toContainText('Your complaint is partly upheld');
    await expect(page.getByTestId('route-onward')).toContainText('the organisation that commissioned your trajectory:');
    await expect(page.getByTestId('timeline-outcome')).toContainText('Text reminders (done)');
    await expect(page.getByTestId('date-decidedOn')).toBeVisible();
    await expect(page.getByTestId('date-decisionByExtended')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'status-en-outcome');
  });

  test('in English under /en, with a note when the incident is more than a year old', async ({ page }) => {
    const name = uniqueName('Sam Carter');
    await page.goto('/en/klacht');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await fillComplaint(page, EN, { name, date: plusDays(amsterdamToday(), -400) });
    await page.getByRole('button', { name: EN.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have received your complaint');
    await expect(page).toHaveURL(/\/en\/klacht\/ontvangen\//);
    await expect(page.getByTestId('one-year-note')).toContainText('more than one year ago');
    await expect(page.getByText(longDate(plusDays(amsterdamToday(), 42), 'en-GB'))).toBeVisible();
    await screenshot(page, 'confirmation-en-one-year');
    const [complaint] = await complaintsNamed(name);
    const [mail] = await query<{ subject: string }>('select subject from outbox where complaint_id = $1', [complaint!.id]);
    expect(mail!.subject).toBe(`We have received your complaint ${complaint!.reference}`);
  });

  test('the language switch keeps the page', async ({ page }) => {
    await page.goto('/klacht');
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page).toHaveURL(/\/en\/klacht$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('File a complaint');
    await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
    await expect(page).toHaveURL(/\/klacht$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klacht indienen');
  });
});

test.describe('bad input', () => {
  test('a pasted text longer than the limit is kept whole, counted, and refused with its length; nothing is filed', async ({ page }) => {
    const name = uniqueName('Lange Tekst');
    await page.goto('/klacht');
    await fillComplaint(page, NL, { name, date: plusDays(amsterdamToday(), -10) });
    const description = page.getByLabel(NL.description);
    await expect(page.getByTestId('description-count')).toHaveText('71 van 5.000 tekens');
    // A paste of 20,000 characters: nothing is cut, the count says how much too long it is.
    const pasted = 'Mijn adviseur luisterde niet. '.repeat(667).slice(0, 20_000);
    await description.fill(pasted);
    expect((await description.inputValue()).length).toBe(20_000);
    await expect(page.getByTestId('description-count')).toHaveText('20.000 van 5.000 tekens – 15.000 tekens te veel');
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.locator('#description-error')).toHaveText('Uw tekst is 20.000 tekens; het maximum is 5.000. Kort hem in.');
    await expect(page.getByTestId('form-alert')).toContainText('Uw tekst is 20.000 tekens');
    expect((await description.inputValue()).length).toBe(20_000);
    await expect(description).toHaveAttribute('aria-describedby', 'description-hint description-count description-error');
    await screenshot(page, 'form-too-long-nl');
    await expectAccessible(page);
    expect(await complaintsNamed(name)).toHaveLength(0);

    // Shortened to the limit: the complaint is filed with the whole text.
    await description.fill(pasted.slice(0, 5000));
    await expect(page.locator('#description-error')).toHaveCount(0);
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
    const [complaint] = await query<{ n: number }>('select length(description)::int as n from complaints where complainant_name = $1', [name]);
    expect(complaint).toEqual({ n: pasted.slice(0, 5000).trim().length });
  });

  test('an empty form shows every problem next to its field, in Dutch, and creates nothing', async ({ page }) => {
    // Nothing is sent: the browser's checks stop the form before the server action (other specs file complaints at the
    // same time, so counting rows would not tell).
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(request.url());
    });
    await page.goto('/klacht');
    await formReady(page);
    await page.getByRole('button', { name: NL.submit }).click();
    const summary = page.getByTestId('form-alert');
    await expect(summary).toContainText('Controleer de volgende velden:');
    await expect(page.locator('#name-error')).toHaveText('Vul dit veld in.');
    await expect(page.locator('#email-error')).toHaveText('Vul een e-mailadres of een postadres in, zodat wij u kunnen bereiken.');
    await expect(page.locator('#category-error')).toHaveText('Maak een keuze.');
    await expect(page.locator('#description-error')).toHaveText('Vul dit veld in.');
    await expect(page.locator('#incidentWhen-error')).toHaveText('Maak een keuze.');
    await expect(page.locator('#partyChoice-error')).toHaveText('Maak een keuze.');
    await expect(page.locator('#consent-error')).toHaveText('Zonder uw toestemming kunnen wij uw klacht niet behandelen.');
    await expect(page.getByLabel(NL.name)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(NL.name)).toHaveAttribute('aria-describedby', 'name-error');
    await expect(page.getByLabel(NL.name)).toBeFocused();
    await screenshot(page, 'form-errors-nl');
    await expectAccessible(page);
    expect(sent).toEqual([]);
  });

  test('a future date, a bad e-mail address and half an address are refused with their own messages', async ({ page }) => {
    const name = uniqueName('Future');
    await page.goto('/klacht');
    await fillComplaint(page, NL, { name, date: plusDays(amsterdamToday(), 5) });
    await page.getByLabel(NL.email, { exact: true }).fill('noor@');
    await page.getByLabel('Straat en huisnummer').fill('Markt 1');
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.locator('#incidentDate-error')).toHaveText('Deze datum ligt in de toekomst. Kies de dag waarop het gebeurde.');
    await expect(page.locator('#email-error')).toHaveText('Dit e-mailadres klopt niet. Voorbeeld: naam@voorbeeld.nl');
    await expect(page.locator('#postcode-error')).toHaveText('Vul het hele postadres in: straat en huisnummer, postcode en plaats.');
    expect(await complaintsNamed(name)).toHaveLength(0);

    // Fixing the input lets the same form go through.
    await page.getByLabel(/^Datum/).fill(amsterdamToday());
    await page.getByLabel(NL.email, { exact: true }).fill('noor@example.test');
    await page.getByLabel('Straat en huisnummer').fill('');
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
    expect(await complaintsNamed(name)).toHaveLength(1);
  });

  test('English pages show English messages', async ({ page }) => {
    await page.goto('/en/klacht');
    await formReady(page);
    await page.getByRole('button', { name: EN.submit }).click();
    await expect(page.locator('#name-error')).toHaveText('Please fill in this field.');
    await expect(page.locator('#consent-error')).toHaveText('We cannot handle your complaint without your consent.');
    await screenshot(page, 'form-errors-en');
    await expectAccessible(page);
  });

  test('a request that skips the browser checks is refused by the server in the same words', async ({ page }) => {
    await page.goto('/klacht');
    // Switch off the browser-side validation by sending a future date straight past the date picker's max.
    const name = uniqueName('Bypass');
    await fillComplaint(page, NL, { name, date: amsterdamToday() });
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#incidentDate')!;
      input.removeAttribute('max');
    });
    await page.getByLabel(/^Datum/).fill('2999-01-01');
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.locator('#incidentDate-error')).toHaveText('Deze datum ligt in de toekomst. Kies de dag waarop het gebeurde.');
    expect(await complaintsNamed(name)).toHaveLength(0);
  });
});

test('a double click on submit creates exactly one complaint', async ({ page }) => {
  const name = uniqueName('Double Click');
  await page.goto('/klacht');
  await fillComplaint(page, NL, { name, date: amsterdamToday() });
  await page.getByRole('button', { name: NL.submit }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
  expect(await complaintsNamed(name)).toHaveLength(1);
});

test('a re-posted form (same submission, answer lost) gives back the same complaint', async ({ page }) => {
  const name = uniqueName('Repost');
  await page.goto('/klacht');
  await fillComplaint(page, NL, { name, date: amsterdamToday() });
  // Let the first post reach the server but lose its answer, as on a flaky connection.
  let dropped = false;
  await page.route('**/api/klachten', async (route) => {
    if (route.request().method() === 'POST' && !dropped) {
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByTestId('form-alert')).toContainText('de verbinding viel weg');
  expect(await complaintsNamed(name)).toHaveLength(1);
  await page.getByRole('button', { name: NL.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
  const rows = await complaintsNamed(name);
  expect(rows).toHaveLength(1);
  await expect(page.getByTestId('reference')).toHaveText(rows[0]!.reference);
});

test.describe('accessibility (axe: no serious or critical violations)', () => {
  for (const path of ['/', '/klacht', '/en', '/en/klacht']) {
    test(path, async ({ page }) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  }

  for (const [locale, labels] of [['nl', NL], ['en', EN]] as const) {
    test(`confirmation page (${locale})`, async ({ page }) => {
      await page.goto(locale === 'en' ? '/en/klacht' : '/klacht');
      await fillComplaint(page, labels, { name: uniqueName('Axe'), date: amsterdamToday() });
      await page.getByRole('button', { name: labels.submit }).click();
      await expect(page.getByTestId('reference')).toBeVisible();
      // After the client-side navigation Next streams the page's metadata in: the title comes a moment after the body.
      await expect(page).toHaveTitle(locale === 'en' ? /complaint/i : /klacht/i);
      await expectAccessible(page);
    });
  }
});

test('health tells the public only that the app is up (details need CRON_SECRET, lib/health.pg.test.ts)', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
  expect(response.headers()['cache-control']).toContain('no-store');
});

test('every page carries the security headers', async ({ request }) => {
  const response = await request.get('/klacht');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
});

test('an unknown status link shows a clear page, not an error', async ({ page }) => {
  const response = await page.goto('/status/' + 'x'.repeat(43));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the form fits the screen and can be filed', async ({ page }) => {
    await page.goto('/klacht');
    await formReady(page);
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'form-phone');
    await fillComplaint(page, NL, { name: uniqueName('Phone'), date: amsterdamToday() });
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.getByTestId('reference')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'confirmation-phone');
  });
});
