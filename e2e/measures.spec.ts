import { expect, type Page, test } from '@playwright/test';
import { amsterdamToday, expectAccessible, query, screenshot, signIn, uniqueName, USERS } from './support';

/**
 * The measures register, as a quality manager uses it: record a measure on its own, link a complaint by its
 * reference, set it done; drop another with a reason; read the history. Each page is checked with axe and looked at
 * on a desktop and a phone.
 */

async function measureIdOf(description: string) {
  const [row] = await query<{ id: number }>('select id from measures where description = $1', [description]);
  return row!.id;
}

async function createMeasure(page: Page, description: string, extra: { owner?: string; dueOn?: string } = {}) {
  await page.goto('/beheer/maatregelen');
  await page.getByRole('link', { name: 'Nieuwe maatregel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe maatregel' })).toBeVisible();
  await page.getByLabel('Wat', { exact: false }).first().fill(description);
  await page.getByLabel(/^Waarom/).fill('Klanten wisten niet dat hun afspraak was verzet.');
  await page.getByLabel(/^Eigenaar/).fill(extra.owner ?? 'Teamleider Oss');
  await page.getByLabel(/^Klaar uiterlijk/).fill(extra.dueOn ?? amsterdamToday(30));
  await page.getByLabel(/^Categorie/).selectOption({ label: 'Bejegening door adviseur' });
  await page.getByRole('button', { name: 'Maatregel vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De maatregel is vastgelegd.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: description })).toBeVisible();
  return measureIdOf(description);
}

test.describe('measures register', () => {
  // Long flows through several pages; the machine running the suite may be busy.
  test.describe.configure({ timeout: 180_000 });

  test('create a measure, link a complaint, set it done; drop another with a reason; the history tells it all', async ({ page }) => {
    await signIn(page, USERS.manager);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Maatregelen' })).toBeVisible();

    // The list, as it opens.
    await page.goto('/beheer/maatregelen');
    await expect(page.getByRole('heading', { level: 1, name: 'Maatregelen' })).toBeVisible();
    await expectAccessible(page);

    // A new measure, recorded on its own; the form refuses first what is missing.
    await page.goto('/beheer/maatregelen/nieuw');
    await page.getByRole('button', { name: 'Maatregel vastleggen' }).click();
    await expect(page.getByText('Vul dit veld in.').first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'measures-new-errors');

    const description = uniqueName('Adviseurs bevestigen elke afspraak per sms');
    const id = await createMeasure(page, description);
    await expect(page).toHaveURL(new RegExp(`/beheer/maatregelen/${id}\\?opgeslagen=nieuw$`));

    // Link a complaint by its reference, typed in lower case.
    const [complaint] = await query<{ id: number; reference: string }>("select id, reference from complaints where status = 'resolved' order by id limit 1");
    await page.getByLabel(/^Referentie van de klacht/).fill('KL-2099-9999');
    await page.getByRole('button', { name: 'Klacht koppelen' }).click();
    await expect(page.getByText('Er is geen klacht met deze referentie.')).toBeVisible();
    await page.getByLabel(/^Referentie van de klacht/).fill(complaint!.reference.toLowerCase());
    await page.getByRole('button', { name: 'Klacht koppelen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De klacht is gekoppeld.' })).toBeVisible();
    await expect(page.getByTestId('linked-complaints').getByRole('link', { name: complaint!.reference })).toBeVisible();

    // In progress, then done (with the day).
    const statusForm = page.getByRole('form', { name: 'Status wijzigen' });
    await statusForm.getByLabel('Bezig').check();
    await statusForm.getByRole('button', { name: 'Status opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De status is gewijzigd.' })).toBeVisible();
    await expect(page.getByText('Nu: Bezig.')).toBeVisible();
    await statusForm.getByLabel('Klaar').check();
    await statusForm.getByLabel(/^Gedaan op/).fill(amsterdamToday(1));
    await statusForm.getByRole('button', { name: 'Status opslaan' }).click();
    await expect(statusForm.getByText('Deze datum ligt in de toekomst.')).toBeVisible();
    await statusForm.getByLabel(/^Gedaan op/).fill(amsterdamToday());
    await statusForm.getByRole('button', { name: 'Status opslaan' }).click();
    await expect(page.getByText('Nu: Klaar.')).toBeVisible();

    const [row] = await query<{ status: string; done_on: string; version: number }>("select status, to_char(done_on, 'YYYY-MM-DD') as done_on, version from measures where id = $1", [id]);
    expect(row).toEqual({ status: 'done', done_on: amsterdamToday(), version: 4 });

    // The history: created, linked, twice a status change, oldest first.
    const history = page.getByTestId('history');
    await expect(history.getByRole('heading', { level: 3 })).toHaveText(['Maatregel vastgelegd', 'Klacht gekoppeld', 'Status gewijzigd', 'Status gewijzigd']);
    await expect(history).toContainText(complaint!.reference);
    await expect(history).toContainText('Status: Bezig → Klaar');
    await expectAccessible(page);
    await screenshot(page, 'measures-detail-done');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'measures-detail-done-phone');
    await page.setViewportSize({ width: 1280, height: 720 });

    // The complaint's file names the measure.
    await page.goto(`/beheer/klachten/${complaint!.id}`);
    await expect(page.getByText(description)).toBeVisible();

    // Another one, dropped: the reason is required.
    const dropped = uniqueName('Wachtkamer opnieuw inrichten');
    const droppedId = await createMeasure(page, dropped, { owner: 'Facilitair' });
    const form = page.getByRole('form', { name: 'Status wijzigen' });
    await form.getByLabel('Vervallen').check();
    await form.getByRole('button', { name: 'Status opslaan' }).click();
    await expect(form.getByText('Schrijf op waarom.')).toBeVisible();
    await form.getByLabel(/^Reden/).fill('De locatie gaat dicht; het bezoek verhuist naar Oss.');
    await form.getByRole('button', { name: 'Status opslaan' }).click();
    await expect(page.getByText('Nu: Vervallen.')).toBeVisible();
    await expect(page.getByTestId('history')).toContainText('De locatie gaat dicht; het bezoek verhuist naar Oss.');
    const [droppedRow] = await query<{ status: string; dropped_reason: string }>('select status, dropped_reason from measures where id = $1', [droppedId]);
    expect(droppedRow).toEqual({ status: 'dropped', dropped_reason: 'De locatie gaat dicht; het bezoek verhuist naar Oss.' });
    const history2 = await query<{ action: string; reason: string | null }>('select action, reason from measure_history where measure_id = $1 order by id', [droppedId]);
    expect(history2).toEqual([
      { action: 'created', reason: null },
      { action: 'status_changed', reason: 'De locatie gaat dicht; het bezoek verhuist naar Oss.' },
    ]);

    // Both in the list, found by search and by status.
    await page.goto(`/beheer/maatregelen?q=${encodeURIComponent(description)}`);
    await expect(page.getByTestId('measures-table').getByRole('link', { name: description })).toBeVisible();
    await page.goto('/beheer/maatregelen');
    await page.getByLabel('Status').selectOption({ label: 'Vervallen' });
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect(page).toHaveURL(/\/beheer\/maatregelen\?status=dropped$/);
    await expect(page.getByTestId('measures-table').getByRole('link', { name: dropped })).toBeVisible();
    await expect(page.getByTestId('measures-table').getByRole('link', { name: description })).toHaveCount(0);
  });

  test('edit with a conflict: someone else changed it, nothing is written', async ({ page }) => {
    await signIn(page, USERS.manager);
    const description = uniqueName('Terugbelgarantie binnen een werkdag');
    const id = await createMeasure(page, description);
    // Someone else changes the owner in the meantime (version 1 → 2).
    await query("update measures set owner = 'Iemand anders', version = version + 1 where id = $1", [id]);
    const edit = page.getByRole('form', { name: 'Wijzigen', exact: true });
    await edit.getByLabel(/^Eigenaar/).fill('Teamleider Den Bosch');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(edit.getByRole('alert')).toContainText('Deze maatregel is intussen gewijzigd door');
    const [row] = await query<{ owner: string }>('select owner from measures where id = $1', [id]);
    expect(row!.owner).toBe('Iemand anders');
    // After a reload the edit goes through and is in the history.
    await page.reload();
    await edit.getByLabel(/^Eigenaar/).fill('Teamleider Den Bosch');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' })).toBeVisible();
    await expect(page.getByTestId('history')).toContainText('Iemand anders → Teamleider Den Bosch');
  });

  test('overdue measures: in the manager\'s inbox summary, linking to the filtered list; the list on a phone', async ({ page }) => {
    await signIn(page, USERS.manager);
    const description = uniqueName('Klachtenfolder herschrijven');
    const id = await createMeasure(page, description);
    await query('update measures set due_on = current_date - 3 where id = $1', [id]);
    const [{ n }] = (await query<{ n: string }>("select count(*) as n from measures where status in ('planned', 'in_progress') and due_on < (now() at time zone 'Europe/Amsterdam')::date")) as [{ n: string }];

    await page.goto('/beheer');
    const line = page.getByRole('link', { name: `${n} ${Number(n) === 1 ? 'maatregel' : 'maatregelen'} over de datum` });
    await expect(line).toBeVisible();
    await screenshot(page, 'measures-inbox-summary');
    await line.click();
    await expect(page).toHaveURL(/\/beheer\/maatregelen\?overdue=1$/);
    await expect(page.getByText(new RegExp(`van ${n} maatregel`))).toBeVisible();
    await expect(page.getByTestId('measures-table').getByRole('link', { name: description })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'measures-list-overdue');

    await page.goto('/beheer/maatregelen');
    await screenshot(page, 'measures-list');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await screenshot(page, 'measures-list-phone');
  });

  test('a measure from the demo data: its history as recorded, readable', async ({ page }) => {
    await signIn(page, USERS.manager);
    const [measure] = await query<{ id: number; n: string }>(
      'select measure_id as id, count(*) as n from measure_history group by measure_id order by count(*) desc, measure_id limit 1',
    );
    await page.goto(`/beheer/maatregelen/${measure!.id}`);
    await expect(page.getByTestId('history').getByRole('heading', { level: 3 })).toHaveCount(Number(measure!.n));
    await expectAccessible(page);
    await screenshot(page, 'measures-detail-seeded');
  });

  test('handlers do not see the menu item nor the overdue measures line', async ({ page }) => {
    await signIn(page, USERS.handler1);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Maatregelen' })).toHaveCount(0);
    await expect(page.getByText(/over de datum$/)).toHaveCount(0);
  });
});
